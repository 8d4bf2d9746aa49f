package io.profilegateway.bench;

import io.profilegateway.pbx.simulator.AmiSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P6 (quality.md): SSE clients connected to {@code GET /api/v1/events} while switches run at a fixed rate. Prints the
 * switches' figures without and with the clients side by side (P3 unchanged?), the delay from a switch (the event's
 * {@code since}, taken just before the switch commits) to its event arriving at a client (p50/p90/p99, target p99
 * ≤ 50 ms), the events delivered per second and the gateway's CPU per delivered event.
 *
 * <p>Each client is a user of one of 20 groups; with {@code --fanout group} (the default) a group's members see each
 * other (EMPLOYEE) and nobody else (other groups BLOCKED), so a switch reaches the clients of its user's group, as on
 * a site with departments; {@code --fanout all} gives everyone EMPLOYEE on everyone (every switch to every client).
 *
 * <pre>bench/events.sh [--clients 2000] [--rate 1000] [--seconds 20] [--warm-up 60] [--fanout group|all]
 *     [--ami host:port --ami-user … --ami-secret …]</pre>
 */
public final class EventsBenchmark {

    private static final Pattern SINCE = Pattern.compile("\"since\":\"([^\"]+)\"");
    private static final double TARGET_P99_MS = 50;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiSwitchBenchmark.options(args);
        int clients = Integer.parseInt(options.getOrDefault("clients", "2000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "20"));
        double warmUp = Double.parseDouble(options.getOrDefault("warm-up", "60"));
        boolean groupFanout = !options.getOrDefault("fanout", "group").equals("all");
        String adminPassword = "bench-admin-password-1";
        List<String> jvm = GatewayProcess.jvmOptions(options, List.of("-Xmx1g"));
        AmiSimulator simulator = GatewayProcess.pbx(options, jvm).orElse(null);
        try (GatewayProcess gateway = GatewayProcess.start(Path.of("target/quarkus-app/quarkus-run.jar"),
                adminPassword, jvm)) {
            run(gateway, adminPassword, clients, rate, seconds, warmUp, groupFanout);
        } finally {
            if (simulator != null) {
                simulator.stop();
            }
        }
    }

    private static void run(GatewayProcess gateway, String adminPassword, int clientCount, int rate, double seconds,
            double warmUp, boolean groupFanout) throws Exception {
        var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        ApiSwitchBenchmark.Setup setup = new ApiSwitchBenchmark.Setup(http, gateway.baseUrl, adminPassword);
        String admin = setup.adminToken();
        long profile = setup.benchProfile();
        List<Long> groups = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> defaults = groupFanout
                    ? Map.of("sameGroup", "EMPLOYEE", "otherGroups", "BLOCKED", "outside", "BLOCKED")
                    : Map.of("sameGroup", "EMPLOYEE", "otherGroups", "EMPLOYEE", "outside", "EMPLOYEE");
            groups.add(setup.post("/api/v1/groups", Map.of("name", "Events bench " + System.nanoTime() + "-" + i,
                    "timeZone", "Europe/Berlin", "relationshipDefaults", defaults), "POST").get("id").asLong());
        }
        long start = System.nanoTime();
        List<Long> users = setup.users(clientCount, groups);
        List<String> tokens = new ArrayList<>();
        for (long user : users) {
            tokens.add(setup.post("/api/v1/users/" + user + "/tokens", Map.of("name", "events"), "POST").get("token")
                    .asText());
        }
        System.out.printf("setup: %d users in 20 groups (fan-out: %s), each with an API token, in %.1f s%n",
                users.size(), groupFanout ? "his group" : "everyone", (System.nanoTime() - start) / 1e9);

        int[] next = new int[users.size()];
        IntFunction<LoadRun.Call> switches = i -> {
            int u = i % users.size();
            long target = next[u]++ % 2 == 0 ? profile : 1L;
            return new LoadRun.Call(HttpMethod.PUT, "/api/v1/users/" + users.get(u) + "/profile",
                    Map.of("Authorization", "Bearer " + admin, "Content-Type", "application/json"),
                    "{\"profileId\":" + target + "}");
        };
        ProcessHandle server = ProcessHandle.of(gateway.pid()).orElse(null);
        JitWatch jit = JitWatch.attach(server);
        try (LoadRun load = new LoadRun(gateway.baseUrl, 32, server, jit)) {
            load.run("warm-up without clients", rate, warmUp, switches);
            LoadRun.Result without = load.run("switches without clients", rate, seconds, switches);

            Deliveries deliveries = new Deliveries();
            Vertx vertx = Vertx.vertx();
            try {
                connect(vertx, gateway.baseUrl, tokens, deliveries);
                load.run("warm-up with clients", rate, warmUp / 2, switches);
                deliveries.reset();
                long cpuBefore = cpuNanos(server);
                LoadRun.Result with = load.run("switches with " + clientCount + " clients", rate, seconds, switches);
                Thread.sleep(1000); // the last events on their way
                double cpuSeconds = (cpuNanos(server) - cpuBefore) / 1e9;
                report(without, with, deliveries, cpuSeconds, clientCount);
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        } finally {
            if (jit != null) {
                jit.close();
            }
        }
    }

    private static void report(LoadRun.Result without, LoadRun.Result with, Deliveries d, double cpuSeconds,
            int clients) {
        System.out.println();
        System.out.println("P6 live events benchmark, " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println(without.line());
        System.out.println(with.line());
        long[] delays = d.delays();
        double measured = with.seconds() + 1;
        System.out.printf("events delivered: %,d (%,.0f/s) to %d clients, %d clients connected at the end, %d "
                + "streams ended%n", delays.length, delays.length / measured, clients, d.open.get(), d.ended.get());
        if (delays.length > 0) {
            System.out.printf("switch -> event delivered: p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms "
                    + "(p99/target = %.2f, target %.0f ms)%n", pct(delays, 50), pct(delays, 90), pct(delays, 99),
                    pct(delays, 100), pct(delays, 99) / TARGET_P99_MS, TARGET_P99_MS);
            double switchCpu = without.serverCpuMillisPerRequest() * with.ok() / 1000;
            System.out.printf("gateway CPU: %.2f s with clients, of which %.2f s beyond the switches alone: "
                    + "%.1f µs per delivered event%n", cpuSeconds, cpuSeconds - switchCpu,
                    (cpuSeconds - switchCpu) * 1e6 / delays.length);
        }
        System.out.printf("P3 side by side: p99 %.1f ms without clients, %.1f ms with (ratio %.2f), achieved %.0f/s vs "
                + "%.0f/s%n", without.percentileMillis(99), with.percentileMillis(99),
                with.percentileMillis(99) / without.percentileMillis(99), without.achievedPerSecond(),
                with.achievedPerSecond());
        boolean met = delays.length > 0 && pct(delays, 99) <= TARGET_P99_MS && with.errors() == 0
                && with.percentileMillis(99) <= 25 && with.achievedPerSecond() >= 0.98 * with.offeredRate();
        System.out.println("P6 target " + (met ? "MET" : "NOT MET"));
    }

    private static long cpuNanos(ProcessHandle server) {
        return server.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1000.0;
    }

    /** Every client's stream: counts each profile event and the delay from its {@code since}. */
    private static void connect(Vertx vertx, String base, List<String> tokens, Deliveries deliveries)
            throws InterruptedException {
        URI uri = URI.create(base);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost())
                .setDefaultPort(uri.getPort()).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(tokens.size()));
        AtomicInteger failed = new AtomicInteger();
        for (String token : tokens) {
            client.request(new RequestOptions().setMethod(HttpMethod.GET).setURI("/api/v1/events")
                    .putHeader("Authorization", "Bearer " + token).putHeader("Accept", "text/event-stream"))
                    .compose(request -> request.send()).onSuccess(response -> {
                        if (response.statusCode() != 200) {
                            failed.incrementAndGet();
                            return;
                        }
                        deliveries.open.incrementAndGet();
                        String[] rest = {""};
                        response.handler(buffer -> {
                            // a buffer may carry many frames: walk its lines, keep the unfinished one
                            String text = rest[0].isEmpty() ? buffer.toString() : rest[0] + buffer;
                            int from = 0;
                            int nl;
                            while ((nl = text.indexOf('\n', from)) >= 0) {
                                if (text.startsWith("data:", from)) {
                                    Matcher m = SINCE.matcher(text).region(from, nl);
                                    if (m.find()) {
                                        deliveries.add(System.currentTimeMillis() * 1000
                                                - Instant.parse(m.group(1)).toEpochMilli() * 1000);
                                    }
                                }
                                from = nl + 1;
                            }
                            rest[0] = text.substring(from);
                        });
                        response.endHandler(v -> {
                            deliveries.open.decrementAndGet();
                            deliveries.ended.incrementAndGet();
                        });
                    }).onFailure(e -> failed.incrementAndGet());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (deliveries.open.get() + failed.get() < tokens.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.printf("clients: %d streams open, %d refused%n", deliveries.open.get(), failed.get());
    }

    /** Delays in microseconds, from many event-loop threads. */
    private static final class Deliveries {
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger ended = new AtomicInteger();
        private final AtomicLongArray delays = new AtomicLongArray(10_000_000);
        private final AtomicLong count = new AtomicLong();

        void add(long micros) {
            long i = count.getAndIncrement();
            if (i < delays.length()) {
                delays.set((int) i, Math.max(0, micros));
            }
        }

        void reset() {
            count.set(0);
        }

        long[] delays() {
            int n = (int) Math.min(count.get(), delays.length());
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = delays.get(i);
            }
            Arrays.sort(out);
            return out;
        }
    }
}
