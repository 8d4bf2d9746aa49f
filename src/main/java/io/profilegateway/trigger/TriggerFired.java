package io.profilegateway.trigger;

import io.profilegateway.profile.TriggerType;
import java.time.Instant;

/**
 * A trigger fired on this node (announced after its users were switched): a TIME trigger's start or end, or an office
 * transition's switch to an OFFICE_HOURS profile. Teams meetings switch one user at a time: their switches are the
 * {@code profile} events with source TEAMS. {@code edge} is START or END; {@code groupId} is the office's group (null
 * for TIME); {@code users} were due, {@code failed} of them could not be switched.
 */
public record TriggerFired(TriggerType type, String edge, long profileId, Long groupId, int users, int failed,
        Instant at) {
}
