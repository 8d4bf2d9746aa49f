package io.profilegateway.switching;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.profilegateway.profile.PresenceType;
import io.profilegateway.profile.RedirectKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What Asterisk should hold for one user (pbx.md state table): an immutable snapshot of {@link UserState}, the
 * shape of {@code desired} in {@code GET /users/{id}/pbx-state} and the payload of {@link ProfileSwitched}.
 */
@Schema(description = "What Asterisk should hold for the user; version rises with every change")
public record DesiredPbxState(
        @Schema(example = "12") long version,
        @Schema(example = "1001") String extension,
        @Schema(description = "false = DND", example = "true") boolean reachable,
        @Schema(description = "The user's endpoints and, when he holds one, his workplace's device")
        List<String> devices,
        @Schema(example = "{\"ALWAYS\":\"2000\"}") Map<RedirectKind, String> redirects,
        FollowMe followMe,
        Gsm gsm,
        List<TeamState> teams,
        @JsonInclude(JsonInclude.Include.ALWAYS) WorkplaceState workplace,
        Presence presence) {

    public record FollowMe(boolean enabled, List<String> targets, int ringSeconds, int preRingSeconds) {
    }

    public record Gsm(boolean enabled, @Schema(description = "the mobile number calls go to; null when off or unknown")
            String number) {
    }

    public record TeamState(String team, String queue, int penalty, boolean paused, String reason) {
    }

    public record WorkplaceState(String name, String device) {
    }

    public record Presence(PresenceType type, long profileId, String profileName) {
    }

    static DesiredPbxState of(UserState state) {
        var user = state.user;
        List<String> devices = new ArrayList<>(user.devices);
        WorkplaceState workplace = null;
        if (state.workplace != null) {
            workplace = new WorkplaceState(state.workplace.name, state.workplace.device);
            devices.add(state.workplace.device);
        }
        Map<RedirectKind, String> redirects = state.redirects();
        List<String> targets = state.followMeTargets == null || state.followMeTargets.isEmpty()
                ? List.of() : Arrays.asList(state.followMeTargets.split(","));
        List<TeamState> teams = state.teams.stream()
                .sorted(Comparator.comparing(m -> m.team.name))
                .map(m -> new TeamState(m.team.name, m.team.queue, m.penalty, m.paused, m.pauseReason))
                .toList();
        var profile = state.activeProfile;
        return new DesiredPbxState(state.stateVersion, user.extension, state.reachable, List.copyOf(devices),
                redirects, new FollowMe(state.followMeEnabled, targets, state.followMeRingSeconds,
                        state.followMePreRingSeconds),
                new Gsm(state.gsmEnabled, state.gsmEnabled ? user.mobile : null), teams, workplace,
                new Presence(profile.presence, profile.id, profile.name));
    }
}
