package io.profilegateway.agentstate;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.Actor;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.directory.team.Team;
import io.profilegateway.directory.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent-state report: every interval that overlaps the window, clipped to it and added up per user and team.
 * Who sees which rows: system admins every row; managers and owners the rows of teams of their groups; everyone his
 * own rows (product.md §4: MANAGER "sees reports").
 */
@ApplicationScoped
public class AgentStateReports {

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    Clock clock;

    private record Key(long userId, long teamId) {
    }

    private record Head(long userId, String extension, String displayName, long teamId, String team) {
    }

    @Transactional
    public AgentStateReport report(Actor actor, ReportQuery query) {
        check(actor, query);
        StringBuilder jpql = new StringBuilder("select i.userId, i.teamId, i.state, i.reason, i.startedAt, i.endedAt, "
                + "u.extension, u.displayName, t.name from AgentStateInterval i join AppUser u on u.id = i.userId "
                + "join Team t on t.id = i.teamId left join t.group g "
                + "where i.startedAt < :to and (i.endedAt is null or i.endedAt > :from)");
        Map<String, Object> parameters = new LinkedHashMap<>(Map.of("from", query.from(), "to", query.to()));
        query.teamId().ifPresent(id -> {
            jpql.append(" and i.teamId = :team");
            parameters.put("team", id);
        });
        query.userId().ifPresent(id -> {
            jpql.append(" and i.userId = :user");
            parameters.put("user", id);
        });
        if (!actor.role().isSystemWide()) {
            parameters.put("me", actor.userId());
            if (actor.role().hasManagerRights() && !actor.groupIds().isEmpty()) {
                jpql.append(" and (i.userId = :me or g.id in :groups)");
                parameters.put("groups", actor.groupIds());
            } else {
                jpql.append(" and i.userId = :me");
            }
        }
        jpql.append(" order by u.displayName, u.id, t.name");
        var typed = em.createQuery(jpql.toString(), Object[].class);
        parameters.forEach(typed::setParameter);
        Instant now = clock.instant();
        Map<Key, Head> heads = new LinkedHashMap<>();
        Map<Key, Tally> tallies = new LinkedHashMap<>();
        Tally all = new Tally();
        typed.getResultStream().forEach(r -> {
            Key key = new Key((Long) r[0], (Long) r[1]);
            heads.computeIfAbsent(key, k -> new Head(k.userId(), (String) r[6], (String) r[7], k.teamId(),
                    (String) r[8]));
            tallies.computeIfAbsent(key, k -> new Tally()).add((AgentState) r[2], (String) r[3], (Instant) r[4],
                    (Instant) r[5], query.from(), query.to(), now);
        });
        List<AgentStateReport.Row> rows = new ArrayList<>();
        heads.forEach((key, head) -> {
            Tally tally = tallies.get(key);
            all.addAll(tally);
            rows.add(new AgentStateReport.Row(head.userId(), head.extension(), head.displayName(), head.teamId(),
                    head.team(), tally.totals()));
        });
        return new AgentStateReport(query.from(), query.to(), all.totals(), List.copyOf(rows));
    }

    /** Unknown ids are 400 naming the parameter; a team or user the actor may not report on is 403. */
    private void check(Actor actor, ReportQuery query) {
        boolean himself = query.userId().map(id -> id == actor.userId()).orElse(false);
        query.teamId().ifPresent(id -> {
            Team team = Team.<Team>findByIdOptional(id)
                    .orElseThrow(() -> ApiProblem.invalid("team", "no team with id " + id));
            access.require(himself || supervises(actor, team), "see the agent states of team '" + team.name + "'");
        });
        query.userId().ifPresent(id -> {
            if (User.findById(id) == null) {
                throw ApiProblem.invalid("user", "no user with id " + id);
            }
            access.require(himself || actor.role().hasManagerRights(), "see the agent states of other users");
        });
    }

    private static boolean supervises(Actor actor, Team team) {
        return actor.role().isSystemWide() || (actor.role().hasManagerRights() && team.group != null
                && actor.groupIds().contains(team.group.id));
    }
}
