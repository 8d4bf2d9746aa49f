package io.profilegateway.pbx;

import io.profilegateway.switching.DesiredPbxState;

/** How far a user's desired state has reached his Asterisk server. */
public record PbxStatus(String server, DesiredPbxState applied, boolean inSync, String reason) {
}
