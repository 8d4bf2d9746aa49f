package io.profilegateway.access;

import io.profilegateway.access.relationship.Level;
import io.profilegateway.access.relationship.OwnerFacts;
import io.profilegateway.access.relationship.Relationships;
import io.profilegateway.access.relationship.Right;
import io.profilegateway.access.relationship.ViewerRelations;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.directory.user.User;
import io.profilegateway.profile.Assignment;
import io.profilegateway.profile.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;

/**
 * Who may see or do what: the one place every role check (product.md §4) and relationship check (§5) lives; nothing
 * else decides access.
 */
@ApplicationScoped
public class AccessPolicy {

    @Inject
    Relationships relationships;

    // ---- users

    /**
     * What the actor may see of and do to the user: himself → everything; a role that manages the user → everything;
     * otherwise the relationship level (product.md §5), raised to TEAM_COLLEAGUE for system-wide roles and for
     * receptionists and up on the users of their groups ("sees presence of his groups", §4).
     */
    public Sight sight(Actor actor, User user) {
        return new Sights(actor, user.id).of(OwnerFacts.of(user));
    }

    /** Sights of one actor on many users: his relations are read once, on the first user that needs them. */
    public Sights sights(Actor actor) {
        return new Sights(actor, null);
    }

    /** Sights over relations read before (a {@link Relationships#snapshot}): works outside a transaction. */
    public Sights sights(Actor actor, ViewerRelations relations) {
        Sights sights = new Sights(actor, null);
        sights.relations = relations;
        return sights;
    }

    public final class Sights {
        private final Actor actor;
        /** Set: only this owner's relations are read. */
        private final Long onlyOwner;
        private ViewerRelations relations;

        private Sights(Actor actor, Long onlyOwner) {
            this.actor = actor;
            this.onlyOwner = onlyOwner;
        }

        public Sight of(OwnerFacts owner) {
            if (onlyOwner != null && owner.id() != onlyOwner) {
                throw new IllegalStateException("relations were read for user " + onlyOwner + " only");
            }
            if (owner.id() == actor.userId()) {
                return Sight.SELF;
            }
            if (canManage(actor, owner.role(), owner.groupIds())) {
                return new Sight(Level.ASSISTANT_PLUS, false, true, true);
            }
            boolean byRole = actor.role().isSystemWide()
                    || (actor.role().hasReceptionistRights() && sharesGroup(actor, owner.groupIds()));
            if (relations == null) {
                relations = onlyOwner == null ? relationships.of(actor.userId(), actor.groupIds())
                        : relationships.between(actor.userId(), actor.groupIds(), onlyOwner);
            }
            Level level = relations.on(owner).level();
            return new Sight(byRole ? Level.max(level, Level.TEAM_COLLEAGUE) : level, false, false,
                    actor.role().isSystemWide());
        }
    }

    /** Manage = edit, delete, set password, create tokens; never a user whose role is above the actor's. */
    public boolean canManageUser(Actor actor, User user) {
        return canManage(actor, user.role, user.groupIds());
    }

    private static boolean canManage(Actor actor, Role role, Set<Long> groupIds) {
        if (role.isAbove(actor.role())) {
            return false;
        }
        return actor.role().isSystemWide() || (actor.role().hasManagerRights() && sharesGroup(actor, groupIds));
    }

    /** Switching someone's profile (and so his redirects): himself, whoever manages him, his ASSISTANTs. */
    public boolean canSwitch(Actor actor, User user) {
        return sight(actor, user).may(Right.SWITCH_PROFILE);
    }

    /** May the actor place a user (new or existing) in these groups? Managers only within their own groups. */
    public boolean canPlaceInGroups(Actor actor, Collection<Long> groupIds) {
        if (actor.role().isSystemWide()) {
            return true;
        }
        return actor.role().hasManagerRights() && !groupIds.isEmpty() && actor.groupIds().containsAll(groupIds);
    }

    /**
     * May the actor give this role to a user in these groups? Nobody gives a role above his own; only SYSTEM_OWNER
     * appoints SYSTEM_ADMIN and SYSTEM_OWNER; SYSTEM_ADMIN appoints up to OWNER anywhere; MANAGER and OWNER appoint up
     * to MANAGER, and only for users all of whose groups are theirs.
     */
    public boolean canAppoint(Actor actor, Role role, Collection<Long> groupIds) {
        if (role.isAbove(actor.role())) {
            return false;
        }
        if (role.isSystemWide()) {
            return actor.role() == Role.SYSTEM_OWNER;
        }
        if (actor.role().isSystemWide()) {
            return true;
        }
        if (!actor.role().hasManagerRights() || role.isAbove(Role.MANAGER)) {
            return false;
        }
        return !groupIds.isEmpty() && actor.groupIds().containsAll(groupIds);
    }

    // ---- groups, teams, workplaces

    public boolean canManageGroups(Actor actor) {
        return actor.role().isSystemWide();
    }

    public boolean canEditGroup(Actor actor, long groupId) {
        return actor.role().isSystemWide()
                || (actor.role().hasGroupAdminRights() && actor.groupIds().contains(groupId));
    }

    /** The office state of a group: its receptionists and up, system admins everywhere. */
    public boolean canOverrideOffice(Actor actor, long groupId) {
        return actor.role().isSystemWide()
                || (actor.role().hasReceptionistRights() && actor.groupIds().contains(groupId));
    }

    /** Teams and workplaces: of a group → its group admins; of no group → system admins only. */
    public boolean canManageGroupObject(Actor actor, Long groupId) {
        if (actor.role().isSystemWide()) {
            return true;
        }
        return groupId != null && actor.role().hasGroupAdminRights() && actor.groupIds().contains(groupId);
    }

    // ---- profiles

    public boolean canSeeProfile(Actor actor, Profile profile, User actorUser) {
        return switch (profile.assignment) {
            case SYSTEM -> true;
            case ADMIN -> profile.isUsableBy(actorUser) || canManageProfile(actor, profile);
            case PERSONAL -> profile.owner.id == actor.userId() || canManageUser(actor, profile.owner);
        };
    }

    public boolean canManageProfile(Actor actor, Profile profile) {
        return canManageProfile(actor, profile.assignment, profile.groupIds(), profile.owner);
    }

    /** SYSTEM → system admins; ADMIN → group admins of all its groups (global ones: system admins); PERSONAL → owner. */
    public boolean canManageProfile(Actor actor, Assignment assignment, Set<Long> groupIds, User owner) {
        return switch (assignment) {
            case SYSTEM -> actor.role().isSystemWide();
            case ADMIN -> actor.role().isSystemWide() || (actor.role().hasGroupAdminRights() && !groupIds.isEmpty()
                    && actor.groupIds().containsAll(groupIds));
            case PERSONAL -> owner != null && ((owner.id == actor.userId() && owner.profilePersonal)
                    || (owner.id != actor.userId() && canManageUser(actor, owner)));
        };
    }

    // ---- helpers

    public void require(boolean allowed, String what) {
        if (!allowed) {
            throw ApiProblem.forbidden("Your role does not allow you to " + what);
        }
    }

    /** 403 with its own message, for what a relationship (not only a role) would allow. */
    public void require(boolean allowed, String what, String message) {
        if (!allowed) {
            throw ApiProblem.forbidden(message + ": you may not " + what);
        }
    }

    private static boolean sharesGroup(Actor actor, Set<Long> groupIds) {
        return !Collections.disjoint(actor.groupIds(), groupIds);
    }
}
