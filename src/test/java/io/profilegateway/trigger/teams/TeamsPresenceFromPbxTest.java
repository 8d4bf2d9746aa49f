package io.profilegateway.trigger.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.extension;
import static io.profilegateway.testing.Api.switchTo;
import static io.profilegateway.testing.Api.unique;
import static io.profilegateway.trigger.teams.TeamsFixture.activeProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.profilegateway.pbx.SimulatorLauncher;
import io.profilegateway.pbx.simulator.DeviceState;
import io.profilegateway.profile.Profile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Teams presence from the PBX: device states from the simulator (real AMI), Graph's setPresence / clearPresence /
 * $batch on WireMock, and the poller reading back what the gateway set.
 */
@QuarkusTest
@TestProfile(PublishTestProfile.class)
class TeamsPresenceFromPbxTest {

    private static final Duration WAIT = TeamsMeetingTest.WAIT;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SimulatorLauncher launcher;

    private final FakeGraph graph = GraphWireMock.fake();

    private record Person(long id, String entraId, String device) {
    }

    private Person person(long group) {
        String entraId = UUID.randomUUID().toString();
        String device = "PJSIP/" + unique("tp");
        long id = asAdmin().body(Map.of("extension", extension(), "displayName", unique("teams"), "role", "USER",
                "primaryGroupId", group, "devices", List.of(device), "entraObjectId", entraId))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        return new Person(id, entraId, device);
    }

    private void call(Person p, DeviceState state) {
        launcher.simulator().phone().setDeviceState(p.device(), state);
    }

    /** Every presence write for this user, plain or inside a $batch, in order: {operation, body}. */
    private static List<JsonNode> writes(Person p) {
        List<JsonNode> found = new ArrayList<>();
        for (LoggedRequest r : requests()) {
            try {
                if (r.getUrl().endsWith("/$batch")) {
                    for (JsonNode req : JSON.readTree(r.getBodyAsString()).path("requests")) {
                        if (req.path("url").asText().contains(p.entraId())) {
                            found.add(entry(req.path("url").asText(), req.path("body")));
                        }
                    }
                } else if (r.getUrl().contains(p.entraId())) {
                    found.add(entry(r.getUrl(), JSON.readTree(r.getBodyAsString())));
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static JsonNode entry(String url, JsonNode body) {
        return JSON.createObjectNode().put("op", url.substring(url.lastIndexOf('/') + 1)).set("body", body);
    }

    private static List<LoggedRequest> requests() {
        List<LoggedRequest> all = new ArrayList<>(GraphWireMock.server().findAll(postRequestedFor(
                urlPathMatching("/v1\\.0/(users/.*|\\$batch)"))));
        all.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        return all;
    }

    private static long count(Person p, String op) {
        return writes(p).stream().filter(w -> op.equals(w.path("op").asText())).count();
    }

    @Test
    void shouldSetBusyInACallWhileTheDeviceIsInUseAndClearItWhenTheCallEnds() {
        Person p = person(new TeamsFixture().group);
        await().atMost(WAIT).pollDelay(Duration.ofMillis(500)).until(() -> {
            call(p, DeviceState.INUSE); // again until the roster holds him
            return count(p, "setPresence") > 0;
        });
        JsonNode set = writes(p).get(0).path("body");
        assertThat(set.path("sessionId").asText()).isEqualTo(GraphWireMock.CLIENT_ID);
        assertThat(set.path("availability").asText()).isEqualTo("Busy");
        assertThat(set.path("activity").asText()).isEqualTo("InACall");
        assertThat(set.path("expirationDuration").asText()).isEqualTo("PT5M");

        call(p, DeviceState.ONHOLD); // still on the call: nothing new to say
        call(p, DeviceState.NOT_INUSE);

        await().atMost(WAIT).until(() -> count(p, "clearPresence") == 1);
        JsonNode clear = writes(p).stream().filter(w -> "clearPresence".equals(w.path("op").asText())).findFirst()
                .orElseThrow().path("body");
        assertThat(clear.path("sessionId").asText()).isEqualTo(GraphWireMock.CLIENT_ID);
        assertThat(clear.has("availability")).isFalse();
        assertThat(graph.session(p.entraId())).isNull();
    }

    @Test
    void shouldSeeCallsThatStartedOrEndedWhileTheLinkWasDown() {
        Person p = person(new TeamsFixture().group);
        // a call already running when the link comes up: Asterisk's state changes without an event reaching the
        // gateway; only the DeviceStateList of the reconnect can tell
        launcher.simulator().pbx().seedDeviceState(p.device(), DeviceState.INUSE);
        launcher.simulator().dropConnections();
        await().atMost(WAIT).until(() -> count(p, "setPresence") > 0);
        JsonNode set = writes(p).get(0).path("body");
        assertThat(set.path("availability").asText()).isEqualTo("Busy");
        assertThat(set.path("activity").asText()).isEqualTo("InACall");
        assertThat(count(p, "clearPresence")).isZero();

        // the call ends while the link is down: the next reconnect's list clears it
        launcher.simulator().pbx().seedDeviceState(p.device(), DeviceState.NOT_INUSE);
        pause(Duration.ofMillis(300));
        assertThat(count(p, "clearPresence")).as("no event told the gateway").isZero();
        launcher.simulator().dropConnections();

        await().atMost(WAIT).until(() -> count(p, "clearPresence") == 1);
        assertThat(count(p, "setPresence")).isEqualTo(1);
    }

    @Test
    void shouldSetDoNotDisturbInADndProfileAndClearItWhenLeft() {
        TeamsFixture f = new TeamsFixture();
        long dnd = createProfile(Map.of("groupIds", List.of(f.group), "presence", "dnd"), List.of(), List.of());
        Person p = person(f.group);
        pause(Duration.ofMillis(1500)); // the roster (every 250 ms) holds him
        switchTo(p.id(), dnd).statusCode(200);

        await().atMost(WAIT).until(() -> count(p, "setPresence") > 0);
        JsonNode set = writes(p).get(0).path("body");
        assertThat(set.path("availability").asText()).isEqualTo("DoNotDisturb");
        assertThat(set.path("activity").asText()).isEqualTo("Presenting");

        switchTo(p.id(), Profile.AVAILABLE_ID).statusCode(200);
        await().atMost(WAIT).until(() -> count(p, "clearPresence") == 1);
    }

    @Test
    void shouldRenewTheSessionBeforeItLapses() {
        Person p = person(new TeamsFixture().group);
        await().atMost(WAIT).pollDelay(Duration.ofMillis(500)).until(() -> {
            if (count(p, "setPresence") == 0) {
                call(p, DeviceState.INUSE);
            }
            return count(p, "setPresence") > 0;
        });
        long first = System.nanoTime();
        await().atMost(WAIT).until(() -> count(p, "setPresence") >= 2);
        assertThat(Duration.ofNanos(System.nanoTime() - first)).as("renewed 4 s after the set, not at once")
                .isGreaterThan(Duration.ofSeconds(2));
        assertThat(writes(p).get(1).path("body").path("activity").asText()).isEqualTo("InACall");
        assertThat(count(p, "clearPresence")).isZero();
        call(p, DeviceState.NOT_INUSE);
        await().atMost(WAIT).until(() -> count(p, "clearPresence") == 1);
    }

    @Test
    void shouldSendCallsStartingAtOnceAsOneBatch() throws Exception {
        long group = new TeamsFixture().group;
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(person(group));
        }
        Thread.sleep(1500); // the roster (every 250 ms) holds them
        int before = requests().size();
        people.forEach(p -> call(p, DeviceState.INUSE));

        await().atMost(WAIT).until(() -> people.stream().allMatch(p -> count(p, "setPresence") > 0));
        List<LoggedRequest> batches = requests().stream().skip(before).filter(r -> r.getUrl().endsWith("/$batch"))
                .filter(r -> people.stream().anyMatch(p -> r.getBodyAsString().contains(p.entraId()))).toList();
        assertThat(batches).as("the six starts went in $batches, not one request each").isNotEmpty()
                .hasSizeLessThanOrEqualTo(2);
        JsonNode first = JSON.readTree(batches.get(0).getBodyAsString()).path("requests");
        assertThat(first.size()).isGreaterThan(1).isLessThanOrEqualTo(20);
        assertThat(first.get(0).path("method").asText()).isEqualTo("POST");
        assertThat(first.get(0).path("body").path("sessionId").asText()).isEqualTo(GraphWireMock.CLIENT_ID);
        people.forEach(p -> assertThat(graph.session(p.entraId())).containsExactly("Busy", "InACall"));
        people.forEach(p -> call(p, DeviceState.NOT_INUSE));
        await().atMost(WAIT).until(() -> people.stream().allMatch(p -> count(p, "clearPresence") == 1));
    }

    @Test
    void shouldNotTakeItsOwnInACallForATeamsMeeting() {
        GraphFaultsTest.awaitPolling();
        TeamsFixture f = new TeamsFixture();
        long meeting = f.teamsProfile(null); // InACall counts as a meeting
        Person p = person(f.group);
        await().atMost(WAIT).pollDelay(Duration.ofMillis(500)).until(() -> {
            if (graph.session(p.entraId()) == null) {
                call(p, DeviceState.INUSE);
            }
            return graph.session(p.entraId()) != null;
        });
        // the poller now reads Busy/InACall (the gateway's own session) for him, several times over
        int polls = pollsOf(p);
        await().atMost(WAIT).until(() -> pollsOf(p) >= polls + 5);
        assertThat(activeProfile(p.id())).as("no meeting switch from the gateway's own session")
                .isEqualTo(Profile.AVAILABLE_ID);

        graph.setActivity(p.entraId(), "InAMeeting"); // a real Teams meeting still switches him
        await().atMost(WAIT).until(() -> activeProfile(p.id()) == meeting);
        graph.setActivity(p.entraId(), "Available");
        call(p, DeviceState.NOT_INUSE);
    }

    private static int pollsOf(Person p) {
        return (int) GraphWireMock.presenceRequests().stream()
                .filter(r -> r.getBodyAsString().contains(p.entraId())).count();
    }

    @Test
    void shouldRetryWithBackoffWhileGraphIsDown() {
        Person p = person(new TeamsFixture().group);
        var down = GraphWireMock.server().stubFor(post(urlPathMatching("/v1\\.0/(users/.*|\\$batch)")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        try {
            await().atMost(WAIT).pollDelay(Duration.ofMillis(500)).until(() -> {
                if (count(p, "setPresence") == 0) {
                    call(p, DeviceState.INUSE);
                }
                return count(p, "setPresence") >= 3;
            });
            long tries = count(p, "setPresence");
            pause(Duration.ofSeconds(2));
            assertThat(count(p, "setPresence") - tries).as("backoff (200 ms doubling to 1 s), no storm")
                    .isBetween(1L, 8L);
        } finally {
            GraphWireMock.server().removeStub(down);
        }
        await().atMost(WAIT).until(() -> graph.session(p.entraId()) != null);
        call(p, DeviceState.NOT_INUSE);
        await().atMost(WAIT).until(() -> graph.session(p.entraId()) == null);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
