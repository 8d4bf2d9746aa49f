package io.profilegateway.pbx;

import io.profilegateway.switching.DesiredPbxState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /users/{id}/pbx-state}: what Asterisk should hold, what it was last seen to hold, and whether they match. */
public record PbxStateView(
        DesiredPbxState desired,
        @Schema(description = "the desired state Asterisk last confirmed completely; null until then (and on a node"
                + " that does not hold the AMI link, null unless in sync)")
        DesiredPbxState applied,
        @Schema(description = "the state version Asterisk last confirmed; null until then", example = "12")
        Long appliedVersion,
        @Schema(description = "Asterisk confirmed the state version the database holds now") boolean inSync,
        @Schema(description = "why it is not in sync", example = "no AMI connection to server 'main'") String reason,
        @Schema(description = "the Asterisk server the user lives on", example = "main") String server,
        @Schema(description = "the gateway node that holds the server's AMI link (gateway.ami.cluster.node-id)",
                example = "node-a") String node) {
}
