package io.profilegateway.access.relationship;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.Actor;
import io.profilegateway.access.Sight;
import io.profilegateway.access.relationship.RelationshipChange.Subject;
import io.profilegateway.access.relationship.RelationshipConfig.PersonalLevels;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.common.PageResult;
import io.profilegateway.common.Paging;
import io.profilegateway.common.Violations;
import io.profilegateway.directory.user.User;
import io.profilegateway.directory.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An owner's personal levels (set by himself or whoever manages him), the explanation of an effective level, and the
 * record of changes.
 */
@ApplicationScoped
public class RelationshipService {

    @Inject
    AccessPolicy access;

    @Inject
    UserService users;

    @Inject
    Relationships relationships;

    @Inject
    RelationshipLog log;

    @Inject
    Clock clock;

    @Schema(name = "PersonalRelationship")
    public record Personal(@Schema(example = "1043") long viewerId, @Schema(example = "Bob") String viewerName,
            @Schema(example = "ASSISTANT") Level level, Instant changedAt, @Schema(example = "anna") String changedBy) {
    }

    @Schema(name = "EffectiveRelationshipAnswer")
    public record Explained(long ownerId, long viewerId,
            @Schema(description = "the relationship level alone", example = "ASSISTANT") Level level,
            Path decidedBy, List<Path> considered,
            @Schema(description = "what the viewer's role adds (product.md §4), if anything",
                    example = "MANAGER of a group of the owner: manages him (every right)") String roleRights,
            @Schema(description = "every right the viewer has on the owner, relationship and role together")
            List<Right> rights) {
    }

    @Transactional
    public List<Personal> list(Actor actor, long ownerId) {
        User owner = changeable(actor, ownerId);
        List<PersonalRelationship> rows = PersonalRelationship.ofOwner(owner.id);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, User> viewers = User.<User>list("id in ?1", rows.stream().map(r -> r.key.viewerId()).toList())
                .stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
        return rows.stream().map(r -> personal(r, viewers.get(r.key.viewerId()))).toList();
    }

    @Transactional
    public Personal set(Actor actor, long ownerId, long viewerId, Level level) {
        new Violations().required("level", level).throwIfAny();
        User owner = changeable(actor, ownerId);
        User viewer = viewer(actor, owner, viewerId);
        if (relationships.policy() == PersonalLevels.EXTEND_ONLY) {
            Level server = relationships.between(viewer.id, viewer.groupIds(), owner.id)
                    .serverLevel(OwnerFacts.of(owner));
            if (!level.isAtLeast(server)) {
                throw ApiProblem.invalid("level", "this site lets users only widen what the server gives this viewer ("
                        + server + "), not narrow it (gateway.relationships.personal-levels=EXTEND_ONLY)");
            }
        }
        var key = new PersonalRelationship.Key(owner.id, viewer.id);
        PersonalRelationship row = PersonalRelationship.findById(key);
        Level before = row == null ? null : row.level;
        if (row == null) {
            row = new PersonalRelationship();
            row.key = key;
        }
        row.level = level;
        row.changedAt = clock.instant();
        row.changedBy = actor.label();
        row.persist();
        log.record(actor.label(), Subject.PERSONAL, null, owner.id, viewer.id, before, level);
        return personal(row, viewer);
    }

    @Transactional
    public void remove(Actor actor, long ownerId, long viewerId) {
        User owner = changeable(actor, ownerId);
        User viewer = viewer(actor, owner, viewerId);
        PersonalRelationship row = PersonalRelationship.findById(new PersonalRelationship.Key(owner.id, viewer.id));
        if (row == null) {
            throw new ApiProblem(404, "relationship-not-found", "User " + ownerId + " has set no level for user "
                    + viewerId);
        }
        log.record(actor.label(), Subject.PERSONAL, null, owner.id, viewer.id, row.level, null);
        row.delete();
    }

    /** The viewer's level on the owner and the rule that decided it: for the owner and whoever manages him. */
    @Transactional
    public Explained explain(Actor actor, long ownerId, long viewerId) {
        User owner = changeable(actor, ownerId);
        User viewer = viewer(actor, owner, viewerId);
        Effective effective = relationships.between(viewer.id, viewer.groupIds(), owner.id).on(OwnerFacts.of(owner));
        Actor asViewer = Actor.of(viewer, viewer.displayName, false);
        Sight sight = access.sight(asViewer, owner);
        List<Right> rights = Arrays.stream(Right.values()).filter(sight::may).toList();
        return new Explained(owner.id, viewer.id, effective.level(), effective.decidedBy(), effective.considered(),
                roleRights(asViewer, sight, effective.level()), rights);
    }

    /** Newest first: every change for system admins; one owner's for him and whoever manages him. */
    @Transactional
    public PageResult<RelationshipLog.Entry> changes(Actor actor, Long ownerId, Paging paging) {
        if (ownerId == null) {
            access.require(actor.role().isSystemWide(), "see every relationship change (name an ownerId)");
        } else {
            changeable(actor, ownerId);
        }
        return log.list(ownerId, paging);
    }

    private static String roleRights(Actor viewer, Sight sight, Level relationship) {
        if (sight.manages()) {
            return viewer.role() + (viewer.role().isSystemWide() ? "" : " of a group of the owner")
                    + ": manages him (every right)";
        }
        if (sight.level() != relationship) {
            return viewer.role() + (viewer.role().isSystemWide() ? "" : " in a group of the owner")
                    + ": sees presence as " + sight.level();
        }
        return null;
    }

    /** The owner, if the actor is he or manages him; 404 if he may not see him, 403 otherwise. */
    private User changeable(Actor actor, long ownerId) {
        User owner = users.findReadable(actor, ownerId);
        access.require(owner.id == actor.userId() || access.canManageUser(actor, owner),
                "see or change this user's relationships",
                "Only the user himself and whoever manages him may");
        return owner;
    }

    private User viewer(Actor actor, User owner, long viewerId) {
        User viewer = users.findReadable(actor, viewerId);
        if (viewer.id.equals(owner.id)) {
            throw ApiProblem.invalid("viewerId", "is the owner himself: a user has no relationship with himself");
        }
        return viewer;
    }

    private static Personal personal(PersonalRelationship r, User viewer) {
        return new Personal(r.key.viewerId(), viewer == null ? null : viewer.displayName, r.level, r.changedAt,
                r.changedBy);
    }
}
