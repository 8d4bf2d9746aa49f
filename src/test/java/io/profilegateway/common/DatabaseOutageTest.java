package io.profilegateway.common;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.profilegateway.profile.Profile;
import io.profilegateway.testing.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * R5 (quality.md): the database goes away for 30 s under a running gateway. Every API request meanwhile, whether it
 * authenticates with a password or an API token, is answered 503 {@code database-unavailable} with Retry-After, fast,
 * never a 500 or a hanging request; readiness is down; nothing of the refused switches is written; and once the
 * database is back the gateway serves switches again by itself. Runs in the PostgreSQL test run (its private server is
 * stopped and started again); the H2 run skips it, an embedded database cannot go away.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration RECOVERY = Duration.ofSeconds(30);
    /** No probe may take longer: a request that waits for the database is as bad as one that fails wrongly. */
    private static final int ANSWER_WITHIN_MS = 10_000;

    private static final RestAssuredConfig BOUNDED = RestAssured.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", ANSWER_WITHIN_MS)
            .setParam("http.connection.timeout", ANSWER_WITHIN_MS));

    @Test
    void shouldAnswer503WhileTheDatabaseIsGoneAndRecoverByItself() throws Exception {
        PostgresTestDatabase database = PostgresTestDatabase.ofTestRun().orElse(null);
        assumeTrue(database != null, "needs the private PostgreSQL server of the PostgreSQL test run");
        long user = id(createUser("USER"));
        long adminId = asAdmin().get("/api/v1/me").then().statusCode(200).extract().jsonPath().getLong("userId");
        String token = asAdmin().body(Map.of("name", "outage-probe")).post("/api/v1/users/" + adminId + "/tokens")
                .then().statusCode(201).extract().jsonPath().getString("token");
        int historyBefore = history(user).size();

        database.stopServer();
        List<String> unexpected = new ArrayList<>();
        int probes = 0;
        long slowestMs = 0;
        try {
            long end = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < end) {
                long started = System.nanoTime();
                expectUnavailable(asAdmin().config(BOUNDED).body(Map.of("profileId", Profile.DND_ID))
                        .put("/api/v1/users/" + user + "/profile"), "switch (password)", unexpected);
                expectUnavailable(withToken(token).get("/api/v1/users/" + user + "/profile"), "read (token)",
                        unexpected);
                int readiness = given().config(BOUNDED).get("/q/health/ready").statusCode();
                if (readiness != 503) {
                    unexpected.add("readiness " + readiness);
                }
                slowestMs = Math.max(slowestMs, (System.nanoTime() - started) / 1_000_000);
                probes++;
                Thread.sleep(1000);
            }
        } finally {
            database.startServer();
        }
        assertThat(unexpected).as("answers during the outage").isEmpty();
        // a round is three requests that each give up on the database after about a second, and a second's pause
        assertThat(probes).as("probe rounds during %s", OUTAGE).isGreaterThanOrEqualTo(5);

        // back by itself: no restart, no operator
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = asAdmin().config(BOUNDED).body(Map.of("profileId", Profile.DND_ID))
                    .put("/api/v1/users/" + user + "/profile").statusCode();
            if (status != 200) {
                assertThat(status).as("answer while the database comes back").isEqualTo(503);
                Thread.sleep(500);
            }
        }
        assertThat(status).as("a switch within %s of the database's return", RECOVERY).isEqualTo(200);
        withToken(token).get("/api/v1/users/" + user + "/profile").then().statusCode(200);

        // nothing half-written: of all the switches tried, only the one answered 200 is in the history
        List<Map<String, Object>> history = history(user);
        assertThat(history).hasSize(historyBefore + 1);
        assertThat(history.get(0)).containsEntry("outcome", "SWITCHED")
                .containsEntry("toProfileId", (int) Profile.DND_ID);

        long readyBy = System.nanoTime() + RECOVERY.toNanos();
        while (given().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < readyBy) {
            Thread.sleep(500);
        }
        given().get("/q/health/ready").then().statusCode(200);
        System.out.printf("R5: %d probe rounds in %s, slowest round %d ms%n", probes, OUTAGE, slowestMs);
    }

    private static void expectUnavailable(Response response, String what, List<String> unexpected) {
        String errorId = response.getContentType() != null && response.getContentType().startsWith(Problem.MEDIA_TYPE)
                ? response.jsonPath().getString("errorId") : null;
        if (response.statusCode() != 503 || !"database-unavailable".equals(errorId)
                || response.getHeader("Retry-After") == null) {
            unexpected.add(what + ": " + response.statusCode() + " " + response.getContentType() + " "
                    + response.asString());
        }
    }

    private static RequestSpecification withToken(String token) {
        return given().config(BOUNDED).header("Authorization", "Bearer " + token);
    }

    private static List<Map<String, Object>> history(long user) {
        return asAdmin().get("/api/v1/users/" + user + "/history?size=100").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }
}
