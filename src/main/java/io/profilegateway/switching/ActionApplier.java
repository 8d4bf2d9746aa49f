package io.profilegateway.switching;

import io.profilegateway.common.ApiProblem;
import io.profilegateway.directory.team.Team;
import io.profilegateway.directory.workplace.Workplace;
import io.profilegateway.profile.ActionStep;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the steps of a chain, one by one, to a user's desired PBX state. Pure state changes: nothing here talks to
 * Asterisk. Steps that cannot apply to this user (pausing a team he is not in) are skipped and noted.
 */
final class ActionApplier {

    private final UserState state;
    private final SwitchParameters parameters;
    private final EntityManager em = UserState.getEntityManager();
    private final List<String> notes = new ArrayList<>();

    ActionApplier(UserState state, SwitchParameters parameters) {
        this.state = state;
        this.parameters = parameters;
    }

    List<String> notes() {
        return notes;
    }

    void apply(ActionStep step) {
        switch (step.type()) {
            case SET_REACHABILITY -> state.reachable = step.enabled();
            case FOLLOW_ME -> followMe(step);
            case GSM_MODE -> gsm(step.enabled());
            case TEAM_LOGIN -> login(step.teamId(), step.penalty() == null ? 0 : step.penalty());
            case TEAM_LOGOUT -> state.teams.removeIf(m -> m.team.id.equals(step.teamId()));
            case TEAM_PAUSE -> pause(step.teamId(), true, step.reason() == null ? "" : step.reason());
            case TEAM_UNPAUSE -> pause(step.teamId(), false, null);
            case SET_WORKPLACE -> takeWorkplace(step.workplaceId());
            case UNSET_WORKPLACE -> state.workplace = null;
            case SET_REDIRECT -> redirect(step);
            case UNSET_REDIRECT -> state.setRedirect(step.redirectKind(), null);
        }
    }

    private void redirect(ActionStep step) {
        String target = step.asksForRedirectTarget() ? parameters.redirectTarget() : step.redirectTarget();
        if (target == null) {
            notes.add("redirect " + step.redirectKind() + " skipped: no target was given");
            return;
        }
        state.setRedirect(step.redirectKind(), target);
    }

    private void followMe(ActionStep step) {
        state.followMeEnabled = step.enabled();
        if (step.targets() != null) {
            state.followMeTargets = step.targets();
        }
        if (step.ringSeconds() != null) {
            state.followMeRingSeconds = step.ringSeconds();
        }
        if (step.preRingSeconds() != null) {
            state.followMePreRingSeconds = step.preRingSeconds();
        }
    }

    private void gsm(boolean enabled) {
        state.gsmEnabled = enabled;
        if (enabled && state.user.mobile == null) {
            notes.add("GSM mode is on but the user has no mobile number");
        }
    }

    private void login(long teamId, int penalty) {
        state.membership(teamId).ifPresentOrElse(m -> m.penalty = penalty,
                () -> state.teams.add(new TeamMembership(em.getReference(Team.class, teamId), penalty)));
    }

    private void pause(Long teamId, boolean paused, String reason) {
        if (teamId == null) {
            state.teams.forEach(m -> setPaused(m, paused, reason));
            return;
        }
        state.membership(teamId).ifPresentOrElse(m -> setPaused(m, paused, reason),
                () -> notes.add((paused ? "pause" : "unpause") + " skipped: not logged in to team "
                        + em.find(Team.class, teamId).name));
    }

    private static void setPaused(TeamMembership m, boolean paused, String reason) {
        m.paused = paused;
        m.pauseReason = paused ? reason : null;
    }

    private void takeWorkplace(long workplaceId) {
        Workplace workplace = em.getReference(Workplace.class, workplaceId);
        long holders = UserState.count("workplace = ?1 and userId <> ?2", workplace, state.userId);
        if (holders > 0) {
            throw ApiProblem.conflict("workplace-occupied",
                    "Workplace '" + workplace.name + "' is held by another user");
        }
        state.workplace = workplace;
    }
}
