package io.profilegateway.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop load at a fixed offered rate: request i is due at start + i/rate and its latency is counted from that
 * moment, not from when it was actually sent, so a stalled server cannot hide its queueing (no coordinated omission).
 * The client is Vert.x's non-blocking HTTP/1.1 client with a fixed pool of keep-alive connections, so the client
 * itself is never the bottleneck (the JDK {@code HttpClient} stalled at a few hundred requests per second here).
 * The pacing thread only schedules: every request, with its whole callback chain, is issued on one Vert.x event-loop
 * context. Issued from the pacing thread itself, a fast answer (0.3 ms for {@code /q/health/live}) could arrive and
 * end before that thread had attached the {@code body()} step; Vert.x then runs the step later on the event loop, the
 * response's end has already gone by ({@code HttpClientResponseImpl.handleEnd} only notifies a handler that exists)
 * and {@code body()} never completes: requests "never answered" although the server had answered them.
 */
final class LoadRun implements AutoCloseable {

    /** One HTTP request: method, path below the base URL, headers and an optional body. */
    record Call(HttpMethod method, String path, Map<String, String> headers, String body) {
    }

    /**
     * {@code errors}: HTTP status ≥ 300 or a failed exchange; {@code unanswered}: no outcome within the drain
     * deadline; {@code seconds}: from the first due time to the last answer (send window plus drain, never the
     * time spent waiting in vain for unanswered requests); {@code serverCpuSeconds}: CPU the server process used
     * meanwhile, NaN when it is not a process of this machine that the run knows; {@code serverJitMillis}: the
     * server's JIT compile time meanwhile, -1 when it cannot be observed.
     */
    record Result(String name, int offeredRate, int sent, int ok, int errors, int unanswered, double seconds,
            long[] latenciesMicros, List<String> errorSamples, double serverCpuSeconds, long serverJitMillis) {

        /** The server's CPU per answered request: what a request costs, whether or not the server kept up. */
        double serverCpuMillisPerRequest() {
            return ok > 0 ? serverCpuSeconds * 1000 / ok : Double.NaN;
        }

        /** Successful answers per second of the send window plus drain. */
        double achievedPerSecond() {
            return seconds > 0 ? ok / seconds : 0;
        }

        double percentileMillis(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesMicros.length) - 1;
            return latenciesMicros[Math.max(0, Math.min(index, latenciesMicros.length - 1))] / 1000.0;
        }

        String line() {
            return String.format("%-28s offered %5d/s  achieved %7.1f/s (%5.1f s)  ok %6d  errors %4d  unanswered %4d"
                    + "  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms  server CPU %.2f ms/request%s", name,
                    offeredRate, achievedPerSecond(), seconds, ok, errors, unanswered, percentileMillis(50),
                    percentileMillis(90), percentileMillis(99), percentileMillis(100), serverCpuMillisPerRequest(),
                    serverJitMillis < 0 ? "" : String.format(", JIT %,d ms", serverJitMillis));
        }
    }

    private final Vertx vertx = Vertx.vertx();
    /** Held here: Vert.x keeps the pacing thread's context only weakly. */
    private final Context context = vertx.getOrCreateContext();
    private final HttpClient client;
    private final String host;
    private final int port;
    private final ProcessHandle server;
    private final JitWatch jit;

    /**
     * {@code server}: the server's process when it runs on this machine (its CPU is measured), else null;
     * {@code jit}: its JIT compiler, or null.
     */
    LoadRun(String baseUrl, int connections, ProcessHandle server, JitWatch jit) {
        this.server = server;
        this.jit = jit;
        URI uri = URI.create(baseUrl);
        host = uri.getHost();
        port = uri.getPort();
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false)
                .setConnectTimeout(5000), new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    Result run(String name, int rate, double seconds, IntFunction<Call> calls) throws InterruptedException {
        int total = (int) (rate * seconds);
        long[] latencies = new long[total];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        List<String> errorSamples = new CopyOnWriteArrayList<>();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long cpuStart = serverCpuNanos();
        long jitStart = jitMillis();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 100_000));
            }
            int slot = i;
            Call call = calls.apply(i);
            RequestOptions options = new RequestOptions().setMethod(call.method()).setHost(host).setPort(port)
                    .setURI(call.path());
            call.headers().forEach(options::putHeader);
            context.runOnContext(ignored -> client.request(options)
                    .compose(request -> call.body() == null ? request.send() : request.send(call.body()))
                    .compose(response -> response.body().map(body -> Map.entry(response.statusCode(), body)))
                    .onComplete(outcome -> {
                        long now = System.nanoTime();
                        lastAnswer.accumulateAndGet(now, Math::max);
                        long latency = (now - due) / 1000;
                        if (outcome.succeeded() && outcome.result().getKey() < 300) {
                            latencies[slot] = Math.max(1, latency);
                            ok.incrementAndGet();
                        } else {
                            latencies[slot] = -1;
                            errors.incrementAndGet();
                            if (errorSamples.size() < 5) {
                                errorSamples.add(outcome.failed() ? outcome.cause().toString()
                                        : outcome.result().getKey() + " " + bodyText(outcome.result().getValue()));
                            }
                        }
                        done.incrementAndGet();
                    }));
        }
        long sendEnd = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (done.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        double elapsed = (Math.max(sendEnd, lastAnswer.get()) - start) / 1e9;
        double cpuSeconds = cpuStart < 0 ? Double.NaN : (serverCpuNanos() - cpuStart) / 1e9;
        long[] measured = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        return new Result(name, rate, total, ok.get(), errors.get(), total - done.get(), elapsed, measured,
                errorSamples, cpuSeconds, jitStart < 0 ? -1 : jitMillis() - jitStart);
    }

    private long jitMillis() {
        return jit == null ? -1 : jit.compileMillis();
    }

    private long serverCpuNanos() {
        return server == null ? -1 : server.info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
    }

    private static String bodyText(Buffer body) {
        String text = body.toString();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
