package io.profilegateway.pbx.ami;

import org.asteriskjava.manager.event.ResponseEvent;

/**
 * Asterisk's {@code DeviceStateChange} ({@code Device}, {@code State}), registered in place of asterisk-java's own class
 * so that it can also be an entry of a {@code DeviceStateList} answer: those carry the action's {@code ActionID}, live
 * changes carry none.
 */
public class DeviceStateChangeEvent extends ResponseEvent {

    private static final long serialVersionUID = 1L;
    private String device;
    private String state;

    public DeviceStateChangeEvent(Object source) {
        super(source);
    }

    /**
     * Whether it is an entry of a {@code DeviceStateList} answer, not a change: asterisk-java's own part of the
     * ActionID it sent (the gateway sets none of its own).
     */
    boolean isListed() {
        return getInternalActionId() != null && !getInternalActionId().isEmpty();
    }

    public String getDevice() {
        return device;
    }

    public void setDevice(String device) {
        this.device = device;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }
}
