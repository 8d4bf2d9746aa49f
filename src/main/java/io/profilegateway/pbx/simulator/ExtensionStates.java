package io.profilegateway.pbx.simulator;

/**
 * Asterisk's extension (hint) states: numeric codes and texts as in {@code ast_extension_state2str}.
 */
final class ExtensionStates {

    /** No hint for the extension. */
    static final int NO_HINT = -1;
    static final int NOT_INUSE = 0;
    static final int INUSE = 1;
    static final int BUSY = 2;
    static final int UNAVAILABLE = 4;
    static final int RINGING = 8;
    static final int ONHOLD = 16;

    private ExtensionStates() {
    }

    /** Maps an aggregated device state to an extension state ({@code ast_devstate_to_extenstate}). */
    static int fromDeviceState(DeviceState state) {
        switch (state) {
            case ONHOLD: return ONHOLD;
            case BUSY: return BUSY;
            case UNAVAILABLE:
            case INVALID: return UNAVAILABLE;
            case RINGINUSE: return INUSE | RINGING;
            case RINGING: return RINGING;
            case INUSE: return INUSE;
            case UNKNOWN:
            case NOT_INUSE:
            default: return NOT_INUSE;
        }
    }

    /** Maps an extension state back to a device state, as app_queue does for {@code hint:} state interfaces. */
    static DeviceState toDeviceState(int state) {
        switch (state) {
            case NOT_INUSE: return DeviceState.NOT_INUSE;
            case INUSE: return DeviceState.INUSE;
            case BUSY: return DeviceState.BUSY;
            case RINGING: return DeviceState.RINGING;
            case INUSE | RINGING: return DeviceState.RINGINUSE;
            case ONHOLD: return DeviceState.ONHOLD;
            case INUSE | ONHOLD: return DeviceState.INUSE;
            case UNAVAILABLE: return DeviceState.UNAVAILABLE;
            default: return DeviceState.INVALID;
        }
    }

    /** The text of an extension state ({@code ast_extension_state2str}); {@code Unknown} for anything else. */
    static String text(int state) {
        switch (state) {
            case NOT_INUSE: return "Idle";
            case INUSE: return "InUse";
            case BUSY: return "Busy";
            case UNAVAILABLE: return "Unavailable";
            case RINGING: return "Ringing";
            case INUSE | RINGING: return "InUse&Ringing";
            case ONHOLD: return "Hold";
            case INUSE | ONHOLD: return "InUse&Hold";
            default: return "Unknown";
        }
    }
}
