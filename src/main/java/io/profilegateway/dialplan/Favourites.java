package io.profilegateway.dialplan;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.Actor;
import io.profilegateway.access.relationship.Right;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.common.Violations;
import io.profilegateway.directory.user.User;
import io.profilegateway.directory.user.UserService;
import io.profilegateway.profile.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A user's favourite profiles, in his order: what {@code *55} cycles through. He and whoever may switch his profile
 * (product.md §5: ASSISTANT and up, his managers) read and set them; every one must be a profile he may use.
 */
@ApplicationScoped
public class Favourites {

    static final int MAX = 20;

    @Inject
    UserService users;

    @Inject
    AccessPolicy access;

    @Transactional
    public List<Long> get(Actor actor, long userId) {
        mayEdit(actor, userId);
        return of(userId);
    }

    @Transactional
    public List<Long> set(Actor actor, long userId, List<Long> profileIds) {
        User user = mayEdit(actor, userId);
        Violations v = new Violations().required("profileIds", profileIds);
        v.throwIfAny();
        v.size("profileIds", profileIds, MAX).noNulls("profileIds", profileIds);
        v.throwIfAny();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < profileIds.size(); i++) {
            long id = profileIds.get(i);
            Profile profile = Profile.findById(id);
            if (!seen.add(id)) {
                v.add("profileIds[" + i + "]", "profile " + id + " is in the list twice");
            } else if (profile == null || !profile.isUsableBy(user)) {
                v.add("profileIds[" + i + "]", "no profile with id " + id + " that this user may use");
            }
        }
        v.throwIfAny();
        FavouriteProfile.delete("userId", userId);
        FavouriteProfile.flush();
        for (int i = 0; i < profileIds.size(); i++) {
            FavouriteProfile row = new FavouriteProfile();
            row.userId = userId;
            row.position = i;
            row.profileId = profileIds.get(i);
            row.persist();
        }
        return List.copyOf(profileIds);
    }

    /** The user's favourites in his order (a deleted profile has left the list by itself). */
    static List<Long> of(long userId) {
        return FavouriteProfile.<FavouriteProfile>list("userId = ?1 order by position", userId).stream()
                .map(f -> f.profileId).toList();
    }

    private User mayEdit(Actor actor, long userId) {
        User user = users.findVisible(actor, userId).user();
        if (!user.isPbxUser()) {
            throw ApiProblem.conflict("not-a-pbx-user", "User " + userId + " has no extension: no feature codes");
        }
        access.require(users.requireReadable(actor, user).may(Right.SWITCH_PROFILE),
                "see or set this user's favourite profiles",
                "Neither your role nor your relationship with this user (ASSISTANT and up) allows it");
        return user;
    }
}
