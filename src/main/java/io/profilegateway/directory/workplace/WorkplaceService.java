package io.profilegateway.directory.workplace;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.Actor;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.common.Violations;
import io.profilegateway.directory.group.GroupService;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Workplaces (hot desks): read by everyone signed in, managed by the admins of their group. */
@ApplicationScoped
public class WorkplaceService {

    @Inject
    AccessPolicy access;

    @Transactional
    public List<WorkplaceDto> list() {
        return Workplace.<Workplace>listAll(Sort.by("name")).stream().map(WorkplaceService::view).toList();
    }

    @Transactional
    public WorkplaceDto get(long id) {
        return view(find(id));
    }

    @Transactional
    public WorkplaceDto create(Actor actor, WorkplaceDto dto) {
        validate(dto);
        access.require(access.canManageGroupObject(actor, dto.groupId()), "manage workplaces of this group");
        Workplace workplace = new Workplace();
        copy(dto, workplace, null);
        workplace.persist();
        return view(workplace);
    }

    @Transactional
    public WorkplaceDto update(Actor actor, long id, WorkplaceDto dto) {
        Workplace workplace = find(id);
        access.require(access.canManageGroupObject(actor, groupId(workplace)), "manage this workplace");
        validate(dto);
        access.require(access.canManageGroupObject(actor, dto.groupId()), "move the workplace to this group");
        if (!workplace.device.equals(dto.device()) && occupant(workplace) != null) {
            throw ApiProblem.conflict("workplace-in-use", "Workplace '" + workplace.name
                    + "' is held by a user; its device can change once it is free");
        }
        copy(dto, workplace, id);
        return view(workplace);
    }

    @Transactional
    public void delete(Actor actor, long id) {
        Workplace workplace = find(id);
        access.require(access.canManageGroupObject(actor, groupId(workplace)), "manage this workplace");
        long inProfiles = count("select count(p) from Profile p join p.enterActions a where a.workplace = :w", workplace)
                + count("select count(p) from Profile p join p.leaveActions a where a.workplace = :w", workplace);
        if (inProfiles > 0 || occupant(workplace) != null) {
            throw ApiProblem.conflict("workplace-in-use", "Workplace '" + workplace.name + "' is used by "
                    + inProfiles + " profile action(s)" + (occupant(workplace) != null ? " and held by a user" : ""));
        }
        workplace.delete();
    }

    private static Workplace find(long id) {
        return Workplace.<Workplace>findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("workplace", id));
    }

    private static Long groupId(Workplace w) {
        return w.group == null ? null : w.group.id;
    }

    private static Long occupant(Workplace w) {
        return Workplace.getEntityManager()
                .createQuery("select s.userId from UserState s where s.workplace = :w", Long.class)
                .setParameter("w", w).getResultStream().findFirst().orElse(null);
    }

    private static long count(String jpql, Workplace w) {
        return Workplace.getEntityManager().createQuery(jpql, Long.class).setParameter("w", w).getSingleResult();
    }

    private static WorkplaceDto view(Workplace w) {
        return new WorkplaceDto(w.id, w.name, w.device, groupId(w), occupant(w));
    }

    private static void validate(WorkplaceDto dto) {
        new Violations()
                .text("name", dto.name(), 100)
                .matches("device", dto.device(), Violations.DEVICE, "an Asterisk device such as PJSIP/desk-214")
                .throwIfAny();
    }

    private static void copy(WorkplaceDto dto, Workplace workplace, Long self) {
        String name = dto.name().trim();
        Workplace.<Workplace>find("name", name).firstResultOptional().filter(w -> !w.id.equals(self)).ifPresent(w -> {
            throw ApiProblem.conflict("workplace-name-taken", "A workplace named '" + name + "' exists");
        });
        Workplace.<Workplace>find("device", dto.device()).firstResultOptional().filter(w -> !w.id.equals(self))
                .ifPresent(w -> {
                    throw ApiProblem.conflict("workplace-device-taken", "Device " + dto.device()
                            + " belongs to workplace '" + w.name + "'");
                });
        workplace.name = name;
        workplace.device = dto.device();
        workplace.group = dto.groupId() == null ? null : GroupService.findReferenced("groupId", dto.groupId());
    }
}
