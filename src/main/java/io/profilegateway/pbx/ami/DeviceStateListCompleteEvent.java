package io.profilegateway.pbx.ami;

import org.asteriskjava.manager.event.ResponseEvent;

/** The end of a {@code DeviceStateList} answer. */
public class DeviceStateListCompleteEvent extends ResponseEvent {

    private static final long serialVersionUID = 1L;
    private Integer listItems;
    private String eventList;

    public DeviceStateListCompleteEvent(Object source) {
        super(source);
    }

    public Integer getListItems() {
        return listItems;
    }

    public void setListItems(Integer listItems) {
        this.listItems = listItems;
    }

    public String getEventList() {
        return eventList;
    }

    public void setEventList(String eventList) {
        this.eventList = eventList;
    }
}
