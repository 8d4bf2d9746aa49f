package io.profilegateway.access;

import io.profilegateway.directory.user.User;
import java.util.Set;

/**
 * The authenticated caller of a request: who he is in the directory, his role and his groups, and whether he came
 * with an API token (a machine) or a password (a person).
 */
public record Actor(long userId, String name, Role role, Set<Long> groupIds, boolean profilePersonal,
        boolean viaToken) {

    public Actor {
        groupIds = Set.copyOf(groupIds);
    }

    /** The actor a directory user is when he signs in, shown as {@code label}. */
    public static Actor of(User user, String label, boolean viaToken) {
        return new Actor(user.id, label, user.role, user.groupIds(), user.profilePersonal, viaToken);
    }

    /** What the history and logs show as the actor. */
    public String label() {
        return name;
    }
}
