package io.profilegateway.profile;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.Actor;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.common.Violations;
import io.profilegateway.directory.group.Group;
import io.profilegateway.directory.group.GroupService;
import io.profilegateway.directory.user.User;
import io.profilegateway.switching.SwitchEngine;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Profiles: who sees and manages which (via {@link AccessPolicy}), their validation, and safe deletion. */
@ApplicationScoped
public class ProfileService {

    @Inject
    Event<ProfileChanged> changed;

    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern ICON = Pattern.compile("[a-z0-9-]{1,64}");

    @Inject
    AccessPolicy access;

    @Inject
    SwitchEngine engine;

    @Transactional
    public List<ProfileDto> list(Actor actor) {
        User me = User.findById(actor.userId());
        return Profile.<Profile>list("assignment <> ?1 or owner.id = ?2", Sort.by("id"), Assignment.PERSONAL,
                actor.userId()).stream().filter(p -> access.canSeeProfile(actor, p, me)).map(ProfileDto::of).toList();
    }

    @Transactional
    public ProfileDto get(Actor actor, long id) {
        return ProfileDto.of(findVisible(actor, id));
    }

    @Transactional
    public ProfileDto create(Actor actor, ProfileDto dto) {
        Violations v = new Violations();
        if (dto.assignment() == null) {
            v.add("assignment", "must be given: ADMIN or PERSONAL");
        } else if (dto.assignment() == Assignment.SYSTEM) {
            v.add("assignment", "SYSTEM profiles are built in; create ADMIN or PERSONAL ones");
        }
        v.throwIfAny();
        Profile profile = new Profile();
        profile.assignment = dto.assignment();
        profile.owner = owner(actor, dto);
        apply(actor, dto, profile);
        profile.persist();
        changed.fire(new ProfileChanged(profile.id, false));
        return ProfileDto.of(profile);
    }

    @Transactional
    public ProfileDto replace(Actor actor, long id, ProfileDto dto) {
        Profile profile = findVisible(actor, id);
        access.require(access.canManageProfile(actor, profile), "change this profile");
        if (dto.assignment() != null && dto.assignment() != profile.assignment) {
            throw ApiProblem.invalid("assignment", "cannot change (it is " + profile.assignment + ")");
        }
        if (dto.ownerId() != null && (profile.owner == null || !profile.owner.id.equals(dto.ownerId()))) {
            throw ApiProblem.invalid("ownerId", "cannot change");
        }
        apply(actor, dto, profile);
        // a new version even where only a collection changed: every node's ProfileChains reads the chains again
        Profile.getEntityManager().lock(profile, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        changed.fire(new ProfileChanged(profile.id, false));
        return ProfileDto.of(profile);
    }

    @Transactional
    public void delete(Actor actor, long id) {
        Profile profile = findVisible(actor, id);
        if (profile.isSystem()) {
            throw ApiProblem.conflict("profile-not-deletable",
                    "Profile '" + profile.name + "' is a system profile and cannot be deleted");
        }
        access.require(access.canManageProfile(actor, profile), "delete this profile");
        engine.moveEveryoneToAvailable(profile, actor.label());
        Profile.deleteById(id);
        changed.fire(new ProfileChanged(id, true));
    }

    private Profile findVisible(Actor actor, long id) {
        Profile profile = Profile.<Profile>findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("profile", id));
        if (!access.canSeeProfile(actor, profile, User.findById(actor.userId()))) {
            throw ApiProblem.notFound("profile", id);
        }
        return profile;
    }

    private User owner(Actor actor, ProfileDto dto) {
        if (dto.assignment() != Assignment.PERSONAL) {
            if (dto.ownerId() != null) {
                throw ApiProblem.invalid("ownerId", "only PERSONAL profiles have an owner");
            }
            return null;
        }
        long ownerId = dto.ownerId() == null ? actor.userId() : dto.ownerId();
        User owner = User.<User>findByIdOptional(ownerId)
                .orElseThrow(() -> ApiProblem.invalid("ownerId", "no user with id " + ownerId));
        if (!owner.profilePersonal) {
            throw ApiProblem.forbidden("User " + owner.id + " may not have personal profiles (profilePersonal)");
        }
        return owner;
    }

    private void apply(Actor actor, ProfileDto dto, Profile profile) {
        Violations v = new Violations();
        v.text("name", dto.name(), 100);
        v.optionalMatches("color", dto.color(), COLOR, "a colour such as #FFAA00");
        v.optionalMatches("icon", dto.icon(), ICON, "1-64 lower-case letters, digits or '-'");
        v.size("roles", dto.roles(), 7);
        v.size("groupIds", dto.groupIds(), 50);
        v.noNulls("roles", dto.roles());
        v.noNulls("groupIds", dto.groupIds());
        v.throwIfAny();
        List<Long> groupIds = dto.groupIds() == null ? List.of() : dto.groupIds();
        boolean restricted = !groupIds.isEmpty() || (dto.roles() != null && !dto.roles().isEmpty());
        if (restricted && profile.assignment != Assignment.ADMIN) {
            v.add(dto.roles() != null && !dto.roles().isEmpty() ? "roles" : "groupIds",
                    "only ADMIN profiles are restricted to roles or groups");
        }
        List<ActionRow> enter = ActionRules.toRows(v, "enterActions", dto.enterActions());
        List<ActionRow> leave = ActionRules.toRows(v, "leaveActions", dto.leaveActions());
        TriggerRules.validate(v, dto.triggers());
        v.throwIfAny();
        Set<Group> groups = new HashSet<>();
        for (int i = 0; i < groupIds.size(); i++) {
            groups.add(GroupService.findReferenced("groupIds[" + i + "]", groupIds.get(i)));
        }
        Set<Long> newGroupIds = new LinkedHashSet<>(groupIds);
        access.require(access.canManageProfile(actor, profile.assignment, newGroupIds, profile.owner),
                "manage " + profile.assignment + " profiles" + (newGroupIds.isEmpty() ? " for every group"
                        : " for these groups"));
        if (profile.isSystem()) {
            markBuiltIn(profile, enter);
        }
        String scope = profile.owner == null ? Profile.SHARED_SCOPE : "user:" + profile.owner.id;
        String name = dto.name().trim();
        Profile.<Profile>find("scopeKey = ?1 and name = ?2", scope, name).firstResultOptional()
                .filter(p -> !p.id.equals(profile.id)).ifPresent(p -> {
                    throw ApiProblem.conflict("profile-name-taken", "A profile named '" + name + "' exists");
                });
        profile.name = name;
        profile.scopeKey = scope;
        profile.color = dto.color() == null ? "#607D8B" : dto.color();
        profile.icon = dto.icon() == null ? "circle" : dto.icon();
        profile.iconVisible = dto.iconVisible() == null || dto.iconVisible();
        profile.sticky = Boolean.TRUE.equals(dto.sticky());
        profile.presence = dto.presence() == null ? PresenceType.AVAILABLE : dto.presence();
        profile.roles = new HashSet<>(dto.roles() == null ? List.of() : dto.roles());
        profile.groups = groups;
        profile.enterActions = new ArrayList<>(enter);
        profile.leaveActions = new ArrayList<>(leave);
        profile.triggers = new ArrayList<>(dto.triggers() == null ? List.of() : dto.triggers());
    }

    /** A SYSTEM profile keeps its reachability step: Available switches endpoints on, DND off. */
    private static void markBuiltIn(Profile profile, List<ActionRow> enter) {
        boolean enabled = profile.id == Profile.AVAILABLE_ID;
        ActionRow step = enter.stream()
                .filter(r -> r.type == ActionType.SET_REACHABILITY && Boolean.valueOf(enabled).equals(r.enabled))
                .findFirst()
                .orElseThrow(() -> ApiProblem.conflict("builtin-action-required", "The enter chain of '"
                        + profile.name + "' must keep its built-in step SET_REACHABILITY enabled=" + enabled));
        step.builtIn = true;
    }
}
