package io.profilegateway.access;

/**
 * The seven roles of product.md §4, least to most. The order is the "higher than" of the appointment rules; the
 * rights are not simply cumulative: MANAGER ranks above GROUP_ADMIN but has no group-admin rights, OWNER has both.
 */
public enum Role {
    USER, RECEPTIONIST, GROUP_ADMIN, MANAGER, OWNER, SYSTEM_ADMIN, SYSTEM_OWNER;

    public boolean isAbove(Role other) {
        return ordinal() > other.ordinal();
    }

    public boolean isAtLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** Every group, every object, without being a member. */
    public boolean isSystemWide() {
        return isAtLeast(SYSTEM_ADMIN);
    }

    /** Manages ADMIN profiles, teams and workplaces of his groups. */
    public boolean hasGroupAdminRights() {
        return this == GROUP_ADMIN || isAtLeast(OWNER);
    }

    /** Manages the users of his groups, creates users, switches their profiles. */
    public boolean hasManagerRights() {
        return isAtLeast(MANAGER);
    }

    /** Sees the presence of his groups and overrides their office hours. */
    public boolean hasReceptionistRights() {
        return isAtLeast(RECEPTIONIST);
    }
}
