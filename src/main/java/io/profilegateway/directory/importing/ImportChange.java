package io.profilegateway.directory.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of an import's diff: a user the PBX has and the directory not, one that differs, one that is gone. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One difference between the PBX and the directory")
public record ImportChange(
        Kind kind,
        @Schema(example = "1001") String extension,
        @Schema(description = "the directory user (not for NEW)", example = "1042") Long userId,
        @Schema(description = "as the PBX has him (not for GONE)") PbxUser pbx,
        @Schema(description = "as the directory has him (not for NEW)") PbxUser directory) {

    public enum Kind {
        /** On the PBX, not in the directory: created as a PBX user on apply. */
        NEW,
        /** In both, with another name or other devices: the PBX's name and devices are taken on apply. */
        CHANGED,
        /** Imported from the PBX earlier, now gone from it: deleted on apply. */
        GONE
    }

    static ImportChange created(PbxUser pbx) {
        return new ImportChange(Kind.NEW, pbx.extension(), null, pbx, null);
    }

    static ImportChange changed(long userId, PbxUser pbx, PbxUser directory) {
        return new ImportChange(Kind.CHANGED, pbx.extension(), userId, pbx, directory);
    }

    static ImportChange gone(long userId, PbxUser directory) {
        return new ImportChange(Kind.GONE, directory.extension(), userId, null, directory);
    }

    List<String> devices() {
        return pbx.devices();
    }
}
