package io.profilegateway.pbx.ami;

import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.event.ResponseEvent;

/**
 * {@code DeviceStateList} (res_manager_devicestate), which asterisk-java does not ship: every cached device state, as
 * {@code DeviceStateChange} events with the action's id, then {@code DeviceStateListComplete}.
 */
public class DeviceStateListAction extends AbstractManagerAction implements EventGeneratingAction {

    private static final long serialVersionUID = 1L;

    @Override
    public String getAction() {
        return "DeviceStateList";
    }

    @Override
    public Class<? extends ResponseEvent> getActionCompleteEventClass() {
        return DeviceStateListCompleteEvent.class;
    }
}
