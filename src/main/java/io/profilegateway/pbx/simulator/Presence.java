package io.profilegateway.pbx.simulator;

import java.util.Objects;

/**
 * The presence of one provider (e.g. {@code CustomPresence:1001}): state, subtype and message.
 *
 * @param state   the state
 * @param subtype the subtype, empty when none
 * @param message the message, empty when none
 */
public record Presence(PresenceState state, String subtype, String message) {

    /** The presence of a provider that was never set. */
    public static final Presence NOT_SET = new Presence(PresenceState.NOT_SET, "", "");

    /**
     * Validates and normalises (null texts become empty).
     *
     * @param state   the state, not null
     * @param subtype the subtype
     * @param message the message
     */
    public Presence {
        Objects.requireNonNull(state, "state");
        subtype = subtype == null ? "" : subtype;
        message = message == null ? "" : message;
    }
}
