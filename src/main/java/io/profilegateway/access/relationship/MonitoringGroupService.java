package io.profilegateway.access.relationship;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.Actor;
import io.profilegateway.access.relationship.RelationshipChange.Subject;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.common.Violations;
import io.profilegateway.directory.group.GroupService;
import io.profilegateway.directory.user.User;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Monitoring groups (seed 002, example 2): managed like teams, by the admins of their group (none: system admins);
 * read by whoever may manage them. Every change is recorded.
 */
@ApplicationScoped
public class MonitoringGroupService {

    static final int MAX_SUB_GROUPS = 20;
    static final int MAX_MEMBERS = 10_000;

    @Inject
    AccessPolicy access;

    @Inject
    RelationshipLog log;

    @Transactional
    public List<MonitoringGroupDto> list(Actor actor) {
        return MonitoringGroup.<MonitoringGroup>listAll(Sort.by("name")).stream()
                .filter(g -> access.canManageGroupObject(actor, groupId(g))).map(MonitoringGroupDto::of).toList();
    }

    @Transactional
    public MonitoringGroupDto get(Actor actor, long id) {
        return MonitoringGroupDto.of(manageable(actor, id));
    }

    @Transactional
    public MonitoringGroupDto create(Actor actor, MonitoringGroupDto dto) {
        validate(dto);
        access.require(access.canManageGroupObject(actor, dto.groupId()), "manage monitoring groups of this group");
        MonitoringGroup group = new MonitoringGroup();
        copy(dto, group, null);
        group.persist();
        MonitoringGroupDto created = MonitoringGroupDto.of(group);
        log.record(actor.label(), Subject.MONITORING_GROUP, group.id, null, null, null, created.summary());
        return created;
    }

    @Transactional
    public MonitoringGroupDto update(Actor actor, long id, MonitoringGroupDto dto) {
        MonitoringGroup group = manageable(actor, id);
        validate(dto);
        access.require(access.canManageGroupObject(actor, dto.groupId()), "move the monitoring group to this group");
        String before = MonitoringGroupDto.of(group).summary();
        copy(dto, group, id);
        MonitoringGroupDto updated = MonitoringGroupDto.of(group);
        log.record(actor.label(), Subject.MONITORING_GROUP, id, null, null, before, updated.summary());
        return updated;
    }

    @Transactional
    public void delete(Actor actor, long id) {
        MonitoringGroup group = manageable(actor, id);
        log.record(actor.label(), Subject.MONITORING_GROUP, id, null, null, MonitoringGroupDto.of(group).summary(),
                null);
        group.delete();
    }

    private MonitoringGroup manageable(Actor actor, long id) {
        MonitoringGroup group = MonitoringGroup.<MonitoringGroup>findByIdOptional(id)
                .orElseThrow(() -> ApiProblem.notFound("monitoring-group", id));
        access.require(access.canManageGroupObject(actor, groupId(group)), "manage this monitoring group");
        return group;
    }

    private static Long groupId(MonitoringGroup g) {
        return g.group == null ? null : g.group.id;
    }

    private static void validate(MonitoringGroupDto dto) {
        Violations v = new Violations().text("name", dto.name(), 100).required("subGroups", dto.subGroups())
                .required("rules", dto.rules());
        v.size("subGroups", dto.subGroups(), MAX_SUB_GROUPS).size("rules", dto.rules(), 400);
        v.throwIfAny();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < dto.subGroups().size(); i++) {
            MonitoringGroupDto.SubGroup sub = dto.subGroups().get(i);
            String field = "subGroups[" + i + "]";
            if (sub == null) {
                v.add(field, "must not be null");
                continue;
            }
            v.matches(field + ".name", sub.name(), Violations.TECHNICAL_NAME, "1-64 letters, digits, '_', '.' or '-'");
            if (sub.name() != null && !names.add(sub.name())) {
                v.add(field + ".name", "is given twice");
            }
            v.required(field + ".memberIds", sub.memberIds()).size(field + ".memberIds", sub.memberIds(), MAX_MEMBERS)
                    .noNulls(field + ".memberIds", sub.memberIds());
        }
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < dto.rules().size(); i++) {
            MonitoringGroupDto.Rule rule = dto.rules().get(i);
            String field = "rules[" + i + "]";
            if (rule == null) {
                v.add(field, "must not be null");
                continue;
            }
            v.required(field + ".level", rule.level());
            for (String end : new String[] {"viewers", "owners"}) {
                String name = end.equals("viewers") ? rule.viewers() : rule.owners();
                if (name == null || !names.contains(name)) {
                    v.add(field + "." + end, "must name one of the sub-groups");
                }
            }
            if (!pairs.add(rule.viewers() + "\n" + rule.owners())) {
                v.add(field, "the same viewers and owners are given twice");
            }
        }
        v.throwIfAny();
    }

    private static void copy(MonitoringGroupDto dto, MonitoringGroup group, Long self) {
        MonitoringGroup.<MonitoringGroup>find("name", dto.name().trim()).firstResultOptional()
                .filter(g -> !g.id.equals(self)).ifPresent(g -> {
                    throw ApiProblem.conflict("monitoring-group-name-taken",
                            "A monitoring group named '" + dto.name().trim() + "' exists");
                });
        group.name = dto.name().trim();
        group.group = dto.groupId() == null ? null : GroupService.findReferenced("groupId", dto.groupId());
        Set<Long> known = new HashSet<>(User.getEntityManager().createQuery(
                "select u.id from AppUser u where u.id in :ids", Long.class)
                .setParameter("ids", dto.subGroups().stream().flatMap(s -> s.memberIds().stream()).toList())
                .getResultList());
        Set<MonitoringGroup.Member> members = new HashSet<>();
        for (int i = 0; i < dto.subGroups().size(); i++) {
            MonitoringGroupDto.SubGroup sub = dto.subGroups().get(i);
            for (int j = 0; j < sub.memberIds().size(); j++) {
                long userId = sub.memberIds().get(j);
                if (!known.contains(userId)) {
                    throw ApiProblem.invalid("subGroups[" + i + "].memberIds[" + j + "]", "no user with id " + userId);
                }
                members.add(new MonitoringGroup.Member(sub.name(), userId));
            }
        }
        group.members.clear();
        group.members.addAll(members);
        group.rules.clear();
        dto.rules().forEach(r -> group.rules.add(new MonitoringGroup.Rule(r.viewers(), r.owners(), r.level())));
    }
}
