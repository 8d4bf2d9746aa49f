package io.profilegateway.access.relationship;

import io.profilegateway.access.Role;
import io.profilegateway.directory.user.User;
import java.util.Set;

/** What the access rules need to know of an owner; read from a {@link User} or from a projection of many. */
public record OwnerFacts(long id, Role role, boolean vip, Long primaryGroupId, Set<Long> groupIds) {

    public OwnerFacts {
        groupIds = Set.copyOf(groupIds);
    }

    public static OwnerFacts of(User user) {
        return new OwnerFacts(user.id, user.role, user.vip, user.primaryGroup == null ? null : user.primaryGroup.id,
                user.groupIds());
    }
}
