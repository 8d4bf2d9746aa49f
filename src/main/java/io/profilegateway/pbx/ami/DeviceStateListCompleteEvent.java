package io.profilegateway.pbx.ami;

/** The end of a {@code DeviceStateList} answer. */
public class DeviceStateListCompleteEvent extends ListCompleteEvent {

    private static final long serialVersionUID = 1L;

    public DeviceStateListCompleteEvent(Object source) {
        super(source);
    }
}
