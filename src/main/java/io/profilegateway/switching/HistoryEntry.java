package io.profilegateway.switching;

import java.time.Instant;

/** One row of a user's switch history as the API shows it. */
public record HistoryEntry(long id, Instant at, Long fromProfileId, String fromProfileName, long toProfileId,
        String toProfileName, SwitchSource source, String actor, SwitchOutcome outcome, String detail) {

    static HistoryEntry of(SwitchHistory h) {
        return new HistoryEntry(h.id, h.at, h.fromProfileId, h.fromProfileName, h.toProfileId, h.toProfileName,
                h.source, h.actor, h.outcome, h.detail);
    }
}
