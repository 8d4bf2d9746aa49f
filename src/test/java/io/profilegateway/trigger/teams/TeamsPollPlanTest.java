package io.profilegateway.trigger.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Batching and the throttling budget (teams.md: 650 ids per request, 1,500 requests per 30 s per tenant). */
class TeamsPollPlanTest {

    private static final Duration WINDOW = Duration.ofSeconds(30);

    @Test
    void shouldCutIdsIntoBatchesOfAtMost650() {
        List<String> ids = IntStream.range(0, 1301).mapToObj(i -> "id" + i).toList();

        List<List<String>> batches = PollPlan.batches(ids, GraphPresence.MAX_IDS);

        assertThat(batches).extracting(List::size).containsExactly(650, 650, 1);
        assertThat(batches.stream().flatMap(List::stream)).containsExactlyElementsOf(ids);
    }

    @Test
    void shouldKeepTheConfiguredIntervalWhileInsideTheBudget() {
        // P2's setting: 10,000 users polled every second = 16 requests/s = 480 per 30 s
        assertThat(PollPlan.interval(Duration.ofSeconds(1), 10_000, 1, 1500, WINDOW, 0.8, 1))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldRaiseTheIntervalSoThatAllNodesStayInsideTheirShare() {
        int users = 100_000; // 154 requests a round, plus one per extra node for its rounded-up last batch
        for (int nodes = 1; nodes <= 4; nodes++) {
            Duration interval = PollPlan.interval(Duration.ofMillis(200), users, nodes, 1500, WINDOW, 0.8, 1);
            long perRound = 154 + nodes - 1;
            double requestsPerWindow = perRound * (WINDOW.toMillis() / (double) interval.toMillis());
            assertThat(requestsPerWindow).as("%d nodes", nodes).isLessThanOrEqualTo(1200.0).isGreaterThan(1150.0);
        }
    }

    @Test
    void shouldDoubleTheIntervalAfterThrottling() {
        assertThat(PollPlan.interval(Duration.ofSeconds(2), 100, 1, 1500, WINDOW, 0.8, 2))
                .isEqualTo(Duration.ofSeconds(4));
    }
}
