package io.profilegateway.pbx.ami;

import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Asterisk's {@code PresenceStateChange} ({@code Presentity: CustomPresence:1001}, {@code Status}, {@code Subtype},
 * {@code Message}), which asterisk-java 3.42 has no class for: a presence set by the gateway or on the phone side.
 */
public class PresenceStateChangeEvent extends ManagerEvent {

    private static final long serialVersionUID = 1L;
    private String presentity;
    private String status;
    private String subtype;
    private String message;

    public PresenceStateChangeEvent(Object source) {
        super(source);
    }

    public String getPresentity() {
        return presentity;
    }

    public void setPresentity(String presentity) {
        this.presentity = presentity;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getSubtype() {
        return subtype;
    }

    public void setSubtype(String subtype) {
        this.subtype = subtype;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
