package io.profilegateway.trigger.teams;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.extension;
import static io.profilegateway.testing.Api.switchTo;
import static io.profilegateway.trigger.teams.TeamsFixture.active;
import static io.profilegateway.trigger.teams.TeamsFixture.activeProfile;
import static io.profilegateway.trigger.teams.TeamsFixture.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.profilegateway.directory.group.Group;
import io.profilegateway.directory.user.User;
import io.profilegateway.profile.Profile;
import io.profilegateway.switching.SwitchEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Teams meetings switch profiles: Graph (WireMock) reports activities, the poller switches. */
@QuarkusTest
@TestProfile(TeamsTestProfile.class)
class TeamsMeetingTest {

    private static final Duration HOLD_DOWN = Duration.ofSeconds(5);

    /** Generous: the shared 2-core machine is sometimes very slow; a pass takes a fraction of it. */
    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    SwitchEngine engine;

    @org.junit.jupiter.api.BeforeEach
    void pollingRuns() {
        GraphFaultsTest.awaitPolling();
    }

    private final FakeGraph graph = GraphWireMock.fake();

    @Test
    void shouldSwitchToTheMeetingProfileWhenAMeetingStartsAndBackWhenItEnds() {
        TeamsFixture f = new TeamsFixture();
        long meeting = f.teamsProfile(null);
        long before = f.plainProfile();
        TeamsFixture.User user = f.user();
        switchTo(user.id(), before).statusCode(200);

        graph.setActivity(user.entraId(), "InAMeeting");

        await().atMost(WAIT).until(() -> activeProfile(user.id()) == meeting);
        assertThat(active(user.id()).getString("source")).isEqualTo("TEAMS");
        Map<String, Object> start = history(user.id()).get(0);
        assertThat(start).containsEntry("source", "TEAMS").containsEntry("actor", "teams")
                .containsEntry("outcome", "SWITCHED").containsEntry("toProfileId", (int) meeting);

        graph.setActivity(user.entraId(), "Available");

        await().atMost(WAIT).until(() -> activeProfile(user.id()) == before);
        Map<String, Object> end = history(user.id()).get(0);
        assertThat(end).containsEntry("source", "TEAMS").containsEntry("fromProfileId", (int) meeting)
                .containsEntry("toProfileId", (int) before);
    }

    @Test
    void shouldLeaveAManualSwitchDuringTheMeetingStanding() {
        TeamsFixture f = new TeamsFixture();
        long meeting = f.teamsProfile(null);
        long chosen = f.plainProfile();
        TeamsFixture.User user = f.user();
        graph.setActivity(user.entraId(), "InACall");
        await().atMost(WAIT).until(() -> activeProfile(user.id()) == meeting);

        switchTo(user.id(), chosen).statusCode(200);
        graph.setActivity(user.entraId(), "Available");

        await().atMost(WAIT).until(() -> tracked(user.id()) == null); // the end is decided
        pollsPass(Duration.ofMillis(500));

        assertThat(activeProfile(user.id())).isEqualTo(chosen);
        assertThat(history(user.id()).get(0)).containsEntry("toProfileId", (int) chosen)
                .containsEntry("source", "MANUAL");
    }

    @Test
    void shouldNotSwitchAUserAwayFromAStickyProfile() {
        TeamsFixture f = new TeamsFixture();
        long meeting = f.teamsProfile(null);
        long sticky = io.profilegateway.testing.Api.createProfile(Map.of("groupIds", List.of(f.group), "sticky", true),
                List.of(), List.of());
        TeamsFixture.User user = f.user();
        switchTo(user.id(), sticky).statusCode(200);

        graph.setActivity(user.entraId(), "InAMeeting");

        await().atMost(WAIT).until(() -> "SKIPPED_STICKY".equals(history(user.id()).get(0).get("outcome")));
        assertThat(history(user.id()).get(0)).containsEntry("source", "TEAMS")
                .containsEntry("toProfileId", (int) meeting);
        assertThat(activeProfile(user.id())).isEqualTo(sticky);

        graph.setActivity(user.entraId(), "Available");
        await().atMost(WAIT).until(() -> tracked(user.id()) == null); // the end is decided
        pollsPass(Duration.ofMillis(500));
        assertThat(activeProfile(user.id())).isEqualTo(sticky);
        assertThat(active(user.id()).getString("source")).isEqualTo("MANUAL");
    }

    @Test
    void shouldIgnoreOfflineAndPresenceUnknown() {
        TeamsFixture f = new TeamsFixture();
        long meeting = f.teamsProfile(null);
        TeamsFixture.User user = f.user();

        graph.setActivity(user.entraId(), "Offline");
        pollsPass(Duration.ZERO);
        assertThat(activeProfile(user.id())).isEqualTo(Profile.AVAILABLE_ID);

        graph.setActivity(user.entraId(), "InAConferenceCall");
        await().atMost(WAIT).until(() -> activeProfile(user.id()) == meeting);
        graph.setActivity(user.entraId(), "Offline");
        pollsPass(HOLD_DOWN);
        graph.setActivity(user.entraId(), "PresenceUnknown");
        pollsPass(Duration.ZERO);
        assertThat(activeProfile(user.id())).isEqualTo(meeting);

        graph.setActivity(user.entraId(), "Away");
        await().atMost(WAIT).until(() -> activeProfile(user.id()) == Profile.AVAILABLE_ID);
    }

    @Test
    void shouldSwitchOnceWhenTheActivityFlapsWithinTheHoldDown() {
        TeamsFixture f = new TeamsFixture();
        long meeting = f.teamsProfile(null);
        TeamsFixture.User user = f.user();
        graph.setActivity(user.entraId(), "InACall");
        await().atMost(WAIT).until(() -> activeProfile(user.id()) == meeting);

        graph.setActivity(user.entraId(), "Available"); // the call ends ...
        int before = GraphWireMock.presenceRequests().size();
        await().atMost(WAIT).until(() -> GraphWireMock.presenceRequests().stream().skip(before)
                .anyMatch(r -> r.getBodyAsString().contains(user.entraId())));
        java.time.Instant flapSeen = java.time.Instant.now();
        graph.setActivity(user.entraId(), "InAMeeting"); // ... and the meeting goes on at once
        pollsPass(HOLD_DOWN.plusMillis(500));

        assertThat(activeProfile(user.id())).isEqualTo(meeting);
        List<Map<String, Object>> teams = history(user.id()).stream().filter(h -> "TEAMS".equals(h.get("source")))
                .toList();
        java.time.Instant started = java.time.Instant.parse((String) teams.get(teams.size() - 1).get("at"));
        // the flap must have been seen inside the hold-down, else this machine was too slow to test it
        org.junit.jupiter.api.Assumptions.assumeTrue(flapSeen.isBefore(started.plus(HOLD_DOWN)),
                "the Available was seen only after the hold-down");
        assertThat(teams).as("TEAMS switches: the start only, the flap within the hold-down switched nothing")
                .singleElement().satisfies(h -> assertThat(h).containsEntry("toProfileId", (int) meeting)
                        .containsEntry("outcome", "SWITCHED"));
    }

    @Test
    void shouldUseTheActivitiesTheTriggerNames() {
        TeamsFixture f = new TeamsFixture();
        long presenting = f.teamsProfile(List.of("Presenting"));
        TeamsFixture.User user = f.user();

        graph.setActivity(user.entraId(), "InAMeeting");
        pollsPass(Duration.ZERO);
        assertThat(activeProfile(user.id())).isEqualTo(Profile.AVAILABLE_ID);

        graph.setActivity(user.entraId(), "Presenting");
        await().atMost(WAIT).until(() -> activeProfile(user.id()) == presenting);
    }

    @Test
    void shouldMatchUsersByEmailAndStoreTheirEntraIds() {
        TeamsFixture f = new TeamsFixture();
        long meeting = f.teamsProfile(null);
        String email = "anna." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String entraId = UUID.randomUUID().toString();
        graph.addDirectoryUser(email, entraId);
        long user = f.userWithEmail(email);

        await().atMost(WAIT).until(() -> entraId.equals(
                asAdmin().get("/api/v1/users/" + user).then().statusCode(200).extract().path("entraObjectId")));

        graph.setActivity(entraId, "InAMeeting");
        await().atMost(WAIT).until(() -> activeProfile(user) == meeting);
    }

    @Test
    void shouldReadAtMost650IdsPerRequest() {
        TeamsFixture f = new TeamsFixture();
        long meeting = f.teamsProfile(null);
        List<Long> ids = new ArrayList<>();
        List<String> entraIds = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            Group group = Group.findById(f.group);
            for (int i = 0; i < 700; i++) {
                User u = new User();
                u.extension = extension();
                u.displayName = "bulk " + i;
                u.primaryGroup = group;
                u.entraObjectId = UUID.randomUUID().toString();
                u.devices.add("PJSIP/bulk" + u.extension);
                u.persist();
                engine.start(u, "test");
                ids.add(u.id);
                entraIds.add(u.entraObjectId);
            }
        });
        int seen = graph.batchSizes().size();
        graph.setActivity(entraIds.get(699), "InAMeeting");
        graph.setActivity(entraIds.get(0), "InAMeeting");

        await().atMost(WAIT).until(() -> activeProfile(ids.get(699)) == meeting
                && activeProfile(ids.get(0)) == meeting);
        List<Integer> sizes = graph.batchSizes().subList(seen, graph.batchSizes().size());
        assertThat(sizes).allMatch(size -> size <= 650).contains(650);
    }

    private Long tracked(long userId) {
        return io.quarkus.arc.Arc.container().instance(PresencePoller.class).get().tracker().meetingProfile(userId)
                .orElse(null);
    }

    /** Waits until Graph has been asked at least three more times and {@code atLeast} has passed. */
    static void pollsPass(Duration atLeast) {
        long start = System.nanoTime();
        int before = GraphWireMock.presenceRequests().size();
        await().atMost(WAIT).until(() -> GraphWireMock.presenceRequests().size() >= before + 3
                && System.nanoTime() - start >= atLeast.toNanos());
    }
}
