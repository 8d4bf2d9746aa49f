package io.profilegateway.pbx.ami;

import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.event.ResponseEvent;

/** {@code DBGetTree} (Asterisk 16+), which asterisk-java does not ship: every key of a family (or below a key). */
public class DbGetTreeAction extends AbstractManagerAction implements EventGeneratingAction {

    private static final long serialVersionUID = 1L;
    private final String family;

    public DbGetTreeAction(String family) {
        this.family = family;
    }

    @Override
    public String getAction() {
        return "DBGetTree";
    }

    public String getFamily() {
        return family;
    }

    @Override
    public Class<? extends ResponseEvent> getActionCompleteEventClass() {
        return DbGetTreeCompleteEvent.class;
    }
}
