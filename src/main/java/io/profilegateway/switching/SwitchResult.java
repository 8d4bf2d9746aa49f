package io.profilegateway.switching;

/** What a switch left behind: its outcome, the active profile and the desired PBX state. */
public record SwitchResult(SwitchOutcome outcome, ActiveProfile active, DesiredPbxState desired) {
}
