package io.profilegateway.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Asterisk's presence types, written to {@code CustomPresence:<ext>} when the profile becomes active. */
public enum PresenceType {
    AVAILABLE, AWAY, DND, XA, CHAT, UNAVAILABLE;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PresenceType of(String value) {
        for (PresenceType type : values()) {
            if (type.toString().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("must be one of available, away, dnd, xa, chat, unavailable");
    }
}
