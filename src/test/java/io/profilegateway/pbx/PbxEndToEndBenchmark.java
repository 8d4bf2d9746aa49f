package io.profilegateway.pbx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.profilegateway.bench.GatewayProcess;
import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.pbx.simulator.AmiSimulatorConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * P1 end to end (quality.md): the built gateway jar, its embedded database, one TIME trigger that fires for N users at
 * a real minute; measured from the trigger's instant to the last user confirmed by Asterisk, split into the switch
 * transactions (first to last TIME switch committed, from {@code gateway_switches_total}) and the AMI part (the last
 * user confirmed after the last commit, from {@code gateway_ami_confirmed_total}). Each switch runs the users' "Desk"
 * leave chain of 2 and "Lunch" enter chain of 4 actions (DND, redirect, team pause, FollowMe). A raw pipelined AMI
 * client sends the same action mix (for other extensions) to the same PBX before the gateway starts: the baseline.
 *
 * <pre>bench/pbx.sh --mode end-to-end [--users 10000] [--team-size 50] [--ami host:port --ami-user … --ami-secret …]</pre>
 *
 * Without {@code --ami}, the AMI simulator runs in this JVM and every user's AstDB is checked afterwards; with it,
 * a real Asterisk (queues {@code e2e-q<n>} and {@code bench-q<n>} must exist there) or a simulator started as a process
 * of its own ({@code java -cp … io.profilegateway.pbx.simulator.SimulatorMain PORT USER SECRET}); then a sample of
 * users' pbx-state is checked.
 */
public final class PbxEndToEndBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TARGET_RATIO = 0.8;
    private static final double TARGET_SECONDS = 5;
    private static final String ADMIN_PASSWORD = "bench-admin-password-1";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService http = Executors.newFixedThreadPool(8);
    private final String base;

    private PbxEndToEndBenchmark(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int users = Integer.parseInt(options.getOrDefault("users", "10000"));
        int teamSize = Integer.parseInt(options.getOrDefault("team-size", "50"));
        List<String> jvm = GatewayProcess.jvmOptions(options, List.of("-Xmx1g",
                "-Dgateway.ami.response-timeout=60s"));
        AmiSimulator simulator = GatewayProcess.pbx(options, jvm).orElse(null);
        String ami = options.containsKey("ami") ? options.get("ami") : simulator.host() + ":" + simulator.port();
        System.out.printf("P1 end to end: %d users in teams of %d, PBX %s%s%n", users, teamSize, ami,
                simulator != null ? " (AMI simulator in this JVM)" : "");
        double raw = rawBaseline(ami, options.get("ami-user"), options.get("ami-secret"), users, teamSize);
        GatewayProcess gateway = GatewayProcess.start(Path.of(options.getOrDefault("jar",
                "target/quarkus-app/quarkus-run.jar")), ADMIN_PASSWORD, jvm);
        try {
            new PbxEndToEndBenchmark(gateway.baseUrl).run(users, teamSize, raw, simulator);
        } finally {
            gateway.close();
            if (simulator != null) {
                simulator.stop();
            }
        }
        System.exit(0);
    }

    /** The raw client's seconds for the same action mix as one mass switch (after a warm-up), extensions 9000000…. */
    private static double rawBaseline(String ami, String user, String secret, int users, int teamSize)
            throws Exception {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(AmiConfig.class)
                .withConverter(Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter()).build();
        PbxNames names = new PbxNames(config.getConfigMapping(AmiConfig.class).names());
        List<Map<String, String>> seed = new ArrayList<>();
        List<Map<String, String>> there = new ArrayList<>();
        List<Map<String, String>> back = new ArrayList<>();
        List<Map<String, String>> cleanup = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String ext = Long.toString(9_000_000L + i);
            String queue = "bench-q" + (i / teamSize);
            var desk = PbxBenchmark.available(ext, queue, 1);
            var lunch = PbxBenchmark.lunch(ext, queue, 2);
            seed.addAll(PbxBenchmark.diff(names, null, desk));
            there.addAll(PbxBenchmark.diff(names, desk, lunch));
            back.addAll(PbxBenchmark.diff(names, lunch, desk));
            UserSync known = new UserSync(0);
            known.setKnown(names.imageOf(desk));
            ImageDiff.commands(known, PbxImage.empty(ext), names, key -> false)
                    .forEach(command -> cleanup.add(command.headers()));
        }
        String host = ami.substring(0, ami.lastIndexOf(':'));
        int port = Integer.parseInt(ami.substring(ami.lastIndexOf(':') + 1));
        RawAmiClient.send(host, port, user, secret, seed);
        RawAmiClient.send(host, port, user, secret, there);
        RawAmiClient.send(host, port, user, secret, back);
        double seconds = RawAmiClient.send(host, port, user, secret, there);
        RawAmiClient.send(host, port, user, secret, back);
        RawAmiClient.send(host, port, user, secret, cleanup);
        System.out.printf("raw pipelined client: %d actions (%d per user) in %.2f s = %.0f actions/s%n", there.size(),
                there.size() / users, seconds, there.size() / seconds);
        return seconds / there.size(); // seconds per action
    }

    private void run(int users, int teamSize, double rawSecondsPerAction, AmiSimulator simulator) throws Exception {
        long setupStart = System.nanoTime();
        long group = call("POST", "/api/v1/groups", Map.of("name", "E2E " + System.nanoTime(), "timeZone", "UTC"))
                .get("id").asLong();
        String prefix = String.format("%04d", System.nanoTime() % 10_000);
        int teams = (users + teamSize - 1) / teamSize;
        List<Long> desks = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            String team = "e2e-q" + prefix + "-" + t;
            call("POST", "/api/v1/teams", Map.of("name", team, "queue", team));
            desks.add(call("POST", "/api/v1/profiles", profile("Desk " + team, "available",
                    List.of(Map.of("type", "TEAM_LOGIN", "team", team)),
                    List.of(Map.of("type", "UNSET_REDIRECT", "kind", "ALWAYS"), Map.of("type", "TEAM_UNPAUSE")),
                    List.of())).get("id").asLong());
        }
        List<Long> ids = parallel(users, i -> call("POST", "/api/v1/users", Map.of("extension", "8" + prefix
                + String.format("%05d", i), "displayName", "E2E user " + i, "devices", List.of("PJSIP/e" + prefix + i),
                "primaryGroupId", group)).get("id").asLong());
        List<String> extensions = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            extensions.add("8" + prefix + String.format("%05d", i));
        }
        parallel(users, i -> call("PUT", "/api/v1/users/" + ids.get(i) + "/profile",
                Map.of("profileId", desks.get(i / teamSize))));
        for (int i = 0; i < users; i += Math.max(1, users / 20)) {
            awaitInSync(ids.get(i));
        }
        awaitInSync(ids.get(users - 1));
        System.out.printf("setup: %d users, %d teams, each user in his team's Desk profile, confirmed: %.1f s%n",
                users, teams, (System.nanoTime() - setupStart) / 1e9);

        // the trigger: the next minute at least 25 s away
        ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(25).truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        long lunch = call("POST", "/api/v1/profiles", profile("Lunch " + prefix, "away", List.of(
                Map.of("type", "SET_REACHABILITY", "enabled", false),
                Map.of("type", "SET_REDIRECT", "kind", "ALWAYS", "target", "2000"),
                Map.of("type", "TEAM_PAUSE", "reason", "lunch"),
                Map.of("type", "FOLLOW_ME", "enabled", true, "targets", List.of("2000", "+4930123456"),
                        "ringSeconds", 20)),
                List.of(Map.of("type", "UNSET_REDIRECT", "kind", "ALWAYS"), Map.of("type", "TEAM_UNPAUSE")),
                List.of(Map.of("type", "TIME", "at", at.format(DateTimeFormatter.ofPattern("HH:mm")), "date",
                        at.toLocalDate().toString(), "timeZone", "UTC")), group)).get("id").asLong();
        Metrics before = metrics();
        System.out.printf("TIME trigger of profile %d at %s UTC; waiting %.0f s%n", lunch, at.toLocalTime(),
                Duration.between(Instant.now(), at.toInstant()).toMillis() / 1e3);
        while (Instant.now().isBefore(at.toInstant().minusSeconds(1))) {
            Thread.sleep(200);
        }

        Instant firstSwitch = null;
        Instant lastSwitch = null;
        Instant allConfirmed = null;
        Metrics now = before;
        Instant deadline = at.toInstant().plus(Duration.ofMinutes(10));
        while (allConfirmed == null && Instant.now().isBefore(deadline)) {
            now = metrics();
            Instant seen = Instant.now();
            if (firstSwitch == null && now.timeSwitches() > before.timeSwitches()) {
                firstSwitch = seen;
            }
            if (lastSwitch == null && now.timeSwitches() >= before.timeSwitches() + users) {
                lastSwitch = seen;
            }
            if (lastSwitch != null && now.confirmed() >= before.confirmed() + users) {
                allConfirmed = seen;
            }
            Thread.sleep(25);
        }
        if (allConfirmed == null) {
            throw new IllegalStateException("not every user confirmed within 10 minutes: " + before + " -> " + now);
        }
        check(simulator, ids, extensions);
        double total = seconds(at.toInstant(), allConfirmed);
        double transactions = seconds(firstSwitch, lastSwitch);
        double amiTail = seconds(lastSwitch, allConfirmed);
        long actions = (long) (now.actionsSent() - before.actionsSent());
        double rawSeconds = rawSecondsPerAction * actions;
        double ratio = rawSeconds / total;
        System.out.printf("P1 end to end: trigger at %s; first switch committed +%.2f s, last +%.2f s%n",
                at.toLocalTime(), seconds(at.toInstant(), firstSwitch), seconds(at.toInstant(), lastSwitch));
        System.out.printf("  switch transactions: %d in %.2f s = %.0f/s (Quartz's firing to the first commit: %.2f s)%n",
                users, transactions, users / Math.max(transactions, 0.001), seconds(at.toInstant(), firstSwitch));
        System.out.printf("  AMI: %d actions sent meanwhile; the last user confirmed %.2f s after the last commit%n",
                actions, amiTail);
        System.out.printf("  firing -> last user confirmed by Asterisk: %.2f s = %.0f actions/s (the metrics are"
                + " read every 25 ms)%n", total, actions / total);
        System.out.printf("P1 end-to-end ratio raw/gateway for the same %d actions = %.2f (raw %.2f s; target ≥ %.1f):"
                + " %s; all state applied within %.0f s%s: %s%n", actions, ratio, rawSeconds, TARGET_RATIO,
                ratio >= TARGET_RATIO ? "MET" : "NOT MET", TARGET_SECONDS, simulator != null ? "" : " (simulator only)",
                total <= TARGET_SECONDS ? "MET" : "NOT MET");
    }

    /** Every user holds the Lunch state (simulator in this JVM), else a sample of users' pbx-state is in sync. */
    private void check(AmiSimulator simulator, List<Long> ids, List<String> extensions) throws Exception {
        if (simulator != null) {
            Map<String, String> db = simulator.pbx().astDb();
            for (String ext : extensions) {
                if (!"YES".equals(db.get("/DND/" + ext)) || !"2000".equals(db.get("/CF/" + ext))) {
                    throw new IllegalStateException("user " + ext + " does not hold the Lunch state in the simulator");
                }
            }
            System.out.printf("checked: all %d users hold DND and the redirect in the simulator's AstDB%n",
                    extensions.size());
            return;
        }
        int checked = 0;
        for (int i = 0; i < ids.size(); i += Math.max(1, ids.size() / 50)) {
            JsonNode state = call("GET", "/api/v1/users/" + ids.get(i) + "/pbx-state", null);
            if (!state.get("inSync").asBoolean() || state.at("/desired/reachable").asBoolean()) {
                throw new IllegalStateException("user " + ids.get(i) + " is not in the Lunch state: " + state);
            }
            checked++;
        }
        System.out.printf("checked: a sample of %d users is in sync in the Lunch state (pbx-state)%n", checked);
    }

    private record Metrics(double timeSwitches, double confirmed, double actionsSent) {
    }

    private Metrics metrics() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        double switches = 0;
        double confirmed = 0;
        double sent = 0;
        for (String line : response.body().split("\n")) {
            if (line.startsWith("gateway_switches_total{") && line.contains("source=\"TIME\"")
                    && line.contains("outcome=\"SWITCHED\"")) {
                switches += value(line);
            } else if (line.startsWith("gateway_ami_confirmed_total{")) {
                confirmed += value(line);
            } else if (line.startsWith("gateway_ami_actions_total{") && line.contains("result=\"sent\"")) {
                sent += value(line);
            }
        }
        return new Metrics(switches, confirmed, sent);
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private void awaitInSync(long userId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!call("GET", "/api/v1/users/" + userId + "/pbx-state", null).get("inSync").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("user " + userId + " not in sync after 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    private static Map<String, Object> profile(String name, String presence, List<?> enter, List<?> leave,
            List<?> triggers, Long... groups) {
        Map<String, Object> profile = new HashMap<>(Map.of("name", name, "assignment", "ADMIN", "presence", presence,
                "enterActions", enter, "leaveActions", leave, "triggers", triggers));
        if (groups.length > 0) {
            profile.put("groupIds", List.of(groups));
        }
        return profile;
    }

    private interface Indexed<T> {
        T call(int i) throws Exception;
    }

    private <T> List<T> parallel(int count, Indexed<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(http.submit(() -> task.call(index)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private JsonNode call(String method, String path, Object body) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
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

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
