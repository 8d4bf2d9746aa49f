package io.profilegateway.pbx;

import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.profilegateway.bench.GatewayProcess;
import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.pbx.simulator.AmiSimulatorConfig;
import io.profilegateway.testing.Api;
import io.profilegateway.testing.GatewayNodes;
import io.profilegateway.testing.PostgresTestDatabase;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The active-active PBX layer: two gateway jars (the PostgreSQL build, {@code target/postgresql-app}) on one private
 * PostgreSQL and one AMI simulator. One node holds the AMI link (lease per server); switches sent to either node all
 * reach Asterisk; a {@code *55} UserEvent is handled once; pbx-state agrees on both nodes; the holder killed with
 * SIGKILL, the other takes the link over within the lease time and keeps applying.
 */
class PbxClusterIT {

    private static final java.nio.file.Path JAR = java.nio.file.Path.of("target/postgresql-app/quarkus-run.jar");
    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final int USERS = 16;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final PostgresTestDatabase postgres = new PostgresTestDatabase();
    private final GatewayNodes nodes = new GatewayNodes();
    private final Thread cleanupOnExit = new Thread(this::stopAll);
    private Map<String, String> datasource;
    private AmiSimulator pbx;

    @AfterEach
    void stop() {
        stopAll();
        Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
    }

    @Test
    void oneNodeDrivesAsteriskForBothAndTheSurvivorTakesTheLinkOver() throws Exception {
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        datasource = postgres.startPostgres();
        pbx = new AmiSimulator(AmiSimulatorConfig.builder().user("gateway", "cluster-secret").acceptAnyQueue()
                .authFailureDelay(Duration.ZERO).build()).start();
        for (String node : List.of("node-a", "node-b")) { // one after the other: the first creates the schema
            nodes.add(node, GatewayProcess.start(JAR, Api.ADMIN_PASSWORD, options(node)));
        }
        String holder = linkHolder().orElseThrow();
        String other = holder.equals("node-a") ? "node-b" : "node-a";
        assertThat(readiness(other)).describedAs("the other node is ready, in standby")
                .contains("standby: node " + holder + " holds the AMI link");
        assertThat(pbx.loggedInSessionCount()).describedAs("AMI sessions: the holder's only").isEqualTo(1);

        // users, and a profile whose redirect target is given at switch time: every switch writes its own value
        nodes.use(holder);
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(createUser("USER"));
        }
        long away = createProfile(List.of(action("SET_REDIRECT", "kind", "ALWAYS", "target", "ask")),
                List.of(action("UNSET_REDIRECT", "kind", "ALWAYS")));

        // a live event stream on each node: every switch reaches both, whichever node committed it
        Map<String, Set<Long>> streamed = new LinkedHashMap<>();
        for (String node : nodes.names()) {
            streamed.put(node, stream(node));
        }

        // switches sent to both nodes, one after the other, each timed until Asterisk holds it
        Map<String, List<Long>> millis = new LinkedHashMap<>(Map.of(holder, new ArrayList<>(), other, new ArrayList<>()));
        for (int i = 0; i < USERS; i++) {
            String node = i % 2 == 0 ? other : holder;
            String target = "+4930" + (7000 + i);
            millis.get(node).add(switchAndTime(node, users.get(i), away, target));
        }
        System.out.printf("PBX cluster: commit -> Asterisk holds it, by the link holder's own switches %s ms, by the"
                + " other node's %s ms%n", millis.get(holder), millis.get(other));
        List<Long> userIds = users.stream().map(Api::id).toList();
        for (String node : nodes.names()) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(streamed.get(node))
                    .describedAs("users whose switch %s streamed", node).containsAll(userIds));
        }
        for (Map<String, Object> user : users) {
            for (String node : nodes.names()) {
                awaitInSyncOn(node, id(user));
            }
        }
        assertThat(versionsOn(holder, users)).describedAs("pbx-state agrees on both nodes")
                .isEqualTo(versionsOn(other, users));

        // a *55 UserEvent: handled by the link holder only, one history row each
        for (Map<String, Object> user : users.subList(0, 4)) {
            pbx.phone().userEvent("ProfileSwitch", Map.of("Extension", (String) user.get("extension"), "Profile", "2"));
        }
        for (Map<String, Object> user : users.subList(0, 4)) {
            await().atMost(WAIT).until(() -> dialplanRows(id(user)) >= 1);
        }
        Thread.sleep(2_000); // a second node handling the event would have written its row by now
        for (Map<String, Object> user : users.subList(0, 4)) {
            assertThat(dialplanRows(id(user))).describedAs("DIALPLAN rows of user " + id(user)).isEqualTo(1);
        }

        // the holder killed: the other takes the link over within the lease time and keeps applying
        long killedAt = System.nanoTime();
        nodes.get(holder).kill();
        await().atMost(LEASE.multipliedBy(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> linkHolder().filter(other::equals).isPresent());
        long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
        await().atMost(WAIT).until(() -> log(other).contains("holds the AMI link now (taken over from node " + holder));
        System.out.printf("PBX cluster: %s killed, %s held the link after %d ms (lease %d s)%n", holder, other,
                takeoverMillis, LEASE.toSeconds());
        assertThat(takeoverMillis).describedAs("takeover within the lease time and one renewal")
                .isLessThanOrEqualTo(LEASE.plus(LEASE.dividedBy(3)).plusSeconds(2).toMillis());
        nodes.use(other);
        await().atMost(WAIT).until(() -> readiness(other).contains("connected, reconciled"));
        for (int i = 0; i < USERS; i++) {
            String target = "+4931" + (7000 + i);
            switchAndTime(other, users.get(i), i < 4 ? away : 1, i < 4 ? target : null);
            if (i >= 4) {
                String ext = (String) users.get(i).get("extension");
                await().atMost(WAIT).until(() -> !pbx.pbx().astDb().containsKey("/CF/" + ext));
            }
        }
        for (Map<String, Object> user : users) {
            awaitInSyncOn(other, id(user));
        }
    }

    /** Reads the node's event stream (as the admin) in the background: the users of its profile events (not of
     * pbx-sync, which only the link holder sends). */
    private Set<Long> stream(String node) {
        Set<Long> users = ConcurrentHashMap.newKeySet();
        String auth = Base64.getEncoder().encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes());
        HttpRequest request = HttpRequest.newBuilder(URI.create(nodes.get(node).baseUrl + "/api/v1/events"))
                .header("Authorization", "Basic " + auth).build();
        Pattern userId = Pattern.compile("\"userId\":(\\d+)");
        String[] event = {""};
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6).trim();
                    }
                    Matcher m = userId.matcher(line);
                    if (line.startsWith("data:") && event[0].equals("profile") && m.find()) {
                        users.add(Long.parseLong(m.group(1)));
                    }
                }));
        return users;
    }

    /** Switches on {@code node} and returns the milliseconds from its answer until the simulator holds the redirect. */
    private long switchAndTime(String node, Map<String, Object> user, long profile, String target) {
        String ext = (String) user.get("extension");
        Map<String, Object> body = target == null ? Map.of("profileId", profile)
                : Map.of("profileId", profile, "parameters", Map.of("redirectTarget", target));
        asAdmin().baseUri(nodes.get(node).baseUrl).body(body).put("/api/v1/users/" + id(user) + "/profile").then()
                .statusCode(200);
        if (target == null) {
            return -1;
        }
        long answered = System.nanoTime();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(2))
                .until(() -> target.equals(pbx.pbx().astDb().get("/CF/" + ext)));
        return (System.nanoTime() - answered) / 1_000_000;
    }

    private void awaitInSyncOn(String node, long userId) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                pbxState(node, userId).getMap("")).describedAs("pbx-state of user " + userId + " on " + node)
                .containsEntry("inSync", true));
    }

    private Map<Long, List<Object>> versionsOn(String node, List<Map<String, Object>> users) {
        Map<Long, List<Object>> versions = new LinkedHashMap<>();
        for (Map<String, Object> user : users) {
            JsonPath state = pbxState(node, id(user));
            versions.put(id(user), List.of(state.getLong("desired.version"), state.getLong("appliedVersion"),
                    state.getBoolean("inSync"), state.getString("node")));
        }
        return versions;
    }

    private JsonPath pbxState(String node, long userId) {
        return asAdmin().baseUri(nodes.get(node).baseUrl).get("/api/v1/users/" + userId + "/pbx-state").then()
                .statusCode(200).extract().jsonPath();
    }

    private long dialplanRows(long userId) {
        List<String> sources = asAdmin().get("/api/v1/users/" + userId + "/history?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.source");
        return sources.stream().filter("DIALPLAN"::equals).count();
    }

    private String readiness(String node) {
        return RestAssured.given().baseUri(nodes.get(node).baseUrl).get("/q/health/ready").then().extract().asString();
    }

    private String log(String node) throws IOException {
        return Files.readString(nodes.get(node).log());
    }

    private Optional<String> linkHolder() {
        return GatewayNodes.linkHolder(datasource, "main");
    }

    private List<String> options(String node) {
        Map<String, String> config = new LinkedHashMap<>(datasource);
        config.put("gateway.ami.cluster.node-id", node);
        config.put("gateway.ami.cluster.lease-duration", LEASE.toSeconds() + "s");
        config.put("quarkus.quartz.instance-id", node);
        config.put("quarkus.log.category.\"io.profilegateway.pbx\".level", "INFO");
        List<String> options = new ArrayList<>(List.of("-Xmx384m"));
        config.forEach((key, value) -> options.add("-D" + key + "=" + value));
        options.addAll(GatewayProcess.amiOptions(pbx.host() + ":" + pbx.port(), "gateway", "cluster-secret"));
        return options;
    }


    private void stopAll() {
        nodes.killAll();
        if (pbx != null) {
            pbx.stop();
        }
        postgres.stop();
    }
}
