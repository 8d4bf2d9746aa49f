package io.profilegateway.pbx.ami;

import org.asteriskjava.manager.event.ResponseEvent;

/** The last event of a list answer ({@code EventList: Complete}, {@code ListItems: n}): one class per action's name. */
public abstract class ListCompleteEvent extends ResponseEvent {

    private static final long serialVersionUID = 1L;
    private Integer listItems;
    private String eventList;

    protected ListCompleteEvent(Object source) {
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
