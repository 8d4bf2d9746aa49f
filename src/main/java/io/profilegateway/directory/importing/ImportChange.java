package io.profilegateway.directory.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of an import's diff: a user the source has and the directory not, one that differs, one that is gone. A PBX
 * import fills {@code extension}, {@code pbx} and {@code directory}; an Entra import {@code email}, {@code entra} and
 * {@code directoryEntra}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One difference between the source (PBX or Entra ID) and the directory")
public record ImportChange(
        Kind kind,
        @Schema(description = "PBX imports", example = "1001") String extension,
        @Schema(description = "Entra imports: the e-mail matched on (lower case)", example = "anna@example.com")
        String email,
        @Schema(description = "the directory user (not for NEW)", example = "1042") Long userId,
        @Schema(description = "as the PBX has him (PBX imports, not for GONE)") PbxUser pbx,
        @Schema(description = "as the directory has him (PBX imports, not for NEW)") PbxUser directory,
        @Schema(description = "as Entra ID has him (Entra imports, not for GONE)") EntraEntry entra,
        @Schema(description = "as the directory has him (Entra imports, not for NEW)") EntraEntry directoryEntra) {

    public enum Kind {
        /** In the source, not in the directory: created on apply (from Entra: a portal-only user). */
        NEW,
        /** In both, differing: the source's values are taken on apply. */
        CHANGED,
        /** Imported from the source earlier, now gone from it: deleted on apply. */
        GONE
    }

    /** A user as Entra ID gives him, or the directory's values of the same fields. */
    @Schema(description = "Name, e-mail and Entra object id")
    public record EntraEntry(@Schema(example = "Anna Schmidt") String displayName,
            @Schema(example = "anna@example.com") String email,
            @Schema(example = "6e7b768e-07e2-4810-8459-485f84f8f204") String entraObjectId) {
    }

    static ImportChange created(PbxUser pbx) {
        return new ImportChange(Kind.NEW, pbx.extension(), null, null, pbx, null, null, null);
    }

    static ImportChange changed(long userId, PbxUser pbx, PbxUser directory) {
        return new ImportChange(Kind.CHANGED, pbx.extension(), null, userId, pbx, directory, null, null);
    }

    static ImportChange gone(long userId, PbxUser directory) {
        return new ImportChange(Kind.GONE, directory.extension(), null, userId, null, directory, null, null);
    }

    static ImportChange created(EntraEntry entra) {
        return new ImportChange(Kind.NEW, null, entra.email(), null, null, null, entra, null);
    }

    static ImportChange changed(long userId, String extension, EntraEntry entra, EntraEntry directory) {
        return new ImportChange(Kind.CHANGED, extension, entra.email(), userId, null, null, entra, directory);
    }

    static ImportChange gone(long userId, EntraEntry directory) {
        return new ImportChange(Kind.GONE, null, directory.email(), userId, null, null, null, directory);
    }

    List<String> devices() {
        return pbx.devices();
    }

    /** What the change is sorted and reported by: the extension, else the e-mail. */
    String key() {
        return extension != null ? extension : email;
    }
}
