package io.profilegateway.pbx.ami;

/** The end of a {@code DBGetTree} answer. */
public class DbGetTreeCompleteEvent extends ListCompleteEvent {

    private static final long serialVersionUID = 1L;

    public DbGetTreeCompleteEvent(Object source) {
        super(source);
    }
}
