package io.profilegateway.profile;

/** Who made a profile: built in, an admin for users, or a user for himself. */
public enum Assignment {
    SYSTEM, ADMIN, PERSONAL
}
