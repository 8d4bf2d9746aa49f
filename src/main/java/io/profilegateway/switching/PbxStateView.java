package io.profilegateway.switching;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /users/{id}/pbx-state}: what Asterisk should hold, what it was last seen to hold, and whether they match. */
public record PbxStateView(
        DesiredPbxState desired,
        @Schema(description = "the state last applied to Asterisk; null until the reconciler has applied it")
        DesiredPbxState applied,
        boolean inSync,
        @Schema(description = "why it is not in sync", example = "no Asterisk connection") String reason) {
}
