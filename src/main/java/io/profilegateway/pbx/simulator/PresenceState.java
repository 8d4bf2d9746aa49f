package io.profilegateway.pbx.simulator;

import java.util.Locale;

/**
 * Asterisk's presence states ({@code enum ast_presence_state}) with the names used on the wire.
 */
public enum PresenceState {
    /** Never set. */
    NOT_SET("not_set"),
    /** Unavailable. */
    UNAVAILABLE("unavailable"),
    /** Available. */
    AVAILABLE("available"),
    /** Away. */
    AWAY("away"),
    /** Extended away. */
    XA("xa"),
    /** Free to chat. */
    CHAT("chat"),
    /** Do not disturb. */
    DND("dnd");

    private final String wireName;

    PresenceState(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name as Asterisk writes it, e.g. {@code dnd} */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a presence state name case-insensitively ({@code ast_presence_state_val}).
     *
     * @param value e.g. {@code away}
     * @return the state, or {@code null} when the name is not a presence state
     */
    public static PresenceState parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.toLowerCase(Locale.ROOT);
        for (PresenceState s : values()) {
            if (s.wireName.equals(v)) {
                return s;
            }
        }
        return null;
    }
}
