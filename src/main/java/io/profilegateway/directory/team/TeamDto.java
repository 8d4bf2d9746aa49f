package io.profilegateway.directory.team;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A team as the API reads and writes it. */
@Schema(name = "Team")
public record TeamDto(
        @Schema(readOnly = true, example = "5") Long id,
        @Schema(required = true, description = "what profiles' actions name", example = "support") String name,
        @Schema(required = true, description = "the Asterisk queue (queues.conf name)", example = "support")
        String queue,
        @Schema(description = "the group whose admins manage it; null = system admins only", example = "3")
        Long groupId) {

    static TeamDto of(Team t) {
        return new TeamDto(t.id, t.name, t.queue, t.group == null ? null : t.group.id);
    }
}
