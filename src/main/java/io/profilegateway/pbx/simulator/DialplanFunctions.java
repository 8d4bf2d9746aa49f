package io.profilegateway.pbx.simulator;

import java.util.Locale;

/**
 * The dialplan functions {@code Getvar}/{@code Setvar} can use without a channel: {@code DEVICE_STATE},
 * {@code PRESENCE_STATE} and {@code DB}, as Asterisk's func_devstate, func_presencestate and func_db behave.
 * Anything else is an unknown function (read: empty, write: failure).
 */
final class DialplanFunctions {

    private final SimulatedPbx pbx;

    DialplanFunctions(SimulatedPbx pbx) {
        this.pbx = pbx;
    }

    /** @return whether the variable name is a function call, {@code NAME(args)} */
    static boolean isFunction(String variable) {
        return variable.endsWith(")") && variable.indexOf('(') > 0;
    }

    /**
     * @param variable e.g. {@code PRESENCE_STATE(CustomPresence:1001,value)}
     * @return the value, empty when the function fails
     */
    String read(String variable) {
        String name = name(variable);
        String args = args(variable);
        switch (name) {
            case "DEVICE_STATE":
                return args.isEmpty() ? "" : pbx.deviceState(args).name();
            case "PRESENCE_STATE":
                return readPresence(args);
            case "DB": {
                int slash = args.indexOf('/');
                if (slash <= 0 || slash == args.length() - 1) {
                    return "";
                }
                String v = pbx.db().get(args.substring(0, slash), args.substring(slash + 1));
                return v == null ? "" : v;
            }
            default:
                return "";
        }
    }

    /**
     * @param variable e.g. {@code DEVICE_STATE(Custom:DND1001)}
     * @param value    the value to write
     * @return whether the write succeeded
     */
    boolean write(String variable, String value) {
        String name = name(variable);
        String args = args(variable);
        switch (name) {
            case "DEVICE_STATE": {
                String device = SimulatedPbx.normalize(args);
                if (!SimulatedPbx.isCustom(device) || device.length() == SimulatedPbx.CUSTOM.length()) {
                    return false;
                }
                DeviceState state = DeviceState.parse(value);
                if (state == DeviceState.UNKNOWN) {
                    return false;
                }
                pbx.setDeviceState(device, state, value);
                return true;
            }
            case "PRESENCE_STATE": {
                String provider = SimulatedPbx.normalize(args);
                if (!SimulatedPbx.isCustomPresence(provider)
                        || provider.length() == SimulatedPbx.CUSTOM_PRESENCE.length()) {
                    return false;
                }
                Presence presence = PresenceValues.parse(value);
                if (presence == null) {
                    return false;
                }
                pbx.setPresence(provider, presence, value);
                return true;
            }
            case "DB": {
                int slash = args.indexOf('/');
                if (slash <= 0 || slash == args.length() - 1) {
                    return false;
                }
                pbx.db().put(args.substring(0, slash), args.substring(slash + 1), value);
                return true;
            }
            default:
                return false;
        }
    }

    private String readPresence(String args) {
        String[] parts = args.split(",", -1);
        String provider = parts[0].trim();
        String field = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "";
        String options = parts.length > 2 ? parts[2] : "";
        if (provider.isEmpty() || field.isEmpty()) {
            return "";
        }
        Presence p = pbx.presenceNoCache(provider);
        if (p == null) {
            return "";
        }
        boolean encode = options.indexOf('e') >= 0;
        if (field.equals("subtype") && !p.subtype().isEmpty()) {
            return encode ? PresenceValues.encode(p.subtype()) : p.subtype();
        }
        if (field.equals("message") && !p.message().isEmpty()) {
            return encode ? PresenceValues.encode(p.message()) : p.message();
        }
        if (field.equals("value")) {
            return p.state().wireName();
        }
        return "";
    }

    private static String name(String variable) {
        return variable.substring(0, variable.indexOf('(')).trim().toUpperCase(Locale.ROOT);
    }

    private static String args(String variable) {
        return variable.substring(variable.indexOf('(') + 1, variable.lastIndexOf(')'));
    }
}
