package io.profilegateway.switching;

import java.time.Instant;

/**
 * Announced after a switch has been committed (observe with {@code during = AFTER_SUCCESS}): the PBX reconciler
 * and the metrics listen to it, and the event stream passes {@code presence} on (cut to what each viewer may see).
 * Nothing talks to Asterisk inside the switch transaction.
 */
public record ProfileSwitched(long userId, Long fromProfileId, long toProfileId, SwitchSource source, String actor,
        Instant at, DesiredPbxState desired, PresenceView presence) {
}
