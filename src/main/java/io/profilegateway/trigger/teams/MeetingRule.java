package io.profilegateway.trigger.teams;

import java.util.Set;

/** A profile with a Teams trigger and the activities that switch it on. */
record MeetingRule(long profileId, Set<String> activities) {

    MeetingRule {
        activities = Set.copyOf(activities);
    }
}
