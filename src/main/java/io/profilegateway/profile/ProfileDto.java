package io.profilegateway.profile;

import io.profilegateway.access.Role;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A profile as the API reads and writes it (api.md "Profile"). */
@Schema(name = "Profile")
public record ProfileDto(
        @Schema(readOnly = true, example = "7") Long id,
        @Schema(required = true, example = "Lunch") String name,
        @Schema(description = "#RRGGBB", example = "#FFAA00") String color,
        @Schema(example = "coffee") String icon,
        @Schema(example = "true") Boolean iconVisible,
        @Schema(description = "no trigger switches away from it", example = "false") Boolean sticky,
        @Schema(description = "ADMIN or PERSONAL when creating; SYSTEM profiles are built in", example = "ADMIN")
        Assignment assignment,
        @Schema(example = "away") PresenceType presence,
        @Schema(description = "roles that may use it; empty = all") List<Role> roles,
        @Schema(description = "groups whose members may use it; empty = all") List<Long> groupIds,
        @Schema(description = "PERSONAL: the owner's user id (default: the caller)", example = "1042") Long ownerId,
        List<ActionDto> enterActions,
        List<ActionDto> leaveActions,
        List<Trigger> triggers) {

    static ProfileDto of(Profile p) {
        return new ProfileDto(p.id, p.name, p.color, p.icon, p.iconVisible, p.sticky, p.assignment, p.presence,
                p.roles.stream().sorted().toList(), p.groupIds().stream().sorted().toList(),
                p.owner == null ? null : p.owner.id,
                p.enterActions.stream().map(ActionDto::of).toList(),
                p.leaveActions.stream().map(ActionDto::of).toList(),
                List.copyOf(p.triggers));
    }
}
