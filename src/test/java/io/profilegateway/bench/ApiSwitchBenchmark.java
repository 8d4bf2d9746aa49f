package io.profilegateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.testing.PostgresTestDatabase;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * P3 (quality.md): manual switches over HTTP on loopback at a fixed offered rate, then {@code GET /users/{id}/profile}
 * at the same rate, and as a baseline the cheapest endpoint of the same server ({@code /q/health/live}). Prints
 * throughput and p50/p90/p99/max, and the ratios to the target (1,000 switches/s, p99 ≤ 25 ms) and to the baseline.
 * Each measurement follows a warm-up that lasts until the gateway's JIT is done ({@link #warmUp}).
 *
 * <p>With {@code --relationships true} the users are spread over 20 groups and a monitoring group of 200 makes 20
 * of them ASSISTANTs of the other 180: the switches are then sent by those assistants (with their API tokens), the
 * reads by one of them for users of every group, so that every request passes the relationship check; the same
 * switches sent by the admin (whose role needs no relationship) are measured beside them, and the difference in
 * gateway CPU per switch is printed as the relationship check's share.
 *
 * <pre>bench/api-switch.sh [--rate 1000] [--seconds 20] [--warm-up 300] [--warm-up-rate 1000] [--users 500]
 *     [--connections 32] [--relationships true]
 *     [--database h2|postgresql] [--ami host:port --ami-user … --ami-secret …]
 *     [--url http://host:8080 --admin-password …]</pre>
 */
public final class ApiSwitchBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TARGET_RATE = 1000;
    private static final double TARGET_P99_MS = 25;
    private static final double SLICE_SECONDS = 10;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "20"));
        int users = Integer.parseInt(options.getOrDefault("users", "500"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "32"));
        double warmUp = Double.parseDouble(options.getOrDefault("warm-up", "300"));
        boolean relationships = Boolean.parseBoolean(options.getOrDefault("relationships", "false"));
        int warmUpRate = Integer.parseInt(options.getOrDefault("warm-up-rate", Integer.toString(rate)));
        String adminPassword = options.getOrDefault("admin-password", "bench-admin-password-1");
        GatewayProcess process = null;
        String base = options.get("url");
        AmiSimulator simulator = null;
        PostgresTestDatabase postgres = null;
        if (base == null) {
            List<String> jvm = GatewayProcess.jvmOptions(options, List.of("-Xmx1g"));
            simulator = GatewayProcess.pbx(options, jvm).orElse(null);
            String jar = "target/quarkus-app/quarkus-run.jar";
            String database = options.getOrDefault("database", "h2");
            if (!database.equals("h2") && !database.equals("postgresql")) {
                throw new IllegalArgumentException("--database must be h2 or postgresql, not " + database);
            }
            if (database.equals("postgresql")) {
                // production's database, with production's durability: every commit waits for its WAL flush
                postgres = new PostgresTestDatabase();
                postgres.startPostgres(true).forEach((key, value) -> jvm.add("-D" + key + "=" + value));
                jar = "target/postgresql-app/quarkus-run.jar";
                System.out.println("database: a private PostgreSQL (fsync and synchronous_commit on)");
            } else {
                System.out.println("database: the embedded H2 file database (the default)");
            }
            process = GatewayProcess.start(Path.of(options.getOrDefault("jar", jar)), adminPassword, jvm);
            base = process.baseUrl;
        }
        try {
            run(base, adminPassword, rate, seconds, warmUp, warmUpRate, users, connections, relationships,
                    process == null ? null : ProcessHandle.of(process.pid()).orElse(null));
        } finally {
            if (process != null) {
                process.close();
            }
            if (simulator != null) {
                simulator.stop();
            }
            if (postgres != null) {
                postgres.stop();
            }
        }
    }

    private static void run(String base, String adminPassword, int rate, double seconds, double warmUp,
            int warmUpRate, int userCount, int connections, boolean relationships, ProcessHandle server)
            throws Exception {
        // HTTP/1.1 like the load: the JDK client's default (HTTP/2) would first negotiate an h2c upgrade
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Setup setup = new Setup(client, base, adminPassword);
        long setupStart = System.nanoTime();
        String token = setup.adminToken();
        long profile = setup.benchProfile();
        long usersStart = System.nanoTime();
        List<Long> groups = relationships ? setup.groups(20) : List.of();
        List<Long> users = setup.users(userCount, groups);
        long setupEnd = System.nanoTime();
        System.out.printf("setup: %d users in %.1f s (%.1f ms per user), profile %d (leave 2, enter 4 actions), "
                + "bearer token (%.1f s)%n", users.size(), (setupEnd - usersStart) / 1e9,
                (setupEnd - usersStart) / 1e6 / Math.max(1, users.size()), profile, (usersStart - setupStart) / 1e9);
        // who switches whom: the admin everyone, or (relationships) 20 assistants the 180 others of a monitoring group
        List<Long> switched = users;
        List<String> switchers = List.of(token);
        String reader = token;
        if (relationships) {
            Assistants assistants = setup.monitoringGroup(users.subList(0, 200), 20);
            switched = assistants.staff();
            switchers = assistants.tokens();
            reader = assistants.tokens().get(0);
            System.out.printf("relationships: %d groups (EMPLOYEE defaults), monitoring group of 200: %d assistants "
                    + "(ASSISTANT) switch %d staff; reads by an assistant of users of every group%n", groups.size(),
                    switchers.size(), switched.size());
        }

        // each user alternates between the bench profile and Available, so every request is a real switch
        List<Long> targets = switched;
        List<String> actors = switchers;
        int[] nextProfileIndex = new int[targets.size()];
        Map<String, String> readHeaders = Map.of("Authorization", "Bearer " + reader);
        IntFunction<LoadRun.Call> switchCall = i -> switchCall(targets, nextProfileIndex, profile,
                actors.get(i % actors.size()), i);
        IntFunction<LoadRun.Call> adminSwitchCall = i -> switchCall(targets, nextProfileIndex, profile, token, i);
        IntFunction<LoadRun.Call> readCall = i -> new LoadRun.Call(HttpMethod.GET,
                "/api/v1/users/" + users.get(i % users.size()) + "/profile", readHeaders, null);
        IntFunction<LoadRun.Call> baselineCall = i -> new LoadRun.Call(HttpMethod.GET, "/q/health/live", Map.of(),
                null);

        LoadRun.Result baseline;
        LoadRun.Result switches;
        LoadRun.Result adminSwitches = null;
        LoadRun.Result reads;
        JitWatch jit = JitWatch.attach(server);
        try (LoadRun load = new LoadRun(base, connections, server, jit)) {
            System.out.printf("warm-up at %d/s in slices of %.0f s, until a slice in which the JIT compiled for less "
                    + "than 1 %% of it (at most %.0f s each) ...%n", warmUpRate, SLICE_SECONDS, warmUp);
            warmUp(load, "mixed", warmUpRate, warmUp, i -> switch (i % 3) {
                case 0 -> switchCall.apply(i / 3);
                case 1 -> readCall.apply(i / 3);
                default -> baselineCall.apply(i / 3);
            });
            // each measurement right after its own warm-up: a change of load changes what C2 compiles
            double again = jit == null ? SLICE_SECONDS : warmUp;
            warmUp(load, "switches", warmUpRate, again, switchCall);
            switches = load.run(relationships ? "PUT /users/{id}/profile by ASSISTANTs" : "PUT /users/{id}/profile",
                    rate, seconds, switchCall);
            if (relationships) {
                warmUp(load, "switches by the admin", warmUpRate, again, adminSwitchCall);
                adminSwitches = load.run("PUT /users/{id}/profile by the admin", rate, seconds, adminSwitchCall);
            }
            warmUp(load, "reads", warmUpRate, again, readCall);
            reads = load.run("GET /users/{id}/profile", rate, seconds, readCall);
            warmUp(load, "health", warmUpRate, again, baselineCall);
            baseline = load.run("baseline GET /q/health/live", rate, seconds / 2, baselineCall);
        } finally {
            if (jit != null) {
                jit.close();
            }
        }

        System.out.println();
        System.out.println("P3 API benchmark, " + base + ", " + Runtime.getRuntime().availableProcessors()
                + " cores on the client's machine");
        List<LoadRun.Result> results = new ArrayList<>(List.of(baseline, switches, reads));
        if (adminSwitches != null) {
            results.add(adminSwitches);
        }
        for (LoadRun.Result r : results) {
            System.out.println(r.line());
            r.errorSamples().forEach(e -> System.out.println("    error: " + e));
        }
        if (adminSwitches != null) {
            double withCheck = switches.serverCpuMillisPerRequest();
            double without = adminSwitches.serverCpuMillisPerRequest();
            System.out.printf("relationship check: %.3f ms of gateway CPU per switch by an assistant vs %.3f ms by "
                    + "the admin: %.1f %% of the assistant's switch (p99 %.1f vs %.1f ms)%n", withCheck, without,
                    100 * (withCheck - without) / withCheck, switches.percentileMillis(99),
                    adminSwitches.percentileMillis(99));
        }
        System.out.printf("%nswitches: achieved/target rate = %.2f (target %.0f/s), p99/target p99 = %.2f "
                + "(target %.0f ms, lower is better)%n", switches.achievedPerSecond() / TARGET_RATE, TARGET_RATE,
                switches.percentileMillis(99) / TARGET_P99_MS, TARGET_P99_MS);
        System.out.printf("switches: p50 vs baseline p50 = %.2fx, p99 vs baseline p99 = %.2fx%n",
                switches.percentileMillis(50) / baseline.percentileMillis(50),
                switches.percentileMillis(99) / baseline.percentileMillis(99));
        System.out.printf("reads:    p50 vs baseline p50 = %.2fx, p99 vs baseline p99 = %.2fx%n",
                reads.percentileMillis(50) / baseline.percentileMillis(50),
                reads.percentileMillis(99) / baseline.percentileMillis(99));
        boolean met = switches.errors() == 0 && switches.unanswered() == 0
                && switches.achievedPerSecond() >= 0.98 * rate
                && switches.percentileMillis(99) <= TARGET_P99_MS;
        System.out.println("P3 target " + (met ? "MET" : "NOT MET") + " at " + rate + " switches/s offered");
        // the embedded database's group commit, over the whole run: commits per checkpoint = waits / checkpoints
        String metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        metrics.lines().filter(line -> line.startsWith("gateway_database_")).forEach(System.out::println);
    }

    /**
     * "Sustained" is what a gateway does that has run for a while: its JIT has compiled what it serves. On 2 cores the
     * one C2 thread compiles for 80–140 s under load before it is done (10 s of compiling in every 10 s
     * slice until then, with a 60 s warm-up still a quarter of the CPU of the measured switches). So a warm-up runs
     * {@code calls} in slices until a slice in which the JIT compiled for less than 1 % of it, or for
     * {@code maxSeconds}; without a view of the gateway's JIT (a gateway elsewhere) it runs {@code maxSeconds}. The
     * first one runs the three measured calls in turn, so that code they share is compiled for all of them.
     */
    private static void warmUp(LoadRun load, String label, int rate, double maxSeconds,
            IntFunction<LoadRun.Call> calls) throws InterruptedException {
        int offset = 0;
        for (double spent = 0; spent < maxSeconds; spent += SLICE_SECONDS) {
            int first = offset;
            LoadRun.Result result = load.run("warm-up " + label + " " + (int) (spent + SLICE_SECONDS) + " s", rate,
                    Math.min(SLICE_SECONDS, maxSeconds - spent), i -> calls.apply(first + i));
            offset += result.sent();
            System.out.println(result.line());
            if (result.serverJitMillis() >= 0 && result.serverJitMillis() < SLICE_SECONDS * 1000 / 100) {
                return;
            }
        }
    }

    private static LoadRun.Call switchCall(List<Long> targets, int[] next, long profile, String token, int i) {
        int u = i % targets.size();
        long target;
        synchronized (next) {
            target = (next[u]++ % 2 == 0) ? profile : 1L;
        }
        return new LoadRun.Call(HttpMethod.PUT, "/api/v1/users/" + targets.get(u) + "/profile",
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
                "{\"profileId\":" + target + "}");
    }

    /** The assistants' API tokens and the users they may switch. */
    private record Assistants(List<String> tokens, List<Long> staff) {
    }

    /** Creates what the run needs through the public API, as the bootstrap admin. */
    record Setup(HttpClient client, String base, String adminPassword) {

        String adminToken() throws Exception {
            long adminId = post("/api/v1/me", null, "GET").get("userId").asLong();
            return post("/api/v1/users/" + adminId + "/tokens", Map.of("name", "bench-" + System.nanoTime()), "POST")
                    .get("token").asText();
        }

        long benchProfile() throws Exception {
            Map<String, Object> profile = new HashMap<>();
            profile.put("name", "Bench " + System.nanoTime());
            profile.put("assignment", "ADMIN");
            profile.put("presence", "away");
            profile.put("enterActions", List.of(
                    Map.of("type", "SET_REACHABILITY", "enabled", false),
                    Map.of("type", "SET_REDIRECT", "kind", "ALWAYS", "target", "2000"),
                    Map.of("type", "TEAM_PAUSE", "reason", "bench"),
                    Map.of("type", "FOLLOW_ME", "enabled", true, "targets", List.of("2000", "+4930123456"))));
            profile.put("leaveActions", List.of(
                    Map.of("type", "UNSET_REDIRECT", "kind", "ALWAYS"),
                    Map.of("type", "TEAM_UNPAUSE")));
            return post("/api/v1/profiles", profile, "POST").get("id").asLong();
        }

        /** Users spread round-robin over the groups as their primary group (none: no group). */
        List<Long> users(int count, List<Long> groups) throws Exception {
            String prefix = Long.toString(System.nanoTime() % 1_000_000);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, Object> user = new HashMap<>(Map.of("extension", "9" + prefix + String.format("%05d", i),
                        "displayName", "Bench user " + i, "devices", List.of("PJSIP/b" + prefix + "x" + i)));
                if (!groups.isEmpty()) {
                    user.put("primaryGroupId", groups.get(i % groups.size()));
                }
                ids.add(post("/api/v1/users", user, "POST").get("id").asLong());
            }
            return ids;
        }

        List<Long> groups(int count) throws Exception {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(post("/api/v1/groups", Map.of("name", "Bench group " + System.nanoTime() + "-" + i,
                        "timeZone", "Europe/Berlin"), "POST").get("id").asLong());
            }
            return ids;
        }

        /** A monitoring group of these users: the first {@code assistants} are ASSISTANT for the others. */
        Assistants monitoringGroup(List<Long> members, int assistants) throws Exception {
            List<Long> staff = members.subList(assistants, members.size());
            post("/api/v1/monitoring-groups", Map.of("name", "Bench monitoring " + System.nanoTime(), "subGroups",
                    List.of(Map.of("name", "assistants", "memberIds", members.subList(0, assistants)),
                            Map.of("name", "staff", "memberIds", staff)),
                    "rules", List.of(Map.of("viewers", "assistants", "owners", "staff", "level", "ASSISTANT"))),
                    "POST");
            List<String> tokens = new ArrayList<>();
            for (long assistant : members.subList(0, assistants)) {
                tokens.add(post("/api/v1/users/" + assistant + "/tokens", Map.of("name", "bench"), "POST")
                        .get("token").asText());
            }
            return new Assistants(tokens, List.copyOf(staff));
        }

        JsonNode post(String path, Object body, String method) throws Exception {
            String auth = Base64.getEncoder().encodeToString(("admin:" + adminPassword)
                    .getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Basic " + auth).header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " "
                        + response.body());
            }
            return JSON.readTree(response.body());
        }
    }

    /** {@code --name value} pairs (every benchmark of this package takes its options so). */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
