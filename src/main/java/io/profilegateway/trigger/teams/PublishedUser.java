package io.profilegateway.trigger.teams;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One user's side of the Teams presence the gateway sets: his devices and DND profile (what is wanted) and what the
 * gateway's session holds at Graph (what was sent, until when). Only the publisher's one thread touches it.
 */
final class PublishedUser {

    /** Device states that mean "on a call": in use, busy, on hold, or ringing while in use. */
    private static final Set<String> IN_CALL = Set.of("INUSE", "BUSY", "ONHOLD", "RINGINUSE");

    final long userId;
    String entraId;
    /** The Asterisk server of his devices: only the node holding its AMI link publishes for him. */
    String server;
    List<String> devices = List.of();
    boolean dnd;
    boolean gone;
    /** What the session holds at Graph: null = no session (cleared or never set). */
    TeamsPresence sent;
    Instant renewAt;
    /** What was last wanted, to notice a change (and when it came, for the latency metric). */
    TeamsPresence wanted;
    long changedNanos;
    /** Graph refused this user's write with a 4xx: not tried again until what is wanted changes. */
    boolean refused;

    PublishedUser(long userId) {
        this.userId = userId;
    }

    /** The presence wanted now, from his device states and his active profile: DND beats a call. */
    TeamsPresence wanted(Map<String, String> deviceStates, boolean ringingCounts) {
        if (gone) {
            return null;
        }
        if (dnd) {
            return TeamsPresence.DO_NOT_DISTURB;
        }
        for (String device : devices) {
            String state = deviceStates.get(device);
            if (state != null && (IN_CALL.contains(state) || ringingCounts && "RINGING".equals(state))) {
                return TeamsPresence.IN_A_CALL;
            }
        }
        return null;
    }

    /** Whether a write is due: what is wanted differs from the session, or the session must be renewed. */
    boolean due(Instant now) {
        if (refused) {
            return false;
        }
        return wanted != sent || sent != null && !now.isBefore(renewAt);
    }
}
