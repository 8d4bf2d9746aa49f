package io.profilegateway.trigger.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.profilegateway.trigger.teams.GraphWireMock.PRESENCE_PATH;
import static io.profilegateway.trigger.teams.GraphWireMock.TOKEN_PATH;
import static io.profilegateway.trigger.teams.GraphWireMock.presenceRequests;
import static io.profilegateway.trigger.teams.GraphWireMock.server;
import static io.profilegateway.trigger.teams.TeamsFixture.activeProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** R3 and S6: Graph and the token endpoint fail in every way; polling survives, health tells, secrets stay hidden. */
@QuarkusTest
@TestProfile(TeamsTestProfile.class)
class GraphFaultsTest {

    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            LOG.add(record.getLoggerName() + " " + record.getMessage() + " " + java.util.Arrays.toString(
                    record.getParameters()) + " " + (record.getThrown() == null ? "" : record.getThrown().toString()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void captureLogs() {
        java.util.logging.Logger.getLogger("").addHandler(CAPTURE);
    }

    @AfterAll
    static void stopCapturing() {
        java.util.logging.Logger.getLogger("").removeHandler(CAPTURE);
    }

    @org.junit.jupiter.api.BeforeEach
    void pollingRuns() {
        awaitPolling();
    }

    @AfterEach
    void restoreGraph() {
        GraphWireMock.resetStubs();
        awaitPolling();
    }

    /** Waits until polling is up and has succeeded (the first Graph client takes a while on a slow machine). */
    static void awaitPolling() {
        if (health().getString("data.state").matches("idle.*|connecting")) {
            TeamsFixture warmUp = new TeamsFixture(); // someone to poll: the first request loads the whole SDK
            warmUp.teamsProfile(null);
            warmUp.user();
        }
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100))
                .until(() -> "polling".equals(health().getString("data.state")));
    }

    @Test
    void shouldWaitRetryAfterWhenThrottled() {
        new TeamsFixture().teamsProfile(null);
        new TeamsFixture().user();
        var throttle = server().stubFor(post(urlPathEqualTo(PRESENCE_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));

        JsonPath health = awaitHealth("DOWN");
        assertThat(health.getString("data.state")).isEqualTo("throttled");
        await().atMost(TeamsMeetingTest.WAIT).until(() -> statusTimes(429).size() >= 3);
        server().removeStub(throttle);
        List<Long> throttled = statusTimes(429);
        long last = throttled.get(throttled.size() - 1);
        await().atMost(TeamsMeetingTest.WAIT).until(() -> statusTimes(200).stream().anyMatch(t -> t > last));

        for (int i = 1; i < throttled.size(); i++) {
            long gap = throttled.get(i) - throttled.get(i - 1);
            assertThat(gap < 150 || gap >= 1900).as("gap %d ms between 429s", gap).isTrue(); // < 150: in flight
        }
        long next = statusTimes(200).stream().filter(t -> t > last + 150).findFirst().orElseThrow();
        assertThat(next - last).isGreaterThanOrEqualTo(1900);
        awaitHealth("UP");
    }

    private static List<Long> statusTimes(int status) {
        return server().getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().contains("getPresences"))
                .filter(e -> e.getResponse().getStatus() == status).map(e -> e.getRequest().getLoggedDate().getTime())
                .sorted().toList();
    }

    @Test
    void shouldBackOffWhileGraphAnswers503AndCatchUpAfterwards() {
        TeamsFixture f = new TeamsFixture();
        long meeting = f.teamsProfile(null);
        TeamsFixture.User user = f.user();
        await().atMost(TeamsMeetingTest.WAIT).until(() -> polled(user.entraId()));
        long outageStart = System.currentTimeMillis();
        server().stubFor(post(urlPathEqualTo(PRESENCE_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"code\":\"ServiceUnavailable\"}}")));

        await().atMost(TeamsMeetingTest.WAIT).until(() -> failuresSince(outageStart).size() >= 6);
        JsonPath health = awaitHealth("DOWN");
        assertThat(health.getString("data.state")).isEqualTo("Graph unavailable");
        assertThat(health.getString("data.lastError")).contains("503");
        List<Long> failures = failuresSince(outageStart);
        for (int i = 4; i < failures.size(); i++) {
            assertThat(failures.get(i) - failures.get(i - 1)).as("pause before attempt %d", i).isGreaterThan(350);
        }
        GraphWireMock.fake().setActivity(user.entraId(), "InAMeeting"); // a meeting starts during the outage

        GraphWireMock.resetStubs();

        awaitHealth("UP");
        await().atMost(TeamsMeetingTest.WAIT).until(() -> activeProfile(user.id()) == meeting);
    }

    @Test
    void shouldCountATimeOutAsAnOutageAndRecover() {
        new TeamsFixture().teamsProfile(null);
        new TeamsFixture().user();
        server().stubFor(post(urlPathEqualTo(PRESENCE_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(5000).withBody("{\"value\":[]}")));

        JsonPath health = awaitHealth("DOWN");
        assertThat(health.getString("data.lastError")).contains("did not answer in time");

        GraphWireMock.resetStubs();
        awaitHealth("UP");
    }

    @Test
    void shouldRenewTheTokenOnceWhenGraphAnswers401() {
        TeamsFixture f = new TeamsFixture();
        TeamsFixture.User user = f.user();
        f.teamsProfile(null);
        await().atMost(TeamsMeetingTest.WAIT).until(() -> polled(user.entraId()));
        int tokensBefore = tokenRequests();
        server().stubFor(post(urlPathEqualTo(PRESENCE_PATH)).atPriority(1).inScenario("expired")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("refused")
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}")));
        await().atMost(TeamsMeetingTest.WAIT).until(() -> server().getAllServeEvents().stream()
                .anyMatch(e -> e.getResponse().getStatus() == 401));
        int after401 = presenceRequests().size();
        await().atMost(TeamsMeetingTest.WAIT).until(() -> presenceRequests().size() >= after401 + 3);

        assertThat(tokenRequests()).isEqualTo(tokensBefore + 1);
        assertThat(health().getString("status")).isEqualTo("UP");
    }

    @Test
    void shouldShowTheTokenEndpointOutageAndRecoverWhenItIsBack() {
        TeamsFixture f = new TeamsFixture();
        f.teamsProfile(null);
        f.user();
        server().stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":\"temporarily_unavailable\"}")));
        // a 401 makes the gateway fetch a new token, while the token endpoint is down
        server().stubFor(post(urlPathEqualTo(PRESENCE_PATH)).atPriority(1).inScenario("revoked")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(aResponse().withStatus(401)));

        JsonPath health = awaitHealth("DOWN");
        assertThat(health.getString("data.state")).isEqualTo("no valid token");
        assertThat(health.getString("data.token")).startsWith("token endpoint");

        long back = System.currentTimeMillis();
        server().removeStub(server().getStubMappings().stream().filter(m -> m.getPriority() != null
                && m.getPriority() == 1 && m.getRequest().getUrlPath().equals(TOKEN_PATH)).findFirst().orElseThrow());
        // the endpoint comes back issuing a token no earlier answer carried
        server().stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"token-after-outage\"}")));
        awaitHealth("UP");
        // recovered through the endpoint that came back: a new token from it, and a poll sent with that very token
        List<Long> tokens = server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().contains(TOKEN_PATH) && e.getResponse().getStatus() == 200)
                .map(e -> e.getRequest().getLoggedDate().getTime()).filter(t -> t >= back).sorted().toList();
        assertThat(tokens).as("tokens issued after the endpoint came back").isNotEmpty();
        assertThat(pollAuthorizations(200, back)).as("Authorization of the polls answered after the outage")
                .contains("Bearer token-after-outage");
    }

    /** The Authorization headers of the presence polls answered with {@code status} since {@code since}. */
    private static List<String> pollAuthorizations(int status, long since) {
        return server().getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().contains("getPresences"))
                .filter(e -> e.getResponse().getStatus() == status)
                .filter(e -> e.getRequest().getLoggedDate().getTime() >= since)
                .map(e -> e.getRequest().getHeader("Authorization")).toList();
    }

    @Test
    void shouldNeverLogOrShowTheClientSecret() {
        TeamsFixture f = new TeamsFixture();
        TeamsFixture.User user = f.user();
        f.teamsProfile(null);
        await().atMost(TeamsMeetingTest.WAIT).until(() -> polled(user.entraId()));
        server().stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000222: expired\"}")));
        server().stubFor(post(urlPathEqualTo(PRESENCE_PATH)).atPriority(1).willReturn(aResponse().withStatus(401)));
        JsonPath health = awaitHealth("DOWN");

        String secret = GraphWireMock.CLIENT_SECRET;
        String sent = server().findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).get(0).getBodyAsString();
        assertThat(sent).contains("client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
        assertThat(health.getString("data.token")).contains("invalid_client");
        String responses = given().get("/q/health").asString() + given().get("/q/metrics").asString()
                + io.profilegateway.testing.Api.asAdmin().get("/api/v1/users/" + user.id()).asString();
        assertThat(responses).doesNotContain(secret);
        assertThat(LOG).isNotEmpty().noneMatch(line -> line.contains(secret));
    }

    /** Application (client-credentials) token requests; the subscription account's sign-ins are not counted. */
    private static int tokenRequests() {
        return (int) server().findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).stream()
                .filter(r -> r.getBodyAsString().contains("grant_type=client_credentials")).count();
    }

    private static boolean polled(String entraId) {
        return presenceRequests().stream().anyMatch(r -> r.getBodyAsString().contains(entraId));
    }

    private static List<Long> failuresSince(long since) {
        return server().getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().contains("getPresences"))
                .filter(e -> e.getResponse().getStatus() == 503).map(e -> e.getRequest().getLoggedDate().getTime())
                .filter(t -> t >= since).sorted(Comparator.naturalOrder()).toList();
    }

    static JsonPath health() {
        JsonPath all = given().get("/q/health/ready").then().extract().jsonPath();
        Map<String, Object> check = all.getMap("checks.find { it.name == 'graph-presence' }");
        assertThat(check).as("graph-presence check").isNotNull();
        return new JsonPath(toJson(check));
    }

    static JsonPath awaitHealth(String status) {
        await().atMost(TeamsMeetingTest.WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> status.equals(health().getString("status")));
        return health();
    }

    private static String toJson(Object o) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
