package io.profilegateway.directory.team;

import io.profilegateway.access.relationship.Level;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A team as the API reads and writes it. */
@Schema(name = "Team")
public record TeamDto(
        @Schema(readOnly = true, example = "5") Long id,
        @Schema(required = true, description = "what profiles' actions name", example = "support") String name,
        @Schema(required = true, description = "the Asterisk queue (queues.conf name)", example = "support")
        String queue,
        @Schema(description = "the group whose admins manage it; null = system admins only", example = "3")
        Long groupId,
        @Schema(description = "the level the team's members (users whose desired state holds the queue) have on each "
                + "other; null = the team adds none", example = "TEAM_COLLEAGUE") Level memberRelationship) {

    static TeamDto of(Team t) {
        return new TeamDto(t.id, t.name, t.queue, t.group == null ? null : t.group.id, t.memberRelationship);
    }
}
