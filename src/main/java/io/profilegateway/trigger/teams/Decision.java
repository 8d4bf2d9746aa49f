package io.profilegateway.trigger.teams;

import java.time.Instant;

/**
 * What an observed activity asks for: START (switch to the Teams profile), END (return from it), or DEFER (a change
 * inside the hold-down; look again at {@code notBefore}).
 */
record Decision(Kind kind, long userId, long profileId, Instant notBefore) {

    enum Kind {
        START, END, DEFER
    }

    static Decision start(long userId, long profileId) {
        return new Decision(Kind.START, userId, profileId, null);
    }

    static Decision end(long userId, long profileId) {
        return new Decision(Kind.END, userId, profileId, null);
    }

    static Decision defer(long userId, Instant notBefore) {
        return new Decision(Kind.DEFER, userId, 0, notBefore);
    }
}
