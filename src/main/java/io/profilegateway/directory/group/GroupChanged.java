package io.profilegateway.directory.group;

/**
 * A group was created, changed or deleted (its time zone decides when zone-less time triggers fire for its members);
 * fired inside the changing transaction.
 *
 * @param groupId the group
 */
public record GroupChanged(long groupId) {
}
