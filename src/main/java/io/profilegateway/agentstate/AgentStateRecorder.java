package io.profilegateway.agentstate;

import io.profilegateway.switching.DesiredPbxState.TeamState;
import io.profilegateway.switching.DesiredStateChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the agent-state intervals in step with every change of a user's desired PBX state, whatever caused it (a
 * profile, a trigger, a change on the phone adopted by the reconciler): compares the user's open intervals with the
 * team states of the new desired state and closes / opens intervals where they differ. Runs inside the transaction
 * of the change (which holds the lock on the user's state), so a transition is written once, with the change or not
 * at all, and what a previous run of the gateway left open is simply continued.
 */
@ApplicationScoped
public class AgentStateRecorder {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private record Wanted(AgentState state, String reason) {
        static final Wanted LOGGED_OUT = new Wanted(AgentState.LOGGED_OUT, null);

        static Wanted of(TeamState team) {
            return team.paused() ? new Wanted(AgentState.PAUSED, team.reason()) : new Wanted(AgentState.AVAILABLE, null);
        }

        boolean matches(AgentStateInterval interval) {
            return interval.state == state && Objects.equals(interval.reason, reason);
        }
    }

    void onChange(@Observes DesiredStateChanged change) {
        List<AgentStateInterval> open = em.createQuery("select i from AgentStateInterval i where i.userId = :u "
                + "and i.endedAt is null", AgentStateInterval.class).setParameter("u", change.userId())
                .getResultList();
        List<TeamState> teams = change.desired() == null ? List.of() : change.desired().teams();
        if (open.isEmpty() && teams.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (change.desired() == null) { // the user left the PBX: his history ends here
            open.forEach(interval -> close(interval, now));
            return;
        }
        Map<Long, Wanted> wanted = wantedByTeamId(teams);
        Map<Long, AgentStateInterval> openByTeam = new HashMap<>();
        for (AgentStateInterval interval : open) {
            if (openByTeam.putIfAbsent(interval.teamId, interval) != null) {
                close(interval, now); // a second open interval of one team cannot arise here; never count it twice
                continue;
            }
            Wanted state = wanted.getOrDefault(interval.teamId, Wanted.LOGGED_OUT);
            if (!state.matches(interval)) {
                close(interval, now);
                start(change.userId(), interval.teamId, state, now);
            }
        }
        wanted.forEach((teamId, state) -> {
            if (!openByTeam.containsKey(teamId)) {
                start(change.userId(), teamId, state, now);
            }
        });
    }

    private Map<Long, Wanted> wantedByTeamId(List<TeamState> teams) {
        Map<String, Wanted> byName = new HashMap<>();
        teams.forEach(t -> byName.put(t.team(), Wanted.of(t)));
        Map<Long, Wanted> byId = new HashMap<>();
        em.createQuery("select t.id, t.name from Team t where t.name in :names", Object[].class)
                .setParameter("names", byName.keySet()).getResultList()
                .forEach(row -> byId.put((Long) row[0], byName.get((String) row[1])));
        return byId;
    }

    private static void close(AgentStateInterval interval, Instant at) {
        interval.endedAt = at.isBefore(interval.startedAt) ? interval.startedAt : at;
    }

    private void start(long userId, long teamId, Wanted state, Instant at) {
        AgentStateInterval interval = new AgentStateInterval();
        interval.userId = userId;
        interval.teamId = teamId;
        interval.state = state.state();
        interval.reason = state.reason();
        interval.startedAt = at;
        em.persist(interval);
    }
}
