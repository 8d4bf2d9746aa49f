package io.profilegateway.events;

import static io.profilegateway.testing.Api.PASSWORD;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.createGroup;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.profilegateway.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/events}: filtered by what the viewer may see, resumable, heartbeats, slow clients dropped. */
@QuarkusTest
class EventStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/api/v1/events")
    URI events;

    static void relate(Map<String, Object> owner, Map<String, Object> viewer, String level) {
        asAdmin().body(Map.of("level", level)).put("/api/v1/users/" + id(owner) + "/relationships/" + id(viewer))
                .then().statusCode(200);
    }

    /** The next profile event about this user (events about others are skipped); null if none comes. */
    static JsonNode profileOf(SseClient client, long userId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            SseClient.Event e = client.next("profile", Duration.ofNanos(deadline - System.nanoTime()));
            if (e == null) {
                return null;
            }
            JsonNode data = JSON.readTree(e.data());
            if (data.get("userId").asLong() == userId) {
                return data;
            }
        }
        return null;
    }

    @Test
    void shouldSendEachViewerOnlyWhatHeMaySeeOfASwitch() throws Exception {
        long group = createGroup("Europe/Berlin");
        Map<String, Object> viewer = createUser("USER", group);
        Map<String, Object> blocked = createUser("USER", group);
        Map<String, Object> external = createUser("USER", group);
        Map<String, Object> colleague = createUser("USER", group);
        relate(blocked, viewer, "BLOCKED");
        relate(external, viewer, "EXTERNAL");
        relate(colleague, viewer, "TEAM_COLLEAGUE");
        long lunch = Api.createProfile(List.of(Api.action("SET_REDIRECT", "kind", "ALWAYS", "target", "2000")),
                List.of(Api.action("UNSET_REDIRECT", "kind", "ALWAYS")));

        try (SseClient client = new SseClient(events, (String) viewer.get("username"), PASSWORD, null)) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.contentType()).startsWith("text/event-stream");
            switchTo(id(blocked), lunch).statusCode(200);
            switchTo(id(external), lunch).statusCode(200);
            switchTo(id(colleague), lunch).statusCode(200);

            JsonNode ofColleague = profileOf(client, id(colleague), WAIT);
            assertThat(ofColleague).isNotNull();
            assertThat(ofColleague.get("profileId").asLong()).isEqualTo(lunch);
            assertThat(ofColleague.get("redirects").get("ALWAYS").asText()).isEqualTo("2000");
            assertThat(ofColleague.get("source").asText()).isEqualTo("MANUAL");
            // events come in order: the blocked owner's and the external one's switches came before
            client.close();
        }
        try (SseClient again = new SseClient(events, (String) viewer.get("username"), PASSWORD, null)) {
            switchTo(id(external), 2).statusCode(200);
            switchTo(id(blocked), 2).statusCode(200);
            switchTo(id(colleague), 2).statusCode(200);
            List<Long> seen = new ArrayList<>();
            JsonNode ofExternal = null;
            for (SseClient.Event e; (e = again.next("profile", WAIT)) != null;) {
                JsonNode data = JSON.readTree(e.data());
                seen.add(data.get("userId").asLong());
                if (data.get("userId").asLong() == id(external)) {
                    ofExternal = data;
                }
                if (data.get("userId").asLong() == id(colleague)) {
                    break;
                }
            }
            assertThat(seen).contains(id(external), id(colleague)).doesNotContain(id(blocked));
            assertThat(ofExternal).isNotNull();
            List<String> fields = new ArrayList<>();
            ofExternal.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("userId", "presence", "color", "icon");
        }
    }

    @Test
    void shouldFollowARelationshipThatChangesWhileTheClientIsConnected() throws Exception {
        long group = createGroup("Europe/Berlin");
        Map<String, Object> viewer = createUser("USER", group);
        Map<String, Object> owner = createUser("USER", group);
        Map<String, Object> marker = createUser("USER", group);
        relate(owner, viewer, "BLOCKED");
        relate(marker, viewer, "EMPLOYEE");
        long lunch = Api.createProfile(List.of(), List.of());

        try (SseClient client = new SseClient(events, (String) viewer.get("username"), PASSWORD, null)) {
            // the owner's audience is worked out with the viewer BLOCKED ...
            switchTo(id(owner), lunch).statusCode(200);
            switchTo(id(marker), lunch).statusCode(200);
            assertThat(nextProfileUser(client)).isEqualTo(id(marker));
            // ... and worked out again after the change, without the viewer reconnecting
            relate(owner, viewer, "EMPLOYEE");
            switchTo(id(owner), 2).statusCode(200);
            JsonNode ofOwner = profileOf(client, id(owner), WAIT);
            assertThat(ofOwner).isNotNull();
            assertThat(ofOwner.get("profileId").asLong()).isEqualTo(2);
            relate(owner, viewer, "BLOCKED");
            switchTo(id(owner), lunch).statusCode(200);
            switchTo(id(marker), 2).statusCode(200);
            assertThat(nextProfileUser(client)).isEqualTo(id(marker));
        }
    }

    private static long nextProfileUser(SseClient client) throws Exception {
        SseClient.Event e = client.next("profile", WAIT);
        assertThat(e).isNotNull();
        return JSON.readTree(e.data()).get("userId").asLong();
    }

    @Test
    void shouldTellTheStaffOfATriggerFiringAndTheMembersOnlyOfTheirSwitch() throws Exception {
        long group = createGroup("Europe/Berlin");
        Map<String, Object> member = createUser("USER", group);
        long closedForBreak = Api.createProfile(Map.of("groupIds", List.of(group), "triggers",
                List.of(Map.of("type", "OFFICE_HOURS", "group", group, "when", "BREAK"))), List.of(), List.of());

        try (SseClient staff = new SseClient(events, Api.ADMIN, Api.ADMIN_PASSWORD, null);
                SseClient own = new SseClient(events, (String) member.get("username"), PASSWORD, null)) {
            asAdmin().body(Map.of("state", "BREAK")).put("/api/v1/groups/" + group + "/office-override").then()
                    .statusCode(200);

            SseClient.Event fired = staff.next("trigger", WAIT);
            assertThat(fired).isNotNull();
            JsonNode data = JSON.readTree(fired.data());
            assertThat(data.get("type").asText()).isEqualTo("OFFICE_HOURS");
            assertThat(data.get("edge").asText()).isEqualTo("START");
            assertThat(data.get("profileId").asLong()).isEqualTo(closedForBreak);
            assertThat(data.get("groupId").asLong()).isEqualTo(group);
            assertThat(data.get("users").asInt()).isEqualTo(1);
            assertThat(data.get("failed").asInt()).isZero();

            // the member hears of the office and of his own switch, not of the firing
            List<String> heard = new ArrayList<>();
            for (SseClient.Event e; (e = own.nextAny(WAIT)) != null;) {
                heard.add(e.name());
                if (e.name().equals("profile") && JSON.readTree(e.data()).get("userId").asLong() == id(member)) {
                    break;
                }
            }
            switchTo(id(member), 2).statusCode(200);
            for (SseClient.Event e; (e = own.nextAny(WAIT)) != null;) {
                heard.add(e.name());
                if (e.name().equals("profile") && JSON.readTree(e.data()).get("profileId").asLong() == 2) {
                    break;
                }
            }
            assertThat(heard).contains("office", "profile").doesNotContain("trigger");
        } finally {
            asAdmin().body("{\"state\":null}").put("/api/v1/groups/" + group + "/office-override").then()
                    .statusCode(200);
        }
    }

    @Test
    void shouldStreamASwitchThatAnotherNodeCommitted() throws Exception {
        Map<String, Object> user = createUser("USER");
        long lunch = Api.createProfile(List.of(), List.of());
        try (SseClient client = new SseClient(events, Api.ADMIN, Api.ADMIN_PASSWORD, null)) {
            Thread.sleep(600); // the relay has started reading
            // what another node's switch leaves in the shared database: the state, and its row in the change log
            QuarkusTransaction.requiringNew().run(() -> {
                var em = io.profilegateway.switching.UserState.getEntityManager();
                em.createNativeQuery("UPDATE user_state SET active_profile_id = ?1, active_source = 'MANUAL' "
                        + "WHERE user_id = ?2").setParameter(1, lunch).setParameter(2, id(user)).executeUpdate();
                em.createNativeQuery("INSERT INTO pbx_change (user_id, node_id, created_at) VALUES (?1, "
                        + "'another-node', CURRENT_TIMESTAMP)").setParameter(1, id(user)).executeUpdate();
            });
            JsonNode relayed = profileOf(client, id(user), WAIT);
            assertThat(relayed).as("the other node's switch, streamed here").isNotNull();
            assertThat(relayed.get("profileId").asLong()).isEqualTo(lunch);
        }
    }

    @Test
    void shouldResumeAfterTheLastEventIdAndSayResetWhenItIsNoLongerKept() throws Exception {
        Map<String, Object> user = createUser("USER");
        String name = (String) user.get("username");
        long first;
        try (SseClient client = new SseClient(events, name, PASSWORD, null)) {
            switchTo(id(user), 2).statusCode(200);
            SseClient.Event e = client.next("profile", WAIT);
            assertThat(e).isNotNull();
            first = e.id();
        }
        // missed while away: two switches
        switchTo(id(user), 1).statusCode(200);
        switchTo(id(user), 2).statusCode(200);
        try (SseClient resumed = new SseClient(events, name, PASSWORD, first)) {
            SseClient.Event a = resumed.next("profile", WAIT);
            SseClient.Event b = resumed.next("profile", WAIT);
            assertThat(a.id()).isGreaterThan(first);
            assertThat(b.id()).isGreaterThan(a.id());
            assertThat(JSON.readTree(a.data()).get("profileName").asText()).isEqualTo("Available");
            assertThat(JSON.readTree(b.data()).get("profileName").asText()).isEqualTo("DND");
        }
        try (SseClient tooOld = new SseClient(events, name, PASSWORD, 5L)) {
            assertThat(tooOld.next("reset", WAIT)).isNotNull();
        }
        asUser(user).header("Last-Event-ID", "yesterday").get("/api/v1/events").then().statusCode(400);
    }

    @Test
    void shouldSendHeartbeatsAndRefuseAStreamWithoutCredentials() throws Exception {
        Map<String, Object> user = createUser("USER");
        try (SseClient client = new SseClient(events, (String) user.get("username"), PASSWORD, null)) {
            await().atMost(WAIT).until(() -> client.comments() >= 3); // "connected", then one per second
        }
        io.restassured.RestAssured.given().get("/api/v1/events").then().statusCode(401);
    }

    @Test
    void shouldDropAClientThatDoesNotReadWithoutSlowingTheSwitches() throws Exception {
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            users.add(id(createUser("USER")));
        }
        double droppedBefore = dropped();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(1024);
            slow.connect(new InetSocketAddress(events.getHost(), events.getPort()));
            OutputStream out = slow.getOutputStream();
            out.write(("GET /api/v1/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                    + "Authorization: " + auth + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // it never reads; the admin sees every switch, so until the socket's buffers are full (some MB) his
            // events are written, then they pile up and he is dropped. Meanwhile switches are answered as ever.
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Semaphore inFlight = new Semaphore(16);
            AtomicLong slowest = new AtomicLong();
            AtomicInteger failed = new AtomicInteger();
            int sent = 0;
            for (; sent < 20_000 && dropped() == droppedBefore; sent += 200) {
                for (int k = 0; k < 200; k++) {
                    int n = sent + k;
                    inFlight.acquire();
                    long start = System.nanoTime();
                    client.sendAsync(HttpRequest.newBuilder(events.resolve("/api/v1/users/" + users.get(n % 16)
                            + "/profile")).header("Authorization", auth).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"profileId\":" + ((n / 16) % 2 + 1) + "}"))
                            .build(), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                                slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
                                if (e != null || r.statusCode() != 200) {
                                    failed.incrementAndGet();
                                }
                                inFlight.release();
                            });
                }
            }
            inFlight.acquire(16);
            assertThat(dropped()).as("the slow client was dropped after %d switches", sent)
                    .isGreaterThan(droppedBefore);
            assertThat(failed.get()).isZero();
            assertThat(Duration.ofNanos(slowest.get())).as("the slowest switch").isLessThan(Duration.ofSeconds(3));
        }
    }

    static double dropped() {
        return io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString()
                .lines().filter(l -> l.startsWith("gateway_events_clients_dropped_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
