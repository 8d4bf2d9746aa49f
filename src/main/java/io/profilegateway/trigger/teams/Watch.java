package io.profilegateway.trigger.teams;

import java.util.List;

/**
 * A user whose Teams presence is watched: his Entra object id (lower case; null while unknown), his e-mail for the
 * lookup, the Teams profiles he may use (lowest id first) and the Teams profile the database says is active
 * because of a meeting (null when none).
 */
record Watch(long userId, String entraId, String email, List<MeetingRule> rules, Long meetingProfile) {

    Watch {
        rules = List.copyOf(rules);
    }

    Watch withEntraId(String id) {
        return new Watch(userId, id, email, rules, meetingProfile);
    }
}
