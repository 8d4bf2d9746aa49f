package io.profilegateway.pbx.simulator;

import java.util.Locale;

/**
 * Asterisk's manager event classes ({@code EVENT_FLAG_*}), used for the {@code Privilege} header of events and for
 * the event mask of a session ({@code Events: on|off|call,agent}).
 */
enum EventCategory {
    SYSTEM(1, "system"),
    CALL(1 << 1, "call"),
    LOG(1 << 2, "log"),
    VERBOSE(1 << 3, "verbose"),
    COMMAND(1 << 4, "command"),
    AGENT(1 << 5, "agent"),
    USER(1 << 6, "user"),
    CONFIG(1 << 7, "config"),
    DTMF(1 << 8, "dtmf"),
    REPORTING(1 << 9, "reporting"),
    CDR(1 << 10, "cdr"),
    DIALPLAN(1 << 11, "dialplan"),
    ORIGINATE(1 << 12, "originate"),
    AGI(1 << 13, "agi"),
    CC(1 << 15, "cc"),
    AOC(1 << 16, "aoc"),
    TEST(1 << 17, "test"),
    SECURITY(1 << 18, "security"),
    MESSAGE(1 << 19, "message");

    /** Every flag, as {@code all} means. */
    static final int ALL = Integer.MAX_VALUE;

    private final int flag;
    private final String label;
    private final String privilege;

    EventCategory(int flag, String label) {
        this.flag = flag;
        this.label = label;
        this.privilege = label + ",all";
    }

    int flag() {
        return flag;
    }

    /** @return the {@code Privilege} header value, e.g. {@code agent,all} */
    String privilege() {
        return privilege;
    }

    /**
     * Converts an event mask as Asterisk's {@code strings_to_mask} does: digits are the mask itself, a false value
     * ({@code off}, {@code no}, ...) is 0, a true value ({@code on}, {@code yes}, ...) is every flag, otherwise a
     * comma-separated list of class names (unknown names add nothing).
     *
     * @param mask the header value
     * @return the mask, or -1 when empty (invalid)
     */
    static int parseMask(String mask) {
        if (mask == null || mask.isEmpty()) {
            return -1;
        }
        boolean digits = true;
        for (int i = 0; i < mask.length(); i++) {
            char c = mask.charAt(i);
            if (c < '0' || c > '9') {
                digits = false;
                break;
            }
        }
        if (digits) {
            try {
                return Integer.parseInt(mask);
            } catch (NumberFormatException e) {
                return ALL;
            }
        }
        String v = mask.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "no": case "false": case "n": case "f": case "0": case "off":
                return 0;
            case "yes": case "true": case "y": case "t": case "1": case "on":
                return ALL;
            default:
                break;
        }
        int result = 0;
        for (String part : v.split(",")) {
            String p = part.trim();
            if (p.equals("all")) {
                result |= ALL;
                continue;
            }
            for (EventCategory c : values()) {
                if (c.label.equals(p)) {
                    result |= c.flag;
                }
            }
        }
        return result;
    }
}
