package io.profilegateway.pbx;

import io.profilegateway.switching.DesiredPbxState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /users/{id}/pbx-state}: what Asterisk should hold, what it was last seen to hold, and whether they match. */
public record PbxStateView(
        DesiredPbxState desired,
        @Schema(description = "the desired state Asterisk last confirmed completely; null until then")
        DesiredPbxState applied,
        boolean inSync,
        @Schema(description = "why it is not in sync", example = "no AMI connection to server 'main'") String reason,
        @Schema(description = "the Asterisk server the user lives on", example = "main") String server) {
}
