package io.profilegateway.directory.team;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.relationship.Level;
import io.profilegateway.access.relationship.RelationshipChange.Subject;
import io.profilegateway.access.relationship.RelationshipLog;
import io.profilegateway.access.Actor;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.common.Violations;
import io.profilegateway.directory.group.GroupService;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Teams (Asterisk queues): read by everyone signed in, managed by the admins of their group. */
@ApplicationScoped
public class TeamService {

    @Inject
    AccessPolicy access;

    @Inject
    RelationshipLog log;

    @Transactional
    public List<TeamDto> list() {
        return Team.<Team>listAll(Sort.by("name")).stream().map(TeamDto::of).toList();
    }

    @Transactional
    public TeamDto get(long id) {
        return TeamDto.of(find(id));
    }

    @Transactional
    public TeamDto create(Actor actor, TeamDto dto) {
        validate(dto);
        access.require(access.canManageGroupObject(actor, dto.groupId()), "manage teams of this group");
        Team team = new Team();
        copy(dto, team, null);
        team.persist();
        log.record(actor.label(), Subject.TEAM, team.id, null, null, null, team.memberRelationship);
        return TeamDto.of(team);
    }

    @Transactional
    public TeamDto update(Actor actor, long id, TeamDto dto) {
        Team team = find(id);
        access.require(access.canManageGroupObject(actor, team.group == null ? null : team.group.id),
                "manage this team");
        validate(dto);
        access.require(access.canManageGroupObject(actor, dto.groupId()), "move the team to this group");
        Level before = team.memberRelationship;
        copy(dto, team, id);
        log.record(actor.label(), Subject.TEAM, id, null, null, before, team.memberRelationship);
        return TeamDto.of(team);
    }

    @Transactional
    public void delete(Actor actor, long id) {
        Team team = find(id);
        access.require(access.canManageGroupObject(actor, team.group == null ? null : team.group.id),
                "manage this team");
        long inProfiles = count("select count(p) from Profile p join p.enterActions a where a.team = :t", team)
                + count("select count(p) from Profile p join p.leaveActions a where a.team = :t", team);
        long members = count("select count(s) from UserState s join s.teams m where m.team = :t", team);
        if (inProfiles + members > 0) {
            throw ApiProblem.conflict("team-in-use", "Team '" + team.name + "' is used by " + inProfiles
                    + " profile action(s) and has " + members + " member(s)");
        }
        team.delete();
    }

    static Team find(long id) {
        return Team.<Team>findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("team", id));
    }

    private static long count(String jpql, Team team) {
        return Team.getEntityManager().createQuery(jpql, Long.class).setParameter("t", team).getSingleResult();
    }

    private static void validate(TeamDto dto) {
        new Violations()
                .matches("name", dto.name(), Violations.TECHNICAL_NAME, "1-64 letters, digits, '_', '.' or '-'")
                .matches("queue", dto.queue(), Violations.TECHNICAL_NAME, "an Asterisk queue name: 1-64 letters, "
                        + "digits, '_', '.' or '-'")
                .throwIfAny();
    }

    private static void copy(TeamDto dto, Team team, Long self) {
        Team.<Team>find("name", dto.name()).firstResultOptional().filter(t -> !t.id.equals(self)).ifPresent(t -> {
            throw ApiProblem.conflict("team-name-taken", "A team named '" + dto.name() + "' exists");
        });
        Team.<Team>find("queue", dto.queue()).firstResultOptional().filter(t -> !t.id.equals(self)).ifPresent(t -> {
            throw ApiProblem.conflict("team-queue-taken", "Queue '" + dto.queue() + "' belongs to team " + t.name);
        });
        team.name = dto.name();
        team.queue = dto.queue();
        team.memberRelationship = dto.memberRelationship();
        team.group = dto.groupId() == null ? null : GroupService.findReferenced("groupId", dto.groupId());
    }
}
