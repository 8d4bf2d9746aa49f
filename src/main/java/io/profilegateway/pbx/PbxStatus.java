package io.profilegateway.pbx;

import io.profilegateway.switching.DesiredPbxState;

/**
 * How far a user's desired state has reached his Asterisk server: {@code appliedVersion} is the state version
 * Asterisk last confirmed (null: none yet), {@code node} the gateway node that holds the server's AMI link.
 */
public record PbxStatus(String server, DesiredPbxState applied, Long appliedVersion, boolean inSync, String reason,
        String node) {

    /**
     * Compared with the state version the database holds now: a change committed on another node that the link
     * holder has not applied yet is not in sync, whatever the holder last confirmed.
     */
    PbxStatus against(long desiredVersion) {
        if (appliedVersion != null && appliedVersion == desiredVersion) {
            return this;
        }
        String why = reason != null ? reason : appliedVersion == null ? "not yet applied"
                : "version " + desiredVersion + " is being applied (Asterisk confirmed version " + appliedVersion + ")";
        return new PbxStatus(server, applied, appliedVersion, false, why, node);
    }
}
