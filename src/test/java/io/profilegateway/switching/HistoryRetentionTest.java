package io.profilegateway.switching;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** switch_history is bounded by gateway.history.retention and outlives a deleted user. */
@QuarkusTest
class HistoryRetentionTest {

    @Inject
    HistoryPurge purge;

    @Inject
    Clock clock;

    @Test
    void shouldPurgeExactlyTheRowsOlderThanTheRetention() {
        long old = id(createUser("USER"));
        long recent = id(createUser("USER"));
        switchTo(old, 2).statusCode(200);
        switchTo(recent, 2).statusCode(200);
        Instant now = clock.instant();
        // P400D by default: one row of old just outside it, its other row and recent's just inside
        QuarkusTransaction.requiringNew().run(() -> {
            List<SwitchHistory> rows = SwitchHistory.list("userId = ?1 order by id", old);
            rows.get(0).at = now.minus(Duration.ofDays(400)).minusSeconds(1);
            rows.get(1).at = now.minus(Duration.ofDays(400)).plusSeconds(60);
        });

        long purged = purge.purge(now);

        assertThat(purged).isEqualTo(1);
        assertThat(rows(old)).hasSize(1);
        assertThat(rows(recent)).hasSize(2);
    }

    @Test
    void shouldKeepTheHistoryOfADeletedUserWithHisNameAndExtension() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        switchTo(userId, 2).statusCode(200);

        asAdmin().delete("/api/v1/users/" + userId).then().statusCode(204);

        List<SwitchHistory> kept = rows(userId);
        assertThat(kept).hasSize(2).allSatisfy(row -> {
            assertThat(row.userName).isEqualTo(user.get("displayName"));
            assertThat(row.userExtension).isEqualTo(user.get("extension"));
        });
        asAdmin().get("/api/v1/users/" + userId + "/history").then().statusCode(404);
    }

    private static List<SwitchHistory> rows(long userId) {
        return QuarkusTransaction.requiringNew().call(() -> SwitchHistory.list("userId", userId));
    }
}
