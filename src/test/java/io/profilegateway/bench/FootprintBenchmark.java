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
 * <p>Every measured start goes through bin/gateway, the shipped way to run the jar (its default JVM options), with the
 * benchmark's own JVM and, with {@code --java PATH}, also with that JDK (25) and the AOT cache next to the jar
 * (trained first when missing), interleaved start by start; a table gives min / median / max of each.
 *
 * <pre>bench/footprint.sh [--users 10000] [--profiles 20] [--starts 3] [--gateway-jvm "-Xmx128m …"]
 *     [--java /usr/lib/jvm/temurin-25-jdk-amd64 [--train true] [--no-cache-row true]]
 *     [--dir database-of-an-earlier-run] [--ami host:port --ami-user … --ami-secret …]</pre>
 */
public final class FootprintBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TARGET_READY_SECONDS = 3;
    private static final double TARGET_RSS_MB = 300;
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final Pattern RECONCILED_IN = Pattern.compile("full reconcile of \\d+ users read in (\\d+) ms");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminPassword = "bench-admin-password-1";
    private String base;

    public static void main(String[] args) throws Exception {
        new FootprintBenchmark().run(ApiSwitchBenchmark.options(args));
    }

    /** One way to run the jar that is measured: a JVM through bin/gateway, with extra environment. */
    private record Variant(String name, String java, Map<String, String> environment) {
    }

    /** One measured start. */
    private record Start(double ready, double startedIn, double reconcileMs, double rssReady, double rssLater) {
    }

    private void run(Map<String, String> options) throws Exception {
        int userCount = Integer.parseInt(options.getOrDefault("users", "10000"));
        int profileCount = Integer.parseInt(options.getOrDefault("profiles", "20"));
        int starts = Integer.parseInt(options.getOrDefault("starts", "3"));
        // Quarkus' "started in" line and the first full reconcile's (GatewayProcess keeps the rest at WARN)
        List<String> jvm = GatewayProcess.jvmOptions(options,
                List.of("-Dquarkus.log.category.\"io.quarkus\".level=INFO",
                        "-Dquarkus.log.category.\"io.profilegateway.pbx.ServerSync\".level=INFO",
                        // the timing lines of the time-trigger schedule and of the desired states' load
                        "-Dquarkus.log.category.\"io.profilegateway.trigger.time.TimeTriggerService\".level=DEBUG",
                        "-Dquarkus.log.category.\"io.profilegateway.switching.DesiredStates\".level=DEBUG"));
        AmiSimulator simulator = GatewayProcess.pbx(options, jvm).orElse(null);
        Path app = Path.of(options.getOrDefault("app", "target/quarkus-app"));
        Path jar = app.resolve("quarkus-run.jar");
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
            List<Variant> variants = variants(options, app);
            System.out.printf("%nP4 footprint, %d users, %d profiles, started by bin/gateway (its default JVM options)"
                    + " plus %s, %d cores, load average before: %s%n", userCount, profileCount,
                    options.getOrDefault("gateway-jvm", "nothing"), Runtime.getRuntime().availableProcessors(),
                    loadAverage());
            if (options.containsKey("dir") && simulator != null) {
                // this run's simulator starts empty: the first start would repair every user, which is no restart
                try (GatewayProcess warmUp = GatewayProcess.startShipped(app, variants.get(0).java(), adminPassword,
                        jvm, dir, variants.get(0).environment())) {
                    Thread.sleep(10_000); // the repairs it sent are answered
                    System.out.println("(an unmeasured start filled this run's simulator)");
                }
            }
            Map<Variant, List<Start>> measured = new java.util.LinkedHashMap<>();
            for (int i = 1; i <= starts; i++) {
                for (Variant variant : variants) { // interleaved: the machine's load hits every variant alike
                    Start start = measure(app, variant, jvm, dir);
                    System.out.printf("start %d, %s: ready (health UP, first full reconcile done) %.2f s; Quarkus "
                            + "\"started in\" %.2f s; first full reconcile read in %.0f ms; RSS %.0f MB at ready, "
                            + "%.0f MB 10 s later%n", i, variant.name(), start.ready(), start.startedIn(),
                            start.reconcileMs(), start.rssReady(), start.rssLater());
                    measured.computeIfAbsent(variant, v -> new ArrayList<>()).add(start);
                }
            }
            System.out.printf("%nload average after: %s%n", loadAverage());
            boolean met = table(measured, starts);
            System.out.println("P4 target " + (met ? "MET" : "NOT MET") + " by " + variants.get(variants.size() - 1)
                    .name() + " (worst start)");
        } finally {
            if (simulator != null) {
                simulator.stop();
            }
        }
    }

    /**
     * The benchmark's own JVM, and with {@code --java PATH} (a JDK folder or its java) that JVM with the AOT cache
     * next to the jar: trained first by docker/aot-training.sh if it is not there ({@code --train true} trains
     * again); {@code --no-cache-row true} adds that JVM without the cache.
     */
    private static List<Variant> variants(Map<String, String> options, Path app) throws Exception {
        String own = ProcessHandle.current().info().command().orElse("java");
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("Java " + Runtime.version().feature(), own, Map.of("AOT_CACHE", "/nonexistent")));
        if (!options.containsKey("java")) {
            return variants;
        }
        Path given = Path.of(options.get("java"));
        String java = Files.isDirectory(given) ? given.resolve("bin/java").toString() : given.toString();
        String version = javaVersion(java);
        Path cache = app.resolve("gateway.aot").toAbsolutePath();
        if (Boolean.parseBoolean(options.getOrDefault("no-cache-row", "false"))) {
            variants.add(new Variant("Java " + version + ", no AOT cache", java, Map.of("AOT_CACHE", "/nonexistent")));
        }
        if (!Files.exists(cache) || Boolean.parseBoolean(options.getOrDefault("train", "false"))) {
            train(app, java, cache);
        }
        System.out.printf("AOT cache: %s, %.0f MB%n", cache, Files.size(cache) / 1e6);
        variants.add(new Variant("Java " + version + " + AOT cache", java, Map.of("AOT_CACHE", cache.toString())));
        return variants;
    }

    /** The training run the Maven profile "aot" runs too (docker/aot-training.sh on the H2 build). */
    private static void train(Path app, String java, Path cache) throws Exception {
        long started = System.nanoTime();
        Files.deleteIfExists(cache);
        ProcessBuilder training = new ProcessBuilder("sh", "docker/aot-training.sh").inheritIO();
        training.environment().putAll(Map.of("AOT_DATABASE", "h2", "JAVA", java,
                "GATEWAY_APP", app.toAbsolutePath().toString(), "AOT_CACHE", cache.toString()));
        int exit = training.start().waitFor();
        if (exit != 0 || !Files.exists(cache)) {
            throw new IllegalStateException("AOT training failed (exit " + exit + ")");
        }
        System.out.printf("AOT training took %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static String javaVersion(String java) throws Exception {
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("version \"([0-9]+)").matcher(out);
        return m.find() ? m.group(1) : java;
    }

    private Start measure(Path app, Variant variant, List<String> jvm, Path dir) throws Exception {
        long launched = System.nanoTime();
        try (GatewayProcess gateway = GatewayProcess.startShipped(app, variant.java(), adminPassword, jvm, dir,
                variant.environment())) {
            double ready = (System.nanoTime() - launched) / 1e9;
            double rssReady = rssMegabytes(gateway.pid());
            Thread.sleep(10_000);
            double rssLater = rssMegabytes(gateway.pid());
            String log = Files.readString(dir.resolve("gateway.log"), StandardCharsets.UTF_8);
            return new Start(ready, last(STARTED_IN, log), last(RECONCILED_IN, log), rssReady, rssLater);
        }
    }

    /** Min / median / max per variant, and the ratios to the targets; @return whether the last variant met P4. */
    private static boolean table(Map<Variant, List<Start>> measured, int starts) {
        System.out.printf("%n%-26s | %-19s | %-19s | %-19s | %-19s | %-12s | %-12s%n", "JVM (" + starts + " starts)",
                "ready s min/med/max", "Quarkus started in s", "reconcile ms", "RSS MB max(ready,+10s)",
                "ready/3 s", "RSS/300 MB");
        boolean met = false;
        for (Map.Entry<Variant, List<Start>> e : measured.entrySet()) {
            List<Double> ready = e.getValue().stream().map(Start::ready).sorted().toList();
            List<Double> started = e.getValue().stream().map(Start::startedIn).sorted().toList();
            List<Double> reconcile = e.getValue().stream().map(Start::reconcileMs).sorted().toList();
            List<Double> rss = e.getValue().stream().map(s -> Math.max(s.rssReady(), s.rssLater())).sorted().toList();
            System.out.printf("%-26s | %-19s | %-19s | %-19s | %-19s | %5.2f (max %4.2f) | %5.2f (max %4.2f)%n",
                    e.getKey().name(), spread(ready, "%.2f"), spread(started, "%.2f"), spread(reconcile, "%.0f"),
                    spread(rss, "%.0f"), median(ready) / TARGET_READY_SECONDS, max(ready) / TARGET_READY_SECONDS,
                    median(rss) / TARGET_RSS_MB, max(rss) / TARGET_RSS_MB);
            met = max(ready) <= TARGET_READY_SECONDS && max(rss) <= TARGET_RSS_MB;
        }
        System.out.println("(ratios: median, and worst start in brackets; ≤ 1 meets the P4 target)");
        return met;
    }

    private static String spread(List<Double> sorted, String format) {
        return String.format(format, sorted.get(0)) + " / " + String.format(format, median(sorted)) + " / "
                + String.format(format, max(sorted));
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double max(List<Double> sorted) {
        return sorted.get(sorted.size() - 1);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
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

    /** The number of the last match of {@code pattern} in the log (the last start's), or NaN. */
    private static double last(Pattern pattern, String log) {
        double last = Double.NaN;
        Matcher matcher = pattern.matcher(log);
        while (matcher.find()) {
            last = Double.parseDouble(matcher.group(1));
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
