package io.profilegateway.pbx.simulator;

import java.util.Locale;

/**
 * Asterisk's device states ({@code enum ast_device_state}), with their numeric codes (used in {@code QueueMember}'s
 * {@code Status}) and their names (used in {@code DeviceStateChange} and {@code DEVICE_STATE()}).
 */
public enum DeviceState {
    /** 0: state not known. */
    UNKNOWN(0, 1),
    /** 1: idle. */
    NOT_INUSE(1, 3),
    /** 2: in use. */
    INUSE(2, 6),
    /** 3: busy. */
    BUSY(3, 7),
    /** 4: invalid device. */
    INVALID(4, 0),
    /** 5: unavailable (e.g. unregistered). */
    UNAVAILABLE(5, 2),
    /** 6: ringing. */
    RINGING(6, 5),
    /** 7: in use and ringing. */
    RINGINUSE(7, 8),
    /** 8: on hold. */
    ONHOLD(8, 4);

    private final int code;
    private final int aggregateOrder;

    DeviceState(int code, int aggregateOrder) {
        this.code = code;
        this.aggregateOrder = aggregateOrder;
    }

    /** @return the numeric code Asterisk uses ({@code QueueMember}'s {@code Status}) */
    public int code() {
        return code;
    }

    /**
     * Parses a device state name as {@code ast_devstate_val} does: case-insensitive, anything unknown is
     * {@link #UNKNOWN}.
     *
     * @param value the name, e.g. {@code BUSY}
     * @return the state, never null
     */
    public static DeviceState parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "NOT_INUSE": return NOT_INUSE;
            case "INUSE": return INUSE;
            case "BUSY": return BUSY;
            case "INVALID": return INVALID;
            case "UNAVAILABLE": return UNAVAILABLE;
            case "RINGING": return RINGING;
            case "RINGINUSE": return RINGINUSE;
            case "ONHOLD": return ONHOLD;
            default: return UNKNOWN;
        }
    }

    /**
     * Folds the states of a hint's devices into one, as {@code ast_devstate_aggregate_add} does.
     */
    static final class Aggregate {
        private boolean ringing;
        private boolean inUse;
        private DeviceState state = INVALID;

        void add(DeviceState s) {
            if (s == RINGING) {
                ringing = true;
            } else if (s == INUSE || s == ONHOLD || s == BUSY) {
                inUse = true;
            }
            if (ringing && inUse) {
                state = RINGINUSE;
            } else if (s.aggregateOrder > state.aggregateOrder) {
                state = s;
            }
        }

        DeviceState result() {
            return state;
        }
    }
}
