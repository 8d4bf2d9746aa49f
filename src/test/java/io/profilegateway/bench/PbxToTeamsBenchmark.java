package io.profilegateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.pbx.simulator.DeviceState;
import io.profilegateway.trigger.teams.GraphWireMock;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Teams presence from the PBX ({@code bench/teams.sh --direction pbx-to-teams}): N users with Entra ids, M of them start
 * a call at one instant (their device {@code PJSIP/pgb<ext>} goes INUSE on the simulator's phone side; a real
 * Asterisk's PJSIP device states come from real calls, which this benchmark does not place, so {@code --ami} is
 * refused); measured from the device state change
 * to Graph's (WireMock's) receipt of that user's setPresence (request journal), and Graph's requests per second
 * (each request inside a {@code $batch} counted, as Graph's throttling counts them).
 *
 * <pre>bench/teams.sh --direction pbx-to-teams [--users 10000] [--calls 500] [--publish-share 0.15]
 *     </pre>
 */
public final class PbxToTeamsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "bench-admin-password-1";
    private static final Pattern SET = Pattern.compile("/users/([^/\"]+)/presence/setPresence");

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    private PbxToTeamsBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiSwitchBenchmark.options(args);
        GraphWireMock wireMock = new GraphWireMock();
        Map<String, String> graphConfig = wireMock.start();
        try {
            new PbxToTeamsBenchmark(options).run(graphConfig);
        } finally {
            wireMock.stop();
        }
        System.exit(0);
    }

    private void run(Map<String, String> graphConfig) throws Exception {
        if (options.containsKey("ami")) {
            throw new IllegalArgumentException("--direction pbx-to-teams runs on the simulator only: a real Asterisk's "
                    + "PJSIP device states come from real calls, which this benchmark does not place");
        }
        int userCount = Integer.parseInt(options.getOrDefault("users", "10000"));
        int calls = Integer.parseInt(options.getOrDefault("calls", "500"));
        String share = options.getOrDefault("publish-share", "0.15");
        List<String> jvm = GatewayProcess.jvmOptions(options, List.of("-Xmx2g"));
        Optional<AmiSimulator> simulator = GatewayProcess.pbx(options, jvm);
        for (String key : List.of("tenant-id", "client-id", "client-secret", "base-url", "authority-url")) {
            jvm.add("-Dgateway.graph." + key + "=" + graphConfig.get("gateway.graph." + key));
        }
        jvm.add("-Dgateway.graph.publish.enabled=true");
        jvm.add("-Dgateway.graph.publish.throttle-share=" + share);
        jvm.add("-Dgateway.graph.publish.roster-refresh=2s");
        jvm.add("-Djavax.net.ssl.trustStore=" + graphConfig.get("graph-test.truststore"));
        jvm.add("-Djavax.net.ssl.trustStorePassword=" + graphConfig.get("graph-test.truststore-password"));
        jvm.add("-Djavax.net.ssl.trustStoreType=PKCS12");
        Path dir = Files.createTempDirectory("pbx-teams-bench");
        try (GatewayProcess gateway = GatewayProcess.start(Path.of(options.getOrDefault("jar",
                "target/quarkus-app/quarkus-run.jar")), ADMIN_PASSWORD, jvm, dir);
                DeviceStates devices = new DeviceStates(simulator.orElseThrow())) {
            base = gateway.baseUrl;
            Map<String, String> deviceByEntra = setUp(userCount);
            List<String> entraIds = new ArrayList<>(deviceByEntra.keySet());
            await(() -> metric("gateway_graph_publish_users") >= userCount, "the publisher holds every user");
            // warm-up: one call end to end (token, HTTP client), then a clean journal
            String warm = entraIds.get(userCount - 1);
            devices.set(deviceByEntra.get(warm), "INUSE");
            await(() -> setPresenceTimes().containsKey(warm), "the warm-up setPresence");
            devices.set(deviceByEntra.get(warm), "NOT_INUSE");
            Thread.sleep(2000);
            GraphWireMock.server().resetRequests();

            Map<String, Long> eventAt = new HashMap<>();
            for (String id : entraIds.subList(0, calls)) {
                eventAt.put(id, System.currentTimeMillis());
                devices.set(deviceByEntra.get(id), "INUSE");
            }
            long sent = System.currentTimeMillis();
            await(() -> setPresenceTimes().keySet().containsAll(eventAt.keySet()), "every setPresence");
            Map<String, Long> arrived = setPresenceTimes();
            List<Long> latency = new ArrayList<>();
            eventAt.forEach((id, at) -> latency.add(arrived.get(id) - at));
            latency.sort(Long::compare);
            List<LoggedRequest> journal = GraphWireMock.server().getAllServeEvents().stream()
                    .map(e -> e.getRequest()).map(LoggedRequest.class::cast).toList();
            long first = journal.stream().mapToLong(r -> r.getLoggedDate().getTime()).min().orElse(sent);
            long last = journal.stream().mapToLong(r -> r.getLoggedDate().getTime()).max().orElse(sent);
            long graphRequests = journal.stream().mapToLong(PbxToTeamsBenchmark::requestsIn).sum();
            double seconds = Math.max(0.001, (last - first) / 1000.0);
            System.out.printf("%nPBX → Teams benchmark: %d users with Entra ids, %d calls start at once (events sent "
                    + "in %d ms); %d cores; AMI %s; publish.throttle-share %s%n", userCount, calls,
                    sent - eventAt.values().stream().mapToLong(Long::longValue).min().orElse(sent),
                    Runtime.getRuntime().availableProcessors(), simulator.isPresent() ? "simulator" : options.get("ami"),
                    share);
            System.out.printf("device state change → setPresence at Graph: p50 %d ms, p95 %d ms, max %d ms%n",
                    pct(latency, 0.50), pct(latency, 0.95), latency.get(latency.size() - 1));
            System.out.printf("Graph: %d HTTP requests carrying %d presence requests in %.1f s: %.1f requests/s "
                    + "(budget %.1f/s of Graph's 1,500 / 30 s)%n", journal.size(), graphRequests, seconds,
                    graphRequests / seconds, 1500 * Double.parseDouble(share) / 30);
        } finally {
            simulator.ifPresent(AmiSimulator::stop);
        }
    }

    private static long requestsIn(LoggedRequest r) {
        if (!r.getUrl().endsWith("/$batch")) {
            return r.getUrl().contains("/presence/") ? 1 : 0;
        }
        try {
            return JSON.readTree(r.getBodyAsString()).path("requests").size();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** When Graph received each user's (first) setPresence, by Entra id. */
    private static Map<String, Long> setPresenceTimes() {
        Map<String, Long> times = new HashMap<>();
        for (var event : GraphWireMock.server().getAllServeEvents()) {
            LoggedRequest r = event.getRequest();
            String text = r.getUrl().endsWith("/$batch") ? r.getBodyAsString() : r.getUrl();
            Matcher m = SET.matcher(text);
            while (m.find()) {
                times.merge(m.group(1), r.getLoggedDate().getTime(), Math::min);
            }
        }
        return times;
    }

    private Map<String, String> setUp(int count) throws Exception {
        long group = call("POST", "/api/v1/groups", Map.of("name", "PBX to Teams bench " + System.nanoTime(),
                "timeZone", "Europe/Berlin")).get("id").asLong();
        Semaphore inFlight = new Semaphore(16);
        Map<String, String> deviceByEntra = new java.util.LinkedHashMap<>();
        List<CompletableFuture<?>> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String extension = "8" + String.format("%05d", i);
            String entraId = UUID.randomUUID().toString();
            String device = "PJSIP/pgb" + extension;
            deviceByEntra.put(entraId, device);
            Map<String, Object> body = Map.of("extension", extension, "displayName", "PBX bench " + i,
                    "primaryGroupId", group, "entraObjectId", entraId, "devices", List.of(device));
            inFlight.acquire();
            created.add(http.sendAsync(request("POST", "/api/v1/users", body), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> inFlight.release()).thenApply(r -> check(r, "POST /api/v1/users")));
        }
        created.forEach(CompletableFuture::join);
        return deviceByEntra;
    }

    /** Sets device states on the simulator's phone side, as a phone going off-hook would. */
    private record DeviceStates(AmiSimulator simulator) implements AutoCloseable {

        void set(String device, String state) {
            simulator.phone().setDeviceState(device, DeviceState.parse(state));
        }

        @Override
        public void close() {
            // the simulator is stopped by the run
        }
    }

    // ---- helpers

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private double metric(String name) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.eE+-]+)").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private JsonNode call(String method, String path, Object body) throws Exception {
        return JSON.readTree(check(http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString()),
                method + " " + path));
    }

    private HttpRequest request(String method, String path, Object body) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private static String check(HttpResponse<String> response, String what) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(what + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
