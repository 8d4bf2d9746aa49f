package io.profilegateway.access;

import io.profilegateway.access.relationship.Level;
import io.profilegateway.access.relationship.Right;

/**
 * What one actor may see of, and do to, one user: his relationship level on him (raised by role rights: product.md
 * §4 adds them to §5's), whether he is that user, and whether his role lets him manage him.
 */
public record Sight(Level level, boolean self, boolean manages, boolean readsRecord) {

    static final Sight SELF = new Sight(Level.ASSISTANT_PLUS, true, true, true);

    public boolean may(Right right) {
        return self || manages || level.isAtLeast(right.lowest());
    }

    /** BLOCKED and no role right: the user does not exist for the actor (404, left out of lists). */
    public boolean hidden() {
        return !self && !manages && level == Level.BLOCKED;
    }

    /** The whole directory entry (role, login, server), not only what the relationship shows. */
    public boolean readsWholeRecord() {
        return self || manages || readsRecord;
    }
}
