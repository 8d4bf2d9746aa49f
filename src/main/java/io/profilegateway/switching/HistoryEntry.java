package io.profilegateway.switching;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.profilegateway.access.Sight;
import io.profilegateway.access.relationship.Right;
import java.time.Instant;

/**
 * One row of a user's switch history as the API shows it: when and from which profile to which from EMPLOYEE on;
 * source, actor, outcome and detail from TEAM_COLLEAGUE on (product.md §5). What the viewer may not see is left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(long id, Instant at, Long fromProfileId, String fromProfileName, Long toProfileId,
        String toProfileName, SwitchSource source, String actor, SwitchOutcome outcome, String detail) {

    static HistoryEntry of(SwitchHistory h, Sight sight) {
        boolean detailed = sight.may(Right.SEE_DETAILED_PRESENCE);
        return new HistoryEntry(h.id, h.at, h.fromProfileId, h.fromProfileName, h.toProfileId, h.toProfileName,
                detailed ? h.source : null, detailed ? h.actor : null, detailed ? h.outcome : null,
                detailed ? h.detail : null);
    }
}
