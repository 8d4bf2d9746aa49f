package io.profilegateway.ops;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, quiet logs: the built jar, at the shipped log level (INFO), started against the AMI simulator, given a
 * switch storm of a few hundred switches over the REST API and stopped, writes no WARN or ERROR line and no stack
 * trace. The allow-list is empty: every line a normal run writes at WARN or above is either fixed or an actual fault.
 */
class QuietLogIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final int USERS = 40;
    private static final int SWITCHES = 400;
    /** Quarkus' console format: date, time, level, then the category. */
    private static final Pattern WARN_OR_ERROR = Pattern.compile("^\\S+ \\S+ (WARN|ERROR|FATAL)\\b.*");
    /** A stack trace's lines ("\tat …", "Caused by: …"), which a clean log never has. */
    private static final Pattern STACK_TRACE = Pattern.compile("^(\\s+at |Caused by: |\\s+\\.\\.\\. \\d+ more).*");

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
    void aStartAndASwitchStormLogNothingAtWarnOrAbove() throws Exception {
        pbx = new AmiSimulator(AmiSimulatorConfig.builder().user("gateway", "quiet-log-secret").acceptAnyQueue()
                .authFailureDelay(Duration.ZERO).build()).start();
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        jvm.addAll(GatewayProcess.amiOptions(pbx.host() + ":" + pbx.port(), "gateway", "quiet-log-secret"));
        gateway = GatewayProcess.start(JAR, Api.ADMIN_PASSWORD, jvm, Files.createTempDirectory("quiet-log"),
                Map.of("QUARKUS_LOG_LEVEL", "INFO"));
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = gateway.port();

        String team = createTeam(null);
        long working = createProfile(List.of(action("TEAM_LOGIN", "team", team),
                action("SET_REACHABILITY", "enabled", true)), List.of());
        long paused = createProfile(List.of(action("TEAM_PAUSE", "team", team, "reason", "lunch"),
                action("SET_REDIRECT", "kind", "BUSY", "target", "2000")),
                List.of(action("TEAM_UNPAUSE", "team", team), action("UNSET_REDIRECT", "kind", "BUSY")));
        long away = createProfile(List.of(action("TEAM_LOGOUT", "team", team),
                action("SET_REACHABILITY", "enabled", false),
                action("SET_REDIRECT", "kind", "ALWAYS", "target", "2000")),
                List.of(action("UNSET_REDIRECT", "kind", "ALWAYS")));
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(id(createUser("USER")));
        }
        long[] cycle = {working, paused, away};

        AtomicInteger switched = new AtomicInteger();
        ExecutorService storm = Executors.newFixedThreadPool(8);
        for (int i = 0; i < SWITCHES; i++) {
            long user = users.get(i % USERS);
            long profile = cycle[(i / USERS) % cycle.length];
            storm.execute(() -> {
                Api.switchTo(user, profile).statusCode(200);
                switched.incrementAndGet();
            });
        }
        storm.shutdown();
        assertThat(storm.awaitTermination(180, TimeUnit.SECONDS)).isTrue();
        assertThat(switched).hasValue(SWITCHES);
        for (long user : users) {
            await().atMost(Duration.ofSeconds(60)).until(() -> asAdmin().get("/api/v1/users/" + user + "/pbx-state")
                    .then().statusCode(200).extract().<Boolean>path("inSync"));
        }
        asAdmin().get("/q/metrics").then().statusCode(200);

        gateway.close();
        List<String> log = Files.readAllLines(gateway.log());
        gateway = null;
        assertThat(log).as("the gateway's log").anyMatch(line -> line.contains("Profile Gateway")
                || line.contains("profile-gateway"));
        List<String> loud = log.stream().filter(line -> WARN_OR_ERROR.matcher(line).matches()
                || STACK_TRACE.matcher(line).matches()).toList();
        assertThat(loud).as("WARN/ERROR lines and stack traces of a start, %d switches and a stop", SWITCHES)
                .isEmpty();
    }
}
