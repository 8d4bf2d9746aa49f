package io.profilegateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.profilegateway.pbx.simulator.AmiMessage;
import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.pbx.simulator.AmiSimulatorConfig;
import io.profilegateway.trigger.teams.FakeGraph;
import io.profilegateway.trigger.teams.GraphWireMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P2 (quality.md): Teams → PBX latency. WireMock answers Graph's presence requests for N users (all Available); at a
 * known instant a set of them turns InAMeeting. Reports, from that instant, p50/p95/max until the switch is committed
 * (the history row's time), until the simulator receives the switch's first AMI action, and until Asterisk reports
 * its first state change on a separate AMI session (the only measure when {@code --ami} targets a real Asterisk);
 * and the Graph presence requests per second. Once per poll interval (default 2 s, the default, then 1 s), each a
 * gateway start on the same database. Ratios against the target: p95 ≤ interval + 250 ms, ≤ 16 requests/s for
 * 10,000 users at 1 s.
 *
 * <pre>bench/teams.sh [--users 10000] [--meetings 100] [--rounds 3] [--intervals 2s,1s]
 *     [--ami host:port --ami-user … --ami-secret …]</pre>
 */
public final class TeamsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TARGET_EXTRA_MS = 250;
    private static final double TARGET_REQUESTS_PER_SECOND = 16;
    private static final int TARGET_USERS = 10_000;
    private static final Pattern EXTENSION = Pattern.compile("(?<!\\d)7\\d{5}(?!\\d)");
    private static final String ADMIN_PASSWORD = "bench-admin-password-1";

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final FakeGraph graph;
    private AmiSimulator simulator;
    private String base;
    private long profileId;
    private final List<User> users = new ArrayList<>();
    private volatile Round armed;

    private record User(long id, String extension, String entraId) {
    }

    private TeamsBenchmark(Map<String, String> options, FakeGraph graph) {
        this.options = options;
        this.graph = graph;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiSwitchBenchmark.options(args);
        GraphWireMock wireMock = new GraphWireMock();
        Map<String, String> graphConfig = wireMock.start();
        TeamsBenchmark bench = new TeamsBenchmark(options, GraphWireMock.fake());
        try {
            bench.run(graphConfig);
        } finally {
            if (bench.simulator != null) {
                bench.simulator.stop();
            }
            wireMock.stop();
        }
        System.exit(0);
    }

    private void run(Map<String, String> graphConfig) throws Exception {
        int userCount = Integer.parseInt(options.getOrDefault("users", "10000"));
        int meetings = Integer.parseInt(options.getOrDefault("meetings", "100"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        List<Duration> intervals = Arrays.stream(options.getOrDefault("intervals", "2s,1s").split(","))
                .map(s -> Duration.parse("PT" + s.trim().toUpperCase())).toList();
        if ((long) meetings * rounds * intervals.size() > userCount) {
            throw new IllegalArgumentException("--users must be at least meetings × rounds × intervals");
        }
        String ami = options.get("ami");
        if (ami == null) {
            simulator = new AmiSimulator(AmiSimulatorConfig.builder().user("bench", "bench-secret").acceptAnyQueue()
                    .authFailureDelay(Duration.ZERO).actionLogCapacity(0).build()).start();
            simulator.observeActions(this::onAction);
            ami = simulator.host() + ":" + simulator.port();
            options.put("ami-user", "bench");
            options.put("ami-secret", "bench-secret");
        }
        Path dir = Files.createTempDirectory("teams-bench");
        List<String> results = new ArrayList<>();
        int next = 0;
        for (Duration interval : intervals) {
            // a restart on the same H2 database may first have to recover it: more than the default 5 s on a busy box
            List<String> jvm = new ArrayList<>(List.of("-Xmx2g", "-Dquarkus.datasource.jdbc.acquisition-timeout=60s"));
            jvm.addAll(GatewayProcess.amiOptions(ami, options.get("ami-user"), options.get("ami-secret")));
            jvm.addAll(graphOptions(graphConfig, interval));
            try (GatewayProcess gateway = GatewayProcess.start(Path.of(options.getOrDefault("jar",
                    "target/quarkus-app/quarkus-run.jar")), ADMIN_PASSWORD, jvm, dir);
                    AmiEventWatch watch = eventWatch(ami)) {
                base = gateway.baseUrl;
                if (users.isEmpty()) {
                    setUp(userCount);
                }
                awaitPolling(userCount);
                double requestsPerSecond = graphRequestsPerSecond(Duration.ofSeconds(Math.max(10,
                        interval.multipliedBy(5).toSeconds())));
                List<Round> done = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    done.add(round(users.subList(next, next + meetings)));
                    next += meetings;
                }
                String result = report(interval, userCount, requestsPerSecond, done);
                System.out.println(result);
                results.add(result);
            }
        }
        System.out.println();
        System.out.printf("P2 Teams → PBX benchmark: %d users polled, %d × %d users enter InAMeeting per interval; "
                + "%d cores; AMI %s%n", userCount, rounds, meetings, Runtime.getRuntime().availableProcessors(),
                simulator == null ? ami : "simulator in the benchmark's JVM");
        results.forEach(System.out::println);
    }

    // ---- setup

    private static List<String> graphOptions(Map<String, String> config, Duration interval) {
        List<String> jvm = new ArrayList<>();
        for (String key : List.of("tenant-id", "client-id", "client-secret", "base-url", "authority-url")) {
            jvm.add("-Dgateway.graph." + key + "=" + config.get("gateway.graph." + key));
        }
        jvm.add("-Dgateway.graph.poll-interval=" + interval.toMillis() + "ms");
        // the token endpoint is WireMock's https port with a certificate made for this run
        jvm.add("-Djavax.net.ssl.trustStore=" + config.get("graph-test.truststore"));
        jvm.add("-Djavax.net.ssl.trustStorePassword=" + config.get("graph-test.truststore-password"));
        jvm.add("-Djavax.net.ssl.trustStoreType=PKCS12");
        return jvm;
    }

    private AmiEventWatch eventWatch(String ami) throws Exception {
        int colon = ami.lastIndexOf(':');
        return new AmiEventWatch(ami.substring(0, colon), Integer.parseInt(ami.substring(colon + 1)),
                options.get("ami-user"), options.get("ami-secret"), this::onEvent);
    }

    private void setUp(int count) throws Exception {
        long started = System.nanoTime();
        long group = call("POST", "/api/v1/groups", Map.of("name", "Teams bench " + System.nanoTime(),
                "timeZone", "Europe/Berlin")).get("id").asLong();
        profileId = call("POST", "/api/v1/profiles", Map.of("name", "Teams meeting " + System.nanoTime(),
                "assignment", "ADMIN", "presence", "dnd", "groupIds", List.of(group),
                "triggers", List.of(Map.of("type", "TEAMS_MEETING")),
                "enterActions", List.of(Map.of("type", "SET_REACHABILITY", "enabled", false)),
                "leaveActions", List.of())).get("id").asLong();
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<User>> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String extension = "7" + String.format("%05d", i);
            String entraId = UUID.randomUUID().toString();
            Map<String, Object> body = Map.of("extension", extension, "displayName", "Teams bench " + i,
                    "primaryGroupId", group, "entraObjectId", entraId, "devices", List.of("PJSIP/d" + extension));
            inFlight.acquire();
            created.add(http.sendAsync(request("POST", "/api/v1/users", body), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> inFlight.release())
                    .thenApply(r -> new User(json(check(r, "POST /api/v1/users")).get("id").asLong(), extension,
                            entraId)));
        }
        for (CompletableFuture<User> user : created) {
            users.add(user.join());
        }
        System.out.printf("setup: %d users with Entra ids and a Teams-meeting profile in %.1f s%n", count,
                (System.nanoTime() - started) / 1e9);
    }

    private void awaitPolling(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (metric("gateway_graph_polled_users") < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway did not start polling all " + count + " users");
            }
            Thread.sleep(500);
        }
        // every user read at least twice (the token fetched, the poller in step), so no start-up delay is measured
        int rounds = (count + 649) / 650;
        int polled = graph.batchSizes().size();
        while (graph.batchSizes().size() < polled + 2 * rounds) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway polls Graph too slowly: " + (graph.batchSizes().size()
                        - polled) + " of " + 2 * rounds + " requests");
            }
            Thread.sleep(100);
        }
    }

    private double graphRequestsPerSecond(Duration window) throws InterruptedException {
        int before = graph.batchSizes().size();
        long started = System.nanoTime();
        Thread.sleep(window.toMillis());
        int after = graph.batchSizes().size();
        GraphWireMock.server().resetRequests();
        return (after - before) / ((System.nanoTime() - started) / 1e9);
    }

    // ---- one round: these users' meetings start at one instant

    /** What one round measured: per user, epoch millis of the commit, the first action, the first PBX event. */
    private static final class Round {
        final Map<String, Integer> byExtension = new HashMap<>();
        final long[] committed;
        final AtomicLongArray firstAction;
        final AtomicLongArray firstEvent;
        volatile long start;

        Round(List<User> users) {
            for (int i = 0; i < users.size(); i++) {
                byExtension.put(users.get(i).extension(), i);
            }
            committed = new long[users.size()];
            firstAction = new AtomicLongArray(users.size());
            firstEvent = new AtomicLongArray(users.size());
        }

        void seen(String text, AtomicLongArray first) {
            long now = System.currentTimeMillis();
            Matcher m = EXTENSION.matcher(text);
            while (m.find()) {
                Integer index = byExtension.get(m.group());
                if (index != null) {
                    first.compareAndSet(index, 0, now);
                }
            }
        }
    }

    private void onAction(AmiMessage action) {
        Round round = armed;
        if (round != null) {
            for (AmiMessage.Header header : action.headers()) {
                round.seen(header.value(), round.firstAction);
            }
        }
    }

    private void onEvent(Map<String, String> event) {
        Round round = armed;
        String name = event.get("Event");
        if (round != null && ("DeviceStateChange".equals(name) || "PresenceStateChange".equals(name))) {
            round.seen(event.getOrDefault("Device", "") + " " + event.getOrDefault("Presentity", ""),
                    round.firstEvent);
        }
    }

    private Round round(List<User> meeting) throws Exception {
        Round round = new Round(meeting);
        armed = round;
        round.start = System.currentTimeMillis();
        meeting.forEach(u -> graph.setActivity(u.entraId(), "InAMeeting"));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<Integer> waiting = new ArrayList<>();
        for (int i = 0; i < meeting.size(); i++) {
            waiting.add(i);
        }
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            waiting.removeIf(i -> {
                Instant at = teamsSwitch(meeting.get(i).id());
                if (at != null) {
                    round.committed[i] = at.toEpochMilli();
                }
                return at != null;
            });
        }
        // the PBX side follows the commit within moments; give it a little longer than the last commit
        Thread.sleep(2000);
        armed = null;
        if (!waiting.isEmpty()) {
            System.out.printf("round: %d of %d users were not switched within 2 minutes%n", waiting.size(),
                    meeting.size());
        }
        return round;
    }

    /** The time of the user's Teams switch into the benchmark profile, or null while there is none. */
    private Instant teamsSwitch(long userId) {
        try {
            JsonNode items = call("GET", "/api/v1/users/" + userId + "/history?size=5", null).get("items");
            for (JsonNode item : items) {
                if ("TEAMS".equals(item.get("source").asText()) && item.get("toProfileId").asLong() == profileId) {
                    return Instant.parse(item.get("at").asText());
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- report

    private String report(Duration interval, int userCount, double requestsPerSecond, List<Round> rounds)
            throws Exception {
        List<Long> commit = new ArrayList<>();
        List<Long> action = new ArrayList<>();
        List<Long> event = new ArrayList<>();
        for (Round r : rounds) {
            for (int i = 0; i < r.committed.length; i++) {
                collect(commit, r.committed[i], r.start);
                collect(action, r.firstAction.get(i), r.start);
                collect(event, r.firstEvent.get(i), r.start);
            }
        }
        int samples = rounds.stream().mapToInt(r -> r.committed.length).sum();
        long target = interval.toMillis() + TARGET_EXTRA_MS;
        List<Long> pbx = simulator != null ? action : event;
        StringBuilder out = new StringBuilder();
        out.append(String.format("%ninterval %d ms (the gateway's planned interval: %.2f s), %d samples%n",
                interval.toMillis(), metric("gateway_graph_poll_interval_seconds"), samples));
        double requestTarget = TARGET_REQUESTS_PER_SECOND * userCount / TARGET_USERS * 1000.0 / interval.toMillis();
        out.append(String.format("  Graph presence requests: %.1f/s (%.1f for %d users at this interval is the "
                + "target's equivalent) — ratio %.2f%n", requestsPerSecond, requestTarget, userCount,
                requestsPerSecond / requestTarget));
        out.append(line("to switch committed", commit, samples));
        if (simulator != null) {
            out.append(line("to first AMI action", action, samples));
        }
        out.append(line("to first PBX state event", event, samples));
        double p95 = percentile(pbx, 95);
        out.append(String.format("  p95 to the PBX / target (interval + %d ms = %d ms) = %.2f — %s%n",
                TARGET_EXTRA_MS, target, p95 / target, pbx.size() == samples && p95 <= target ? "MET" : "NOT MET"));
        return out.toString();
    }

    private static void collect(List<Long> into, long at, long start) {
        if (at > 0) {
            into.add(at - start);
        }
    }

    private static String line(String what, List<Long> millis, int samples) {
        return String.format("  %-26s p50 %5.0f ms  p95 %5.0f ms  max %5.0f ms  (%d of %d)%n", what,
                percentile(millis, 50), percentile(millis, 95), percentile(millis, 100), millis.size(), samples);
    }

    private static double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    // ---- HTTP

    private double metric(String name) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.eE+-]+)").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private JsonNode call(String method, String path, Object body) throws Exception {
        return json(check(http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString()),
                method + " " + path));
    }

    private HttpRequest request(String method, String path, Object body) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private static String check(HttpResponse<String> response, String what) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(what + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
