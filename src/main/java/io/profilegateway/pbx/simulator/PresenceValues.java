package io.profilegateway.pbx.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Parses and formats the value of {@code PRESENCE_STATE(CustomPresence:x)}: {@code state[,subtype[,message[,options]]]}
 * where option {@code e} means subtype and message are base64-encoded (as Asterisk's func_presencestate).
 */
final class PresenceValues {

    private PresenceValues() {
    }

    /**
     * @param value e.g. {@code dnd,,Teams meeting}
     * @return the presence, or {@code null} when the state is missing or unknown or the options are invalid
     */
    static Presence parse(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(",", 4);
        PresenceState state = PresenceState.parse(parts[0]);
        if (parts[0].isEmpty() || state == null) {
            return null;
        }
        String subtype = parts.length > 1 ? parts[1] : "";
        String message = parts.length > 2 ? parts[2] : "";
        String options = parts.length > 3 ? parts[3] : "";
        if (options.indexOf(',') >= 0) {
            options = options.substring(0, options.indexOf(','));
        }
        if (!options.isEmpty()) {
            if (options.indexOf('e') < 0) {
                return null;
            }
            subtype = decode(subtype);
            message = decode(message);
            if (subtype == null || message == null) {
                return null;
            }
        }
        return new Presence(state, subtype, message);
    }

    /**
     * Formats a presence as a value {@link #parse} reads back; subtype and message are base64-encoded (option
     * {@code e}) when they contain a comma.
     */
    static String format(Presence p) {
        if (p.subtype().indexOf(',') >= 0 || p.message().indexOf(',') >= 0) {
            return p.state().wireName() + "," + encode(p.subtype()) + "," + encode(p.message()) + ",e";
        }
        return p.state().wireName() + "," + p.subtype() + "," + p.message();
    }

    static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        try {
            return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
