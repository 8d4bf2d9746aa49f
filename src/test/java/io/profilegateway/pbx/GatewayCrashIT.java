package io.profilegateway.pbx;

import static io.profilegateway.pbx.PbxAssertions.assertAsteriskHolds;
import static io.profilegateway.pbx.PbxAssertions.awaitInSync;
import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createTeam;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.profilegateway.bench.GatewayProcess;
import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.pbx.simulator.AmiSimulatorConfig;
import io.profilegateway.testing.Api;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * R2: the built gateway jar is killed with SIGKILL in the middle of a switch storm and started again on the same
 * database: every user converges to his desired state in Asterisk, and every switch is in the history once.
 * Runs in {@code verify} (failsafe) because it needs the packaged jar.
 */
class GatewayCrashIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private AmiSimulator pbx;
    private GatewayProcess gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (pbx != null) {
            pbx.stop();
        }
    }

    @Test
    void r2ConvergesAfterTheGatewayIsKilledDuringASwitchStorm() throws Exception {
        pbx = new AmiSimulator(AmiSimulatorConfig.builder().user("gateway", "crash-test-secret").acceptAnyQueue()
                .authFailureDelay(Duration.ZERO).build()).start();
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        jvm.addAll(GatewayProcess.amiOptions(pbx.host() + ":" + pbx.port(), "gateway", "crash-test-secret"));
        gateway = GatewayProcess.start(JAR, Api.ADMIN_PASSWORD, jvm);
        pointRestAssuredAt(gateway);

        String team = createTeam(null);
        long working = createProfile(List.of(action("TEAM_LOGIN", "team", team),
                action("SET_REACHABILITY", "enabled", true)), List.of());
        long away = createProfile(List.of(action("TEAM_LOGOUT", "team", team),
                action("SET_REACHABILITY", "enabled", false),
                action("SET_REDIRECT", "kind", "ALWAYS", "target", "2000")),
                List.of(action("UNSET_REDIRECT", "kind", "ALWAYS")));
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(id(createUser("USER")));
        }

        Map<Long, AtomicInteger> answered = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService storm = Executors.newFixedThreadPool(4);
        for (long user : users) {
            answered.put(user, new AtomicInteger());
            storm.execute(() -> {
                for (int round = 0; round < 10 && !killed.get(); round++) {
                    try {
                        String outcome = Api.switchTo(user, round % 2 == 0 ? working : away).statusCode(200)
                                .extract().path("outcome");
                        if ("SWITCHED".equals(outcome)) {
                            answered.get(user).incrementAndGet();
                        }
                    } catch (Throwable connectionLost) {
                        return; // the gateway died under this request
                    } finally {
                        done.incrementAndGet();
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> done.get() >= 60);
        killed.set(true);
        gateway.kill();
        storm.shutdown();
        assertThat(storm.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        gateway = GatewayProcess.start(JAR, Api.ADMIN_PASSWORD, jvm, gateway.directory);
        pointRestAssuredAt(gateway);

        for (long user : users) {
            awaitInSync(user, Duration.ofSeconds(60));
            assertAsteriskHolds(pbx, user);
            long recorded = asAdmin().queryParam("size", 100).get("/api/v1/users/" + user + "/history").then()
                    .statusCode(200).extract().jsonPath().getList("items.outcome").stream()
                    .filter("SWITCHED"::equals).count();
            // the SYSTEM switch to Available at creation, every answered switch, and at most one committed
            // switch whose answer the kill swallowed; never one twice
            int answers = answered.get(user).get();
            assertThat(recorded).describedAs("history of user " + user).isBetween(answers + 1L, answers + 2L);
        }
    }

    private static void pointRestAssuredAt(GatewayProcess gateway) {
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = gateway.port();
    }
}
