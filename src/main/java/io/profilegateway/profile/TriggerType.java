package io.profilegateway.profile;

/** What switches a profile on by itself (product.md §6). */
public enum TriggerType {
    TIME, TEAMS_MEETING, OFFICE_HOURS
}
