package io.profilegateway.trigger;

import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.createGroup;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.trigger.teams.TeamsFixture.activeProfile;
import static io.profilegateway.trigger.teams.TeamsFixture.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.profilegateway.bench.GatewayProcess;
import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.pbx.simulator.AmiSimulatorConfig;
import io.profilegateway.testing.Api;
import io.profilegateway.testing.GatewayNodes;
import io.profilegateway.testing.PostgresTestDatabase;
import io.profilegateway.trigger.teams.GraphWireMock;
import io.profilegateway.trigger.teams.PollLease;
import io.profilegateway.trigger.teams.TeamsFixture;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * R4: two gateway jars (the PostgreSQL build, {@code target/postgresql-app}) on one private PostgreSQL, one killed
 * with SIGKILL: a TIME trigger fires exactly once per user (its start on one node, its end on the survivor, which
 * recovers the dead node's Quartz work), and the survivor takes over the dead node's Teams poll leases and switches
 * its users. Graph and Entra ID are WireMock ({@link GraphWireMock}), Asterisk is the AMI simulator.
 */
class ClusterIT {

    private static final Path JAR = Path.of("target/postgresql-app/quarkus-run.jar");
    private static final List<String> NODES = List.of("node-a", "node-b");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final int TIME_USERS = 20;
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final PostgresTestDatabase postgres = new PostgresTestDatabase();
    private final GraphWireMock graph = new GraphWireMock();
    private final GatewayNodes nodes = new GatewayNodes();
    private final Thread cleanupOnExit = new Thread(this::stopAll);
    private AmiSimulator pbx;
    private ClusterDatabase db;

    @AfterEach
    void stop() {
        stopAll();
        Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
    }

    @Test
    void r4TimeTriggersFireOnceAndTheSurvivorTakesOverPollingAndTriggers() throws Exception {
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        Map<String, String> datasource = postgres.startPostgres();
        db = new ClusterDatabase(datasource);
        Map<String, String> graphConfig = graph.start();
        pbx = new AmiSimulator(AmiSimulatorConfig.builder().user("gateway", "cluster-secret").acceptAnyQueue()
                .authFailureDelay(Duration.ZERO).build()).start();
        for (String node : NODES) { // one after the other: the first creates the schema and the admin
            nodes.add(node, GatewayProcess.start(JAR, Api.ADMIN_PASSWORD, options(node, datasource, graphConfig)));
        }
        nodes.use("node-a");

        // the users of the TIME trigger, each in the profile he was created with
        long timeGroup = createGroup("UTC");
        List<Long> users = new ArrayList<>();
        Map<Long, Long> before = new HashMap<>();
        for (int i = 0; i < TIME_USERS; i++) {
            long user = id(createUser("USER", timeGroup));
            users.add(user);
            before.put(user, activeProfile(user));
        }

        // Teams: the nodes split the poll leases, and each switches a user of its own shards
        TeamsFixture teams = new TeamsFixture();
        long meeting = teams.teamsProfile(null);
        Map<String, Set<Integer>> shards = await().atMost(WAIT).until(db::leases, held -> held.keySet()
                .equals(Set.copyOf(NODES)) && held.values().stream().allMatch(s -> s.size() == PollLease.SHARDS / 2));
        Map<String, List<TeamsFixture.User>> teamsUsers = new HashMap<>();
        Predicate<Map<String, List<TeamsFixture.User>>> twoEach = u -> u.size() == NODES.size()
                && u.values().stream().allMatch(l -> l.size() >= 2);
        for (int i = 0; i < PollLease.SHARDS && !twoEach.test(teamsUsers); i++) {
            TeamsFixture.User user = teams.user();
            teamsUsers.computeIfAbsent(holder(shards, user.id()), n -> new ArrayList<>()).add(user);
        }
        assertThat(teamsUsers).describedAs("Teams users per lease holder").matches(twoEach);
        for (String node : NODES) {
            int own = teamsUsers.get(node).size();
            await().atMost(WAIT).until(() -> polledUsers(node) == own);
            TeamsFixture.User first = teamsUsers.get(node).get(0);
            GraphWireMock.fake().setActivity(first.entraId(), "InAMeeting");
            awaitTeamsSwitch(first, meeting);
        }

        // a one-time TIME trigger in its own zone, starting at the next minute at least 30 s away, ending 1 min later
        ZonedDateTime at = ZonedDateTime.now(ZONE).plusSeconds(30).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime until = at.plusMinutes(1);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        long timed = createProfile(Map.of("groupIds", List.of(timeGroup), "triggers", List.of(Map.of("type", "TIME",
                "at", at.format(hhmm), "until", until.format(hhmm), "date", at.toLocalDate().toString(),
                "timeZone", ZONE.getId()))), List.of(action("SET_REACHABILITY", "enabled", false)), List.of());

        // the start: every user switched once, by one node
        await().atMost(Duration.between(Instant.now(), at.toInstant()).plus(WAIT)).pollInterval(Duration.ofSeconds(2))
                .until(() -> users.stream().allMatch(u -> !timeRows(u, timed).isEmpty()));
        await().atMost(WAIT).until(() -> NODES.stream().anyMatch(n -> fired(n, "ENTER"))); // logged after the switches
        List<String> starters = NODES.stream().filter(n -> fired(n, "ENTER")).toList();
        assertThat(starters).describedAs("nodes that fired the start").hasSize(1);

        // kill -9 the node that has the end already acquired, else the one that fired the start
        String returnTrigger = "time-0-" + ZONE.getId() + "-return";
        Optional<String> acquirer = Optional.empty();
        while (acquirer.isEmpty() && Instant.now().isBefore(until.toInstant().minusSeconds(8))) {
            acquirer = db.acquiredBy("profile-" + timed, returnTrigger);
            Thread.sleep(300);
        }
        String victim = acquirer.orElse(starters.get(0));
        String survivor = NODES.stream().filter(n -> !n.equals(victim)).findFirst().orElseThrow();
        System.out.printf("R4: start fired by %s; end acquired by %s; killing %s%n", starters.get(0),
                acquirer.orElse("nobody yet"), victim);
        Set<Integer> deadShards = shards.get(victim);
        assertThat(Instant.now()).describedAs("the kill comes before the end is due").isBefore(until.toInstant());
        nodes.get(victim).kill();
        nodes.use(survivor);

        // Teams: the survivor takes the dead node's leases and switches one of its users
        await().atMost(WAIT).until(() -> db.leases().equals(Map.of(survivor,
                IntStream.range(0, PollLease.SHARDS).boxed().collect(Collectors.toSet()))));
        int allTeamsUsers = teamsUsers.values().stream().mapToInt(List::size).sum();
        await().atMost(WAIT).until(() -> polledUsers(survivor) == allTeamsUsers);
        TeamsFixture.User orphan = teamsUsers.get(victim).get(1);
        assertThat(deadShards).contains(Math.floorMod(orphan.id(), PollLease.SHARDS));
        GraphWireMock.fake().setActivity(orphan.entraId(), "InAMeeting");
        awaitTeamsSwitch(orphan, meeting);

        // the end: fired by the survivor, which also recovered the dead Quartz instance
        await().atMost(Duration.between(Instant.now(), until.toInstant()).plus(WAIT))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> users.stream().allMatch(u -> timeRows(u, timed).size() >= 2));
        await().atMost(WAIT).until(() -> db.quartzInstances().equals(Set.of(survivor)));
        assertThat(fired(survivor, "RETURN")).isTrue();
        assertThat(fired(victim, "RETURN")).isFalse();
        for (long user : users) {
            List<Map<String, Object>> rows = timeRows(user, timed);
            assertThat(rows).describedAs("TIME history of user " + user).hasSize(2);
            assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("outcome", "SWITCHED"));
            assertThat(rows.stream().filter(r -> toProfile(r) == timed)).hasSize(1);
            assertThat(rows.stream().filter(r -> fromProfile(r) == timed && toProfile(r) == before.get(user)))
                    .hasSize(1);
            assertThat(activeProfile(user)).isEqualTo(before.get(user));
        }
    }

    private List<String> options(String node, Map<String, String> datasource, Map<String, String> graphConfig) {
        Map<String, String> config = new LinkedHashMap<>(graphConfig);
        config.keySet().removeIf(k -> k.startsWith("graph-test.") || k.startsWith("gateway.graph.subscriptions.")
                || k.startsWith("quarkus.datasource."));
        config.putAll(datasource);
        config.put("quarkus.quartz.instance-id", node);
        config.put("quarkus.quartz.unsupported-properties.\"org.quartz.jobStore.clusterCheckinInterval\"", "2000");
        config.put("gateway.graph.node-id", node);
        config.put("gateway.graph.lease-duration", "10s"); // 3 s flapped: renewals came late on the loaded box
        config.put("gateway.graph.roster-refresh", "1s");
        config.put("quarkus.log.category.\"io.profilegateway.trigger\".level", "INFO");
        // the jar's token client is the JDK's: it trusts the default trust store, here WireMock's certificate only
        config.put("javax.net.ssl.trustStore", graphConfig.get("graph-test.truststore"));
        config.put("javax.net.ssl.trustStorePassword", graphConfig.get("graph-test.truststore-password"));
        config.put("javax.net.ssl.trustStoreType", "PKCS12");
        List<String> options = new ArrayList<>(List.of("-Xmx384m"));
        config.forEach((key, value) -> options.add("-D" + key + "=" + value));
        options.addAll(GatewayProcess.amiOptions(pbx.host() + ":" + pbx.port(), "gateway", "cluster-secret"));
        return options;
    }


    private int polledUsers(String node) {
        return RestAssured.given().baseUri(nodes.get(node).baseUrl).get("/q/health/ready").then().extract()
                .jsonPath().getInt("checks.find { it.name == 'graph-presence' }.data.polledUsers");
    }

    private static String holder(Map<String, Set<Integer>> shards, long userId) {
        int shard = Math.floorMod(userId, PollLease.SHARDS);
        return shards.entrySet().stream().filter(e -> e.getValue().contains(shard)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    private static void awaitTeamsSwitch(TeamsFixture.User user, long meeting) {
        await().atMost(WAIT).until(() -> activeProfile(user.id()) == meeting);
        assertThat(history(user.id()).get(0)).containsEntry("source", "TEAMS").containsEntry("outcome", "SWITCHED")
                .containsEntry("toProfileId", (int) meeting);
    }

    /** The user's history rows of source TIME that enter or leave {@code profile}. */
    private static List<Map<String, Object>> timeRows(long user, long profile) {
        return history(user).stream().filter(r -> "TIME".equals(r.get("source")))
                .filter(r -> toProfile(r) == profile || fromProfile(r) == profile).toList();
    }

    private static long toProfile(Map<String, Object> row) {
        return ((Number) row.get("toProfileId")).longValue();
    }

    private static long fromProfile(Map<String, Object> row) {
        return row.get("fromProfileId") == null ? -1 : ((Number) row.get("fromProfileId")).longValue();
    }

    /** Whether the node's log says it fired that edge of the time trigger ({@code TimeTriggerService}). */
    private boolean fired(String node, String edge) {
        try {
            return Files.readAllLines(nodes.get(node).directory.resolve("gateway.log")).stream()
                    .anyMatch(line -> line.contains(": " + edge + " of ") && line.contains(" user(s)"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
