package io.profilegateway.agentstate;

/** Where a user stands in one team (queue). */
public enum AgentState {
    /** Not a member of the queue. */
    LOGGED_OUT,
    /** A member, not paused. */
    AVAILABLE,
    /** A member, paused (with a reason, or none). */
    PAUSED
}
