package io.profilegateway.directory.user;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.Actor;
import io.profilegateway.access.PasswordHasher;
import io.profilegateway.access.Role;
import io.profilegateway.access.Sight;
import io.profilegateway.access.relationship.OwnerFacts;
import io.profilegateway.access.relationship.RelationshipChange.Subject;
import io.profilegateway.access.relationship.RelationshipLog;
import io.profilegateway.access.relationship.Right;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.common.PageResult;
import io.profilegateway.common.Paging;
import io.profilegateway.common.Violations;
import io.profilegateway.directory.group.Group;
import io.profilegateway.directory.group.GroupService;
import io.profilegateway.profile.Profile;
import io.profilegateway.switching.SwitchEngine;
import io.profilegateway.pbx.PbxServers;
import io.profilegateway.switching.UserState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The directory of users: who may read, create, change and delete whom follows {@link AccessPolicy}. */
@ApplicationScoped
public class UserService {

    @Inject
    AccessPolicy access;

    @Inject
    SwitchEngine engine;

    @Inject
    PasswordHasher hasher;

    @Inject
    PbxServers servers;

    @Inject
    RelationshipLog log;

    /**
     * The users the actor may see, each cut to what he may see of him; {@code extension} finds only users whose
     * extension he may see. System-wide roles see everyone, so their pages come straight from the database; for the
     * others the sights are worked out over the whole directory first (ids, roles, groups: no entities), then the
     * page is loaded.
     */
    @Transactional
    public PageResult<UserDto> list(Actor actor, String extension, Paging paging) {
        new Violations().optionalMatches("extension", extension, Violations.EXTENSION, "1-20 digits").throwIfAny();
        AccessPolicy.Sights sights = access.sights(actor);
        String where = extension != null ? " where u.extension = :ext" : "";
        if (actor.role().isSystemWide()) {
            TypedQuery<User> query = query("select u from AppUser u" + where + " order by u.id", User.class,
                    extension);
            TypedQuery<Long> count = query("select count(u) from AppUser u" + where, Long.class, extension);
            List<UserDto> items = query.setFirstResult(paging.page() * paging.size()).setMaxResults(paging.size())
                    .getResultStream().map(u -> UserDto.of(u, sights.of(OwnerFacts.of(u)))).toList();
            return new PageResult<>(items, paging.page(), paging.size(), count.getSingleResult());
        }
        List<Long> visible = new ArrayList<>();
        for (OwnerFacts owner : ownerFacts(where, extension)) {
            Sight sight = sights.of(owner);
            if (!sight.hidden() && (extension == null || sight.may(Right.SEE_GENERAL_CONTACT))) {
                visible.add(owner.id());
            }
        }
        int from = Math.min(visible.size(), paging.page() * paging.size());
        List<Long> page = visible.subList(from, Math.min(visible.size(), from + paging.size()));
        List<UserDto> items = page.isEmpty() ? List.of()
                : User.<User>list("id in ?1 order by id", page).stream()
                        .map(u -> UserDto.of(u, sights.of(OwnerFacts.of(u)))).toList();
        return new PageResult<>(items, paging.page(), paging.size(), visible.size());
    }

    private static <T> TypedQuery<T> query(String jpql, Class<T> type, String extension) {
        TypedQuery<T> query = User.getEntityManager().createQuery(jpql, type);
        return extension == null ? query : query.setParameter("ext", extension);
    }

    /** Who is in the directory, as the access rules need it: one query for the users, one for their other groups. */
    private static List<OwnerFacts> ownerFacts(String where, String extension) {
        Map<Long, Set<Long>> otherGroups = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> memberships = User.getEntityManager()
                .createNativeQuery("select user_id, group_id from user_group_member").getResultList();
        for (Object[] m : memberships) {
            otherGroups.computeIfAbsent(((Number) m[0]).longValue(), k -> new HashSet<>())
                    .add(((Number) m[1]).longValue());
        }
        List<OwnerFacts> owners = new ArrayList<>();
        for (Object[] row : query("select u.id, u.role, u.vip, g.id from AppUser u left join u.primaryGroup g"
                + where + " order by u.id", Object[].class, extension).getResultList()) {
            long id = (Long) row[0];
            Set<Long> groups = new LinkedHashSet<>();
            if (row[3] != null) {
                groups.add((Long) row[3]);
            }
            groups.addAll(otherGroups.getOrDefault(id, Set.of()));
            owners.add(new OwnerFacts(id, (Role) row[1], (Boolean) row[2], (Long) row[3], groups));
        }
        return owners;
    }

    @Transactional
    public UserDto get(Actor actor, long id) {
        User user = findReadable(actor, id);
        return UserDto.of(user, access.sight(actor, user));
    }

    /** The user, if the actor may see him; 404 otherwise (whether he exists is none of the actor's business). */
    public User findReadable(Actor actor, long id) {
        return findVisible(actor, id).user();
    }

    /** The user and what the actor may see of him; 404 if he may not see him at all. */
    public Visible findVisible(Actor actor, long id) {
        User user = User.<User>findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("user", id));
        return new Visible(user, requireReadable(actor, user));
    }

    public record Visible(User user, Sight sight) {
    }

    /** 404 unless the actor may see the user; what he may see of him otherwise. */
    public Sight requireReadable(Actor actor, User user) {
        Sight sight = access.sight(actor, user);
        if (sight.hidden()) {
            throw ApiProblem.notFound("user", user.id);
        }
        return sight;
    }

    @Transactional
    public UserDto create(Actor actor, UserDto dto) {
        UserValidator.validate(dto);
        servers.requireKnown("pbxServer", dto.pbxServer());
        Role role = dto.role() == null ? Role.USER : dto.role();
        Set<Long> groups = groupIds(dto);
        access.require(access.canPlaceInGroups(actor, groups), "create users in these groups");
        access.require(access.canAppoint(actor, role, groups), "appoint " + role);
        User user = new User();
        copy(dto, user, role);
        if (dto.password() != null) {
            user.passwordHash = hasher.hash(dto.password());
        }
        user.persist();
        if (user.vip) {
            log.record(actor.label(), Subject.VIP, null, user.id, null, null, true);
        }
        engine.start(user, actor.label());
        return UserDto.of(user);
    }

    @Transactional
    public UserDto update(Actor actor, long id, UserDto dto) {
        User user = findReadable(actor, id);
        access.require(access.canManageUser(actor, user), "change this user");
        UserValidator.validate(dto);
        servers.requireKnown("pbxServer", dto.pbxServer());
        if (dto.password() != null) {
            throw ApiProblem.invalid("password", "is changed through PUT /api/v1/users/{id}/password");
        }
        Role role = dto.role() == null ? user.role : dto.role();
        Set<Long> groups = groupIds(dto);
        if (!groups.equals(user.groupIds())) {
            access.require(access.canPlaceInGroups(actor, groups), "place users in these groups");
        }
        if (role != user.role || !groups.equals(user.groupIds())) {
            access.require(access.canAppoint(actor, role, groups), "appoint " + role + " in these groups");
        }
        if (user.extension != null && !user.extension.equals(dto.extension())) {
            throw ApiProblem.conflict("extension-immutable",
                    "A PBX user's extension cannot change; delete and re-create the user");
        }
        String previousServer = user.pbxServer;
        List<String> previousDevices = List.copyOf(user.devices);
        String previousMobile = user.mobile;
        boolean wasVip = user.vip;
        copy(dto, user, role);
        log.record(actor.label(), Subject.VIP, null, user.id, null, wasVip, user.vip);
        if (!Objects.equals(previousServer, user.pbxServer) || !previousDevices.equals(user.devices)
                || !Objects.equals(previousMobile, user.mobile)) {
            engine.pbxUserChanged(user, previousServer);
        }
        return UserDto.of(user);
    }

    @Transactional
    public void delete(Actor actor, long id) {
        User user = findReadable(actor, id);
        access.require(access.canManageUser(actor, user), "delete this user");
        if (user.id == actor.userId()) {
            throw ApiProblem.conflict("cannot-delete-self", "You cannot delete your own account");
        }
        if (user.role == Role.SYSTEM_OWNER && User.count("role", Role.SYSTEM_OWNER) == 1) {
            throw ApiProblem.conflict("last-system-owner", "The last SYSTEM_OWNER cannot be deleted");
        }
        engine.pbxUserRemoved(user);
        // the user's state refers to his PERSONAL profiles: state first, then the profiles, then the user
        UserState.deleteById(user.id);
        UserState.flush();
        Profile.delete("owner", user);
        user.delete();
    }

    @Transactional
    public void setPassword(Actor actor, long id, String password) {
        User user = findReadable(actor, id);
        access.require(user.id == actor.userId() || access.canManageUser(actor, user), "set this user's password");
        UserValidator.validatePassword(password);
        if (user.username == null) {
            throw ApiProblem.conflict("no-username", "Give the user a username before a password");
        }
        user.passwordHash = hasher.hash(password);
        user.credentialsVersion++;
    }

    private static Set<Long> groupIds(UserDto dto) {
        Set<Long> ids = new LinkedHashSet<>();
        if (dto.primaryGroupId() != null) {
            ids.add(dto.primaryGroupId());
        }
        if (dto.groupIds() != null) {
            ids.addAll(dto.groupIds());
        }
        return ids;
    }

    private static void copy(UserDto dto, User user, Role role) {
        unique("extension", dto.extension(), user.id, "extension-taken");
        String email = dto.email() == null ? null : dto.email().toLowerCase(java.util.Locale.ROOT);
        unique("email", email, user.id, "email-taken");
        unique("username", dto.username(), user.id, "username-taken");
        user.extension = dto.extension();
        user.displayName = dto.displayName().trim();
        user.email = email;
        user.mobile = dto.mobile();
        user.entraObjectId = dto.entraObjectId();
        user.pbxServer = dto.pbxServer();
        user.primaryGroup = dto.primaryGroupId() == null ? null
                : GroupService.findReferenced("primaryGroupId", dto.primaryGroupId());
        Set<Group> others = new HashSet<>();
        List<Long> ids = dto.groupIds() == null ? List.of() : dto.groupIds();
        for (int i = 0; i < ids.size(); i++) {
            if (!Objects.equals(ids.get(i), dto.primaryGroupId())) {
                others.add(GroupService.findReferenced("groupIds[" + i + "]", ids.get(i)));
            }
        }
        user.otherGroups = others;
        user.role = role;
        user.profilePersonal = Boolean.TRUE.equals(dto.profilePersonal());
        user.vip = Boolean.TRUE.equals(dto.vip());
        user.devices = new ArrayList<>(dto.devices() == null ? List.of() : dto.devices());
        if (dto.username() == null && user.username != null) {
            user.passwordHash = null;
            user.credentialsVersion++;
        }
        user.username = dto.username();
    }

    private static void unique(String field, String value, Long self, String errorId) {
        if (value == null) {
            return;
        }
        User.<User>find(field, value).firstResultOptional().filter(u -> !u.id.equals(self)).ifPresent(u -> {
            throw ApiProblem.conflict(errorId, "Another user already has this " + field);
        });
    }
}
