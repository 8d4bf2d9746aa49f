package io.profilegateway.directory.importing;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as the PBX knows him: extension, name, devices in ring order. */
@Schema(description = "A user as the PBX knows him")
public record PbxUser(
        @Schema(example = "1001") String extension,
        @Schema(example = "Anna Schmidt") String displayName,
        @Schema(example = "[\"PJSIP/1001\"]") List<String> devices) {
}
