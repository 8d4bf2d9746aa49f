package io.profilegateway.trigger.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.profilegateway.trigger.teams.FakeSubscriptions.SUBSCRIPTIONS;
import static io.profilegateway.trigger.teams.GraphWireMock.server;
import static io.profilegateway.trigger.teams.TeamsMeetingTest.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The push path (S5): webhook handshake, client state, subscriptions with the delegated account, renewals. */
@QuarkusTest
@TestProfile(TeamsTestProfile.class)
class GraphNotificationsTest {

    private static final String WEBHOOK = "/api/v1/graph/notifications";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void pollingRuns() {
        GraphFaultsTest.awaitPolling();
    }

    @Test
    void shouldEchoTheValidationTokenAsPlainTextWithoutCredentials() {
        String token = "Validation: Token <issued> 2026";

        given().queryParam("validationToken", token).contentType("text/plain").post(WEBHOOK).then()
                .statusCode(200).contentType("text/plain").body(equalTo(token));
    }

    @Test
    void shouldStillProtectEverythingElse() {
        given().contentType("application/json").body("{}").post("/api/v1/users").then().statusCode(401);
        given().get("/api/v1/users").then().statusCode(401);
        given().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void shouldSubscribeWithTheServiceAccountAndRenewBeforeExpiry() {
        TeamsFixture f = new TeamsFixture();
        f.teamsProfile(null);
        TeamsFixture.User user = f.user();

        String id = awaitSubscriptionOf(user.entraId(), 0);

        String created = server().getAllServeEvents().stream().filter(e -> e.getResponse().getBodyAsString()
                .contains(id) && e.getRequest().getMethod().getName().equals("POST")).findFirst().orElseThrow()
                .getRequest().getBodyAsString();
        assertThat(created).contains("\"clientState\":\"" + GraphWireMock.CLIENT_STATE + "\"", "\"changeType\":\"updated\"",
                "/communications/presences?$filter=id in (");
        assertThat(server().findAll(postRequestedFor(urlPathEqualTo(GraphWireMock.TOKEN_PATH))))
                .anyMatch(r -> r.getBodyAsString().contains("grant_type=password"));
        await().atMost(WAIT).until(() -> !server().findAll(patchRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + id)))
                .isEmpty());
    }

    @Test
    void shouldReadThePresenceOfANotifiedUserAtOnce() {
        TeamsFixture f = new TeamsFixture();
        long meeting = f.teamsProfile(null);
        TeamsFixture.User user = f.user();
        f.user(); // so that the regular polls never ask for this user alone
        String subscription = awaitSubscriptionOf(user.entraId(), 0);
        double accepted = counter("accepted");

        notify(subscription, GraphWireMock.CLIENT_STATE, user.entraId(), null).then().statusCode(202);

        await().atMost(WAIT).until(() -> GraphWireMock.presenceRequests().stream()
                .anyMatch(r -> r.getBodyAsString().equals("{\"ids\":[\"" + user.entraId() + "\"]}")));
        assertThat(counter("accepted")).isEqualTo(accepted + 1);
        GraphWireMock.fake().setActivity(user.entraId(), "InAMeeting");
        await().atMost(WAIT).until(() -> TeamsFixture.activeProfile(user.id()) == meeting);
    }

    @Test
    void shouldIgnoreAndCountNotificationsWithAWrongClientState() {
        TeamsFixture f = new TeamsFixture();
        f.teamsProfile(null);
        TeamsFixture.User user = f.user();
        f.user(); // so that the regular polls never ask for this user alone
        String subscription = awaitSubscriptionOf(user.entraId(), 0);
        double rejected = counter("rejected");
        double accepted = counter("accepted");

        notify(subscription, "forged-state", user.entraId(), null).then().statusCode(202);
        notify(subscription, null, user.entraId(), null).then().statusCode(202);

        assertThat(counter("rejected")).isEqualTo(rejected + 2);
        assertThat(counter("accepted")).isEqualTo(accepted);
        TeamsMeetingTest.pollsPass(Duration.ofMillis(500));
        assertThat(GraphWireMock.presenceRequests()).noneMatch(r -> r.getBodyAsString()
                .equals("{\"ids\":[\"" + user.entraId() + "\"]}"));
    }

    @Test
    void shouldCreateALostSubscriptionAgain() {
        TeamsFixture f = new TeamsFixture();
        f.teamsProfile(null);
        TeamsFixture.User user = f.user();
        String lost = awaitSubscriptionOf(user.entraId(), 0);
        int created = subscriptionsCreated();

        notify(lost, GraphWireMock.CLIENT_STATE, null, "subscriptionRemoved").then().statusCode(202);

        String again = awaitSubscriptionOf(user.entraId(), created);
        assertThat(again).isNotEqualTo(lost);
    }

    private static io.restassured.response.Response notify(String subscription, String clientState, String userId,
            String lifecycleEvent) {
        Map<String, Object> item = new java.util.HashMap<>();
        item.put("subscriptionId", subscription);
        item.put("changeType", "updated");
        item.put("tenantId", GraphWireMock.TENANT);
        if (clientState != null) {
            item.put("clientState", clientState);
        }
        if (userId != null) {
            item.put("resource", "communications/presences('" + userId + "')");
            item.put("resourceData", Map.of("@odata.type", "#Microsoft.Graph.presence", "id", userId));
        }
        if (lifecycleEvent != null) {
            item.put("lifecycleEvent", lifecycleEvent);
        }
        return given().contentType("application/json").body(Map.of("value", List.of(item))).post(WEBHOOK);
    }

    /** The id of a subscription created (after the first {@code skip} creations) that covers the user. */
    private static String awaitSubscriptionOf(String entraId, int skip) {
        return await().atMost(WAIT).until(() -> server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST")
                        && e.getRequest().getUrl().equals(SUBSCRIPTIONS) && e.getResponse().getStatus() == 201)
                .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .skip(skip)
                .filter(e -> e.getRequest().getBodyAsString().contains(entraId))
                .map(e -> id(e.getResponse().getBodyAsString())).reduce((a, b) -> b), Optional::isPresent).get();
    }

    private static int subscriptionsCreated() {
        return server().findAll(postRequestedFor(urlPathMatching(SUBSCRIPTIONS))).size();
    }

    private static String id(String body) {
        try {
            return JSON.readTree(body).get("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double counter(String result) {
        String metrics = given().get("/q/metrics").asString();
        Matcher m = Pattern.compile("(?m)^gateway_graph_notifications_total\\{[^}]*result=\"" + Pattern.quote(result)
                + "\"[^}]*} ([0-9.eE+-]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
