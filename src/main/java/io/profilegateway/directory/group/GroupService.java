package io.profilegateway.directory.group;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.relationship.RelationshipChange.Subject;
import io.profilegateway.access.relationship.RelationshipLog;
import io.profilegateway.access.Actor;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.profile.Profile;
import io.profilegateway.profile.TriggerType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.List;

/** Groups: read by everyone signed in; created and deleted by system admins; edited by their group admins. */
@ApplicationScoped
public class GroupService {

    @Inject
    Event<GroupChanged> changed;

    @Inject
    AccessPolicy access;

    @Inject
    RelationshipLog log;

    @Transactional
    public List<GroupDto> list() {
        return Group.<Group>listAll(io.quarkus.panache.common.Sort.by("name")).stream().map(GroupDto::of).toList();
    }

    @Transactional
    public GroupDto get(long id) {
        return GroupDto.of(find(id));
    }

    @Transactional
    public GroupDto create(Actor actor, GroupDto dto) {
        access.require(access.canManageGroups(actor), "create groups");
        GroupValidator.validate(dto);
        uniqueName(dto.name(), null);
        Group group = new Group();
        copy(dto, group);
        group.persist();
        log.record(actor.label(), Subject.GROUP_DEFAULTS, group.id, null, null, null, group.relationshipDefaults);
        changed.fire(new GroupChanged(group.id));
        return GroupDto.of(group);
    }

    @Transactional
    public GroupDto update(Actor actor, long id, GroupDto dto) {
        Group group = find(id);
        access.require(access.canEditGroup(actor, id), "edit this group");
        GroupValidator.validate(dto);
        uniqueName(dto.name(), id);
        RelationshipDefaults before = group.relationshipDefaults;
        copy(dto, group);
        log.record(actor.label(), Subject.GROUP_DEFAULTS, id, null, null, before, group.relationshipDefaults);
        changed.fire(new GroupChanged(id));
        return GroupDto.of(group);
    }

    @Transactional
    public void delete(Actor actor, long id) {
        Group group = find(id);
        access.require(access.canManageGroups(actor), "delete groups");
        long users = Group.getEntityManager().createQuery("select count(u) from AppUser u left join u.otherGroups g "
                + "where u.primaryGroup = :g or g = :g", Long.class).setParameter("g", group).getSingleResult();
        long objects = count("select count(t) from Team t where t.group = :g", group)
                + count("select count(w) from Workplace w where w.group = :g", group)
                + count("select count(p) from Profile p join p.groups g where g = :g", group);
        objects += Profile.<Profile>listAll().stream().filter(p -> p.triggers.stream()
                .anyMatch(t -> t.type() == TriggerType.OFFICE_HOURS && group.id.equals(t.group()))).count();
        if (users + objects > 0) {
            throw ApiProblem.conflict("group-in-use", "Group '" + group.name + "' still has " + users
                    + " user(s) and " + objects + " team(s), workplace(s), profile(s) or trigger(s)");
        }
        group.delete();
        changed.fire(new GroupChanged(id));
    }

    /** A group named by a request field: unknown → 400 naming the field. */
    public static Group findReferenced(String field, long id) {
        return Group.<Group>findByIdOptional(id).orElseThrow(() -> ApiProblem.invalid(field, "no group with id " + id));
    }

    public static Group find(long id) {
        return Group.<Group>findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("group", id));
    }

    private static long count(String jpql, Group group) {
        return Group.getEntityManager().createQuery(jpql, Long.class).setParameter("g", group).getSingleResult();
    }

    private static void uniqueName(String name, Long self) {
        Group.<Group>find("name", name.trim()).firstResultOptional().filter(g -> !g.id.equals(self)).ifPresent(g -> {
            throw ApiProblem.conflict("group-name-taken", "A group named '" + name.trim() + "' exists");
        });
    }

    private static void copy(GroupDto dto, Group group) {
        group.name = dto.name().trim();
        group.language = dto.language() == null ? "en" : dto.language();
        group.timeZone = dto.timeZone() == null ? ZoneId.systemDefault().getId() : dto.timeZone();
        group.officeHours = dto.officeHours() == null ? OfficeHours.NONE : dto.officeHours();
        group.relationshipDefaults = dto.relationshipDefaults() == null ? RelationshipDefaults.STANDARD
                : dto.relationshipDefaults();
    }
}
