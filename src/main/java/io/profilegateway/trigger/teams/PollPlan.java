package io.profilegateway.trigger.teams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of polling: batches of at most 650 ids, and the interval that keeps every node together inside
 * Graph's budget. Nodes poll disjoint users, so all of them together send at most
 * {@code ceil(users / 650) + nodes - 1} requests per interval (each node rounds its last batch up); the interval is
 * the configured one or, when that would spend more than the planned share of the limit, the shortest that does not.
 */
final class PollPlan {

    private PollPlan() {
    }

    static List<List<String>> batches(List<String> ids, int size) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            batches.add(List.copyOf(ids.subList(from, Math.min(ids.size(), from + size))));
        }
        return batches;
    }

    /**
     * @param configured the wished interval
     * @param users users polled by all nodes together
     * @param nodes nodes that poll (at least 1)
     * @param limit Graph's requests per window
     * @param window the throttling window
     * @param share the share of the limit to plan with (0..1]
     * @param penalty 1, or more after a 429 (Graph throttles for reasons the gateway cannot count)
     */
    static Duration interval(Duration configured, int users, int nodes, int limit, Duration window, double share,
            int penalty) {
        if (users == 0) {
            return configured.multipliedBy(penalty);
        }
        long requestsPerRound = (users + GraphPresence.MAX_IDS - 1) / GraphPresence.MAX_IDS + Math.max(0, nodes - 1);
        double allowed = Math.max(1, limit * share);
        long minimumMillis = (long) Math.ceil(window.toMillis() * requestsPerRound / allowed);
        Duration minimum = Duration.ofMillis(minimumMillis);
        Duration planned = configured.compareTo(minimum) >= 0 ? configured : minimum;
        return planned.multipliedBy(penalty);
    }
}
