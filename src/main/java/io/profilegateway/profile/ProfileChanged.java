package io.profilegateway.profile;

/**
 * A profile was created, replaced or deleted; fired inside the transaction that changes it, so that what depends on
 * its triggers (the Quartz schedule) changes in the same commit.
 *
 * @param profileId the profile
 * @param deleted   whether it is gone
 */
public record ProfileChanged(long profileId, boolean deleted) {
}
