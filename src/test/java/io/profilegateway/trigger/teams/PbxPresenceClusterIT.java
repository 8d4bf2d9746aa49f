package io.profilegateway.trigger.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.extension;
import static io.profilegateway.testing.Api.switchTo;
import static io.profilegateway.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.profilegateway.bench.GatewayProcess;
import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.pbx.simulator.AmiSimulatorConfig;
import io.profilegateway.pbx.simulator.DeviceState;
import io.profilegateway.profile.Profile;
import io.profilegateway.testing.Api;
import io.profilegateway.testing.GatewayNodes;
import io.profilegateway.testing.PostgresTestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Teams presence from the PBX in a cluster: two gateway jars (the PostgreSQL build) with publishing on, one AMI
 * simulator, WireMock as Graph. Only the node holding the AMI link lease writes: a DND profile switched on the other
 * node gives one DoNotDisturb and one clear, a call exactly one setPresence;
 * the holder killed with SIGKILL, the survivor takes the link over, sets the running call again from the reconnect's
 * device-state list and clears it once when the call ends.
 */
class PbxPresenceClusterIT {

    private static final Path JAR = Path.of("target/postgresql-app/quarkus-run.jar");
    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PostgresTestDatabase postgres = new PostgresTestDatabase();
    private final GraphWireMock graph = new GraphWireMock();
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
    void onlyTheLinkHolderWritesAndTheSurvivorClearsTheCallItTookOver() throws Exception {
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        datasource = postgres.startPostgres();
        Map<String, String> graphConfig = graph.start();
        pbx = new AmiSimulator(AmiSimulatorConfig.builder().user("gateway", "cluster-secret").acceptAnyQueue()
                .authFailureDelay(Duration.ZERO).build()).start();
        for (String node : List.of("node-a", "node-b")) { // one after the other: the first creates the schema
            nodes.add(node, GatewayProcess.start(JAR, Api.ADMIN_PASSWORD, options(node, graphConfig)));
        }
        String holder = await().atMost(WAIT).until(this::linkHolder, Optional::isPresent).orElseThrow();
        String other = holder.equals("node-a") ? "node-b" : "node-a";
        nodes.use(other); // the user is created on the node that does not hold the link

        TeamsFixture teams = new TeamsFixture();
        String entraId = UUID.randomUUID().toString();
        String device = "PJSIP/" + unique("cl");
        user(teams.group, entraId, device);

        // a DND profile, switched on the node without the link: one DoNotDisturb, one clear (each node's roster holds
        // the user; only the holder writes)
        long dnd = createProfile(Map.of("groupIds", List.of(teams.group), "presence", "dnd"), List.of(), List.of());
        String dndEntraId = UUID.randomUUID().toString();
        long dndUser = user(teams.group, dndEntraId, "PJSIP/" + unique("cl"));
        Thread.sleep(3_000); // both rosters (every second) hold him
        switchTo(dndUser, dnd).statusCode(200);
        await().atMost(WAIT).until(() -> count(dndEntraId, "setPresence") > 0);
        Thread.sleep(3_000);
        assertThat(count(dndEntraId, "setPresence")).describedAs("DoNotDisturb writes").isEqualTo(1);
        switchTo(dndUser, Profile.AVAILABLE_ID).statusCode(200);
        await().atMost(WAIT).until(() -> count(dndEntraId, "clearPresence") > 0);
        Thread.sleep(2_000);
        assertThat(count(dndEntraId, "clearPresence")).describedAs("clears of the DND session").isEqualTo(1);

        // a call: exactly one setPresence, though both nodes know the user
        await().atMost(WAIT).pollDelay(Duration.ofMillis(500)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (count(entraId, "setPresence") == 0) { // the call again until the holder's roster has him
                pbx.phone().setDeviceState(device, DeviceState.NOT_INUSE);
                pbx.phone().setDeviceState(device, DeviceState.INUSE);
            }
            return count(entraId, "setPresence") > 0;
        });
        Thread.sleep(3_000); // the other node's roster refreshes every second: a write of its own would be here now
        assertThat(count(entraId, "setPresence")).describedAs("setPresence while %s holds the link", holder)
                .isEqualTo(1);
        assertThat(count(entraId, "clearPresence")).isZero();

        // the holder killed during the call: the survivor takes the link and the call over
        nodes.get(holder).kill();
        await().atMost(LEASE.multipliedBy(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> linkHolder().filter(other::equals).isPresent());
        await().atMost(WAIT).until(() -> count(entraId, "setPresence") == 2); // set again from DeviceStateList
        assertThat(count(entraId, "clearPresence")).isZero();

        pbx.phone().setDeviceState(device, DeviceState.NOT_INUSE);
        await().atMost(WAIT).until(() -> count(entraId, "clearPresence") == 1);
        Thread.sleep(2_000);
        assertThat(count(entraId, "clearPresence")).describedAs("clearPresence by the survivor").isEqualTo(1);
        assertThat(count(entraId, "setPresence")).isEqualTo(2);
    }

    private static long user(long group, String entraId, String device) {
        return asAdmin().body(Map.of("extension", extension(), "displayName", unique("cluster"), "role", "USER",
                "primaryGroupId", group, "devices", List.of(device), "entraObjectId", entraId))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Presence writes of this Entra id, plain or inside a $batch. */
    private static long count(String entraId, String op) {
        long n = 0;
        for (LoggedRequest r : GraphWireMock.server().findAll(postRequestedFor(
                urlPathMatching("/v1\\.0/(users/.*|\\$batch)")))) {
            try {
                if (r.getUrl().endsWith("/$batch")) {
                    for (JsonNode req : JSON.readTree(r.getBodyAsString()).path("requests")) {
                        String url = req.path("url").asText();
                        n += url.contains(entraId) && url.endsWith("/" + op) ? 1 : 0;
                    }
                } else if (r.getUrl().contains(entraId) && r.getUrl().endsWith("/" + op)) {
                    n++;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return n;
    }

    private Optional<String> linkHolder() {
        return GatewayNodes.linkHolder(datasource, "main");
    }

    private List<String> options(String node, Map<String, String> graphConfig) {
        Map<String, String> config = new LinkedHashMap<>(graphConfig);
        config.keySet().removeIf(k -> k.startsWith("graph-test.") || k.startsWith("gateway.graph.subscriptions.")
                || k.startsWith("quarkus.datasource."));
        config.putAll(datasource);
        config.put("gateway.ami.cluster.node-id", node);
        config.put("gateway.ami.cluster.lease-duration", LEASE.toSeconds() + "s");
        config.put("quarkus.quartz.instance-id", node);
        config.put("gateway.graph.node-id", node);
        config.put("gateway.graph.lease-duration", "10s");
        config.put("gateway.graph.publish.enabled", "true");
        config.put("gateway.graph.publish.roster-refresh", "1s");
        config.put("quarkus.log.category.\"io.profilegateway\".level", "INFO");
        // the jar's token client is the JDK's: it trusts the default trust store, here WireMock's certificate only
        config.put("javax.net.ssl.trustStore", graphConfig.get("graph-test.truststore"));
        config.put("javax.net.ssl.trustStorePassword", graphConfig.get("graph-test.truststore-password"));
        config.put("javax.net.ssl.trustStoreType", "PKCS12");
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
        graph.stop();
        postgres.stop();
    }
}
