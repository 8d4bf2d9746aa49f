package io.profilegateway.pbx;

import static io.profilegateway.pbx.PbxAssertions.assertAsteriskHolds;
import static io.profilegateway.pbx.PbxAssertions.awaitInSync;
import static io.profilegateway.pbx.PbxAssertions.pbxState;
import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createTeam;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.profilegateway.pbx.simulator.AmiFaults;
import io.profilegateway.pbx.simulator.AmiSimulator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asterisk refusing actions, dropping the link and restarting: the gateway reports it and converges again. */
@QuarkusTest
class PbxFaultsTest {

    @Inject
    SimulatorLauncher launcher;

    AmiSimulator pbx;

    @BeforeEach
    void ready() {
        pbx = PbxAssertions.readySimulator(launcher);
    }

    @AfterEach
    void clearFaults() {
        pbx.faults().clear();
    }

    @Test
    void aRefusedActionShowsInPbxStateAndIsRetriedUntilItSucceeds() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String ext = (String) user.get("extension");
        long forward = createProfile(List.of(action("SET_REDIRECT", "kind", "ALWAYS", "target", "2000")), List.of());
        AmiFaults.Fault fault = pbx.faults().failWhen(m -> "DBPut".equalsIgnoreCase(m.get("Action"))
                && "CF".equals(m.get("Family")) && ext.equals(m.get("Key")), "Failed to update entry");

        switchTo(userId, forward).statusCode(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var state = pbxState(userId);
            assertThat(state.getBoolean("inSync")).isFalse();
            assertThat(state.getString("reason")).contains("DBPut").contains("Failed to update entry");
        });
        long triesBefore = pbx.actionsReceived("DBPut");
        await().atMost(Duration.ofSeconds(20)).until(() -> pbx.actionsReceived("DBPut") > triesBefore);
        assertThat(asAdmin().get("/q/metrics").asString())
                .containsPattern("gateway_ami_actions_total\\{[^}]*result=\"failed\"[^}]*} [1-9]");

        fault.cancel();
        awaitInSync(userId, Duration.ofSeconds(20));
        assertThat(pbx.pbx().astDb()).containsEntry("/CF/" + ext, "2000");
        assertThat(pbxState(userId).getString("reason")).isNull();
    }

    /**
     * R1: during a switch storm Asterisk restarts (links dropped, queue members lost): afterwards every user's PBX
     * state equals the desired state, no queue member is there twice, and every switch is in the history once.
     */
    @Test
    void r1ConvergesAfterAsteriskRestartsDuringASwitchStorm() throws Exception {
        String teamA = createTeam(null);
        String teamB = createTeam(null);
        long working = createProfile(List.of(action("TEAM_LOGIN", "team", teamA, "penalty", 2),
                action("TEAM_LOGIN", "team", teamB), action("UNSET_REDIRECT", "kind", "ALWAYS")), List.of());
        long lunch = createProfile(List.of(action("SET_REACHABILITY", "enabled", false),
                action("TEAM_PAUSE", "reason", "lunch"),
                action("SET_REDIRECT", "kind", "ALWAYS", "target", "2000")),
                List.of(action("TEAM_UNPAUSE"), action("SET_REACHABILITY", "enabled", true)));
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            users.add(id(createUser("USER")));
        }
        Map<Long, AtomicInteger> switched = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        int rounds = 6;
        ExecutorService storm = Executors.newFixedThreadPool(4);
        for (long user : users) {
            storm.execute(() -> {
                for (int round = 0; round < rounds; round++) {
                    long target = round % 2 == 0 ? working : lunch;
                    String outcome = switchTo(user, target).statusCode(200).extract().path("outcome");
                    if ("SWITCHED".equals(outcome)) {
                        switched.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet();
                    }
                    done.incrementAndGet();
                }
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> done.get() >= users.size() * rounds / 3);
        pbx.restart(Duration.ofMillis(500));
        storm.shutdown();
        assertThat(storm.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

        for (long user : users) {
            awaitInSync(user, Duration.ofSeconds(60));
        }
        for (long user : users) {
            assertAsteriskHolds(pbx, user);
            int switches = switched.get(user).get();
            List<Map<String, Object>> history = asAdmin().queryParam("size", 100)
                    .get("/api/v1/users/" + user + "/history").then().statusCode(200).extract().jsonPath()
                    .getList("items");
            // the storm's switches plus the SYSTEM switch that gave the new user Available
            assertThat(history.stream().filter(h -> "SWITCHED".equals(h.get("outcome"))).count())
                    .describedAs("history of user " + user).isEqualTo(switches + 1L);
        }
    }
}
