package io.profilegateway.trigger.teams;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What this node polls now: the batches of Entra ids, which user each id is, the planned interval (before any
 * throttling penalty), and counts for health.
 */
record PollTargets(List<List<String>> batches, Map<String, Long> userByEntraId, Duration interval, int watched,
        int shards, int nodes) {

    static PollTargets none(Duration interval) {
        return new PollTargets(List.of(), Map.of(), interval, 0, 0, 1);
    }

    int polledUsers() {
        return userByEntraId.size();
    }
}
