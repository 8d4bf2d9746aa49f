package io.profilegateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.profilegateway.pbx.simulator.AmiSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P4 (quality.md): the footprint of a gateway that holds N users (default 10,000) and P profiles (default 20). Fills a
 * fresh database through the API (every user switched into one of the profiles, so the PBX holds real state), stops
 * the gateway, then starts it again on that database several times and reports, per start: the time from launching
 * the JVM to {@code /q/health/ready} answering UP (connected to the PBX and the first full reconcile of every user
 * done), Quarkus' own "started in", and the resident set size right after ready and 10 s later. Ratios to the target
 * (ready ≤ 3 s in JVM mode, RSS ≤ 300 MB).
 *
 * <pre>bench/footprint.sh [--users 10000] [--profiles 20] [--starts 3] [--gateway-jvm "-Xmx256m …"]
 *     [--dir database-of-an-earlier-run] [--ami host:port --ami-user … --ami-secret …]</pre>
 */
public final class FootprintBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TARGET_READY_SECONDS = 3;
    private static final double TARGET_RSS_MB = 300;
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminPassword = "bench-admin-password-1";
    private String base;

    public static void main(String[] args) throws Exception {
        new FootprintBenchmark().run(ApiSwitchBenchmark.options(args));
    }

    private void run(Map<String, String> options) throws Exception {
        int userCount = Integer.parseInt(options.getOrDefault("users", "10000"));
        int profileCount = Integer.parseInt(options.getOrDefault("profiles", "20"));
        int starts = Integer.parseInt(options.getOrDefault("starts", "3"));
        // Quarkus' "started in" line (GatewayProcess keeps the rest of the log at WARN)
        List<String> jvm = GatewayProcess.jvmOptions(options,
                List.of("-Dquarkus.log.category.\"io.quarkus\".level=INFO"));
        AmiSimulator simulator = GatewayProcess.pbx(options, jvm).orElse(null);
        Path jar = Path.of(options.getOrDefault("jar", "target/quarkus-app/quarkus-run.jar"));
        // --dir: a database filled by an earlier run (its path is printed), to compare JVM options without filling again
        Path dir = options.containsKey("dir") ? Path.of(options.get("dir"))
                : Files.createTempDirectory("gateway-footprint");
        try {
            if (options.containsKey("dir")) {
                System.out.println("database of an earlier run: " + dir);
            } else {
                try (GatewayProcess first = GatewayProcess.start(jar, adminPassword, jvm, dir)) {
                    base = first.baseUrl;
                    fill(userCount, profileCount);
                }
                System.out.println("database: " + dir + " (--dir " + dir + " starts on it again)");
            }
            System.out.printf("%nP4 footprint, %d users, %d profiles, JVM options %s, %d cores%n", userCount,
                    profileCount, options.getOrDefault("gateway-jvm", "(none)"),
                    Runtime.getRuntime().availableProcessors());
            double worstReady = 0;
            double worstRss = 0;
            for (int i = 1; i <= starts; i++) {
                long launched = System.nanoTime();
                try (GatewayProcess gateway = GatewayProcess.start(jar, adminPassword, jvm, dir)) {
                    double ready = (System.nanoTime() - launched) / 1e9;
                    double rssReady = rssMegabytes(gateway.pid());
                    Thread.sleep(10_000);
                    double rssLater = rssMegabytes(gateway.pid());
                    String startedIn = startedIn(dir.resolve("gateway.log"));
                    System.out.printf("start %d: ready (health UP, first full reconcile done) %.2f s; Quarkus "
                            + "\"started in\" %s s; RSS %.0f MB at ready, %.0f MB 10 s later%n", i, ready, startedIn,
                            rssReady, rssLater);
                    worstReady = Math.max(worstReady, ready);
                    worstRss = Math.max(worstRss, Math.max(rssReady, rssLater));
                }
            }
            System.out.printf("%nworst of %d starts: ready %.2f s / target %.0f s = %.2f; RSS %.0f MB / target %.0f MB "
                    + "= %.2f (lower is better)%n", starts, worstReady, TARGET_READY_SECONDS,
                    worstReady / TARGET_READY_SECONDS, worstRss, TARGET_RSS_MB, worstRss / TARGET_RSS_MB);
            boolean met = worstReady <= TARGET_READY_SECONDS && worstRss <= TARGET_RSS_MB;
            System.out.println("P4 target " + (met ? "MET" : "NOT MET"));
        } finally {
            if (simulator != null) {
                simulator.stop();
            }
        }
    }

    /** P profiles of realistic shape, N users with a device each, every user switched into one of the profiles. */
    private void fill(int userCount, int profileCount) throws Exception {
        long started = System.nanoTime();
        long group = call("POST", "/api/v1/groups", Map.of("name", "Footprint " + System.nanoTime(),
                "timeZone", "Europe/Berlin")).get("id").asLong();
        List<Long> profiles = new ArrayList<>();
        for (int p = 0; p < profileCount; p++) {
            Map<String, Object> profile = Map.of("name", "Footprint " + p + " " + System.nanoTime(),
                    "assignment", "ADMIN", "presence", p % 2 == 0 ? "away" : "dnd",
                    "triggers", List.of(Map.of("type", "TIME", "days", List.of("MON", "TUE", "WED", "THU", "FRI"),
                            "at", String.format("%02d:%02d", 6 + p % 12, (p * 7) % 60))),
                    "enterActions", List.of(
                            Map.of("type", "SET_REACHABILITY", "enabled", p % 3 != 0),
                            Map.of("type", "SET_REDIRECT", "kind", "BUSY", "target", "2" + String.format("%03d", p)),
                            Map.of("type", "FOLLOW_ME", "enabled", true, "targets", List.of("2000", "+4930123456"))),
                    "leaveActions", List.of(Map.of("type", "UNSET_REDIRECT", "kind", "BUSY")));
            profiles.add(call("POST", "/api/v1/profiles", profile).get("id").asLong());
        }
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<String>> done = new ArrayList<>();
        for (int i = 0; i < userCount; i++) {
            String extension = "6" + String.format("%05d", i);
            long profile = profiles.get(i % profiles.size());
            Map<String, Object> user = Map.of("extension", extension, "displayName", "Footprint " + i,
                    "primaryGroupId", group, "devices", List.of("PJSIP/f" + extension));
            inFlight.acquire();
            done.add(send("POST", "/api/v1/users", user)
                    .thenCompose(created -> send("PUT", "/api/v1/users/" + idOf(created) + "/profile",
                            Map.of("profileId", profile)))
                    .whenComplete((answer, failure) -> inFlight.release()));
        }
        for (CompletableFuture<String> each : done) {
            each.join();
        }
        System.out.printf("filled: %d users, each switched into one of %d profiles, in %.1f s%n", userCount,
                profileCount, (System.nanoTime() - started) / 1e9);
    }

    private static long idOf(String created) {
        try {
            return JSON.readTree(created).get("id").asLong();
        } catch (Exception e) {
            throw new IllegalStateException("not a created resource: " + created, e);
        }
    }

    private static double rssMegabytes(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    /** Quarkus' "started in" of the last start in the log. */
    private static String startedIn(Path log) throws Exception {
        String last = "?";
        Matcher matcher = STARTED_IN.matcher(Files.readString(log, StandardCharsets.UTF_8));
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return last;
    }

    private JsonNode call(String method, String path, Object body) throws Exception {
        return JSON.readTree(send(method, path, body).join());
    }

    private CompletableFuture<String> send(String method, String path, Object body) {
        try {
            String auth = Base64.getEncoder().encodeToString(("admin:" + adminPassword)
                    .getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " "
                            + response.body());
                }
                return response.body();
            });
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
