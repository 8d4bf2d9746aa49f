package io.profilegateway.pbx.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * The dialplan's {@code UserEvent(CallForward,Extension: 1001,Kind: CF,Target: 2000)} (asterisk-config/extensions.conf,
 * the {@code *72}-style codes): a call forward set (or, with an empty target, removed) on the phone. Asterisk has no
 * event of its own for a dialplan's {@code DB()} write, so the dialplan tells the gateway.
 */
public class CallForwardEvent extends UserEvent {

    private static final long serialVersionUID = 1L;
    private String extension;
    private String kind;
    private String target;

    public CallForwardEvent(Object source) {
        super(source);
    }

    public String getExtension() {
        return extension;
    }

    public void setExtension(String extension) {
        this.extension = extension;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }
}
