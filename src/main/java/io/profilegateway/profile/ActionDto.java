package io.profilegateway.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One step of a chain as the API writes it: {@code type} plus the parameters that type uses. SET_REACHABILITY
 * (enabled), FOLLOW_ME (enabled, targets, ringSeconds, preRingSeconds), GSM_MODE (enabled), TEAM_LOGIN (team, penalty), TEAM_LOGOUT
 * (team), TEAM_PAUSE (team or none = all, reason), TEAM_UNPAUSE (team or none = all), SET_WORKPLACE (workplace),
 * UNSET_WORKPLACE, SET_REDIRECT (kind, target or "ask"), UNSET_REDIRECT (kind).
 */
@Schema(name = "Action", description = "A step of a chain: type plus the parameters that type uses")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionDto(
        @Schema(required = true, example = "SET_REDIRECT") ActionType type,
        @Schema(example = "true") Boolean enabled,
        @Schema(description = "FOLLOW_ME: numbers to ring (digits, +, *, #)", example = "[\"1001\",\"+4930123456\"]")
        List<String> targets,
        @Schema(description = "FOLLOW_ME: 5-300", example = "20") Integer ringSeconds,
        @Schema(description = "FOLLOW_ME: 0-60 seconds the user's own phones ring before the list (FreePBX's "
                + "Initial Ring Time; AMPUSER/<ext>/followme/prering); none = unchanged, 7 for a new user",
                example = "7") Integer preRingSeconds,
        @Schema(description = "team name; TEAM_PAUSE/UNPAUSE: none = all teams", example = "support") String team,
        @Schema(description = "TEAM_LOGIN: 0-1000", example = "0") Integer penalty,
        @Schema(description = "TEAM_PAUSE: pause reason", example = "lunch") String reason,
        @Schema(description = "workplace name", example = "Desk 2.14") String workplace,
        @Schema(example = "ALWAYS") RedirectKind kind,
        @Schema(description = "SET_REDIRECT: a dial string, or \"ask\" = parameters.redirectTarget of the switch",
                example = "2000") String target,
        @Schema(readOnly = true, description = "the SYSTEM profile's reachability step, which cannot be removed")
        Boolean builtIn) {

    static ActionDto of(ActionRow row) {
        return new ActionDto(row.type, row.enabled, row.targets == null ? null : row.targetList(), row.ringSeconds,
                row.preRingSeconds,
                row.team == null ? null : row.team.name, row.penalty, row.reason,
                row.workplace == null ? null : row.workplace.name, row.redirectKind, row.redirectTarget,
                row.builtIn ? Boolean.TRUE : null);
    }
}
