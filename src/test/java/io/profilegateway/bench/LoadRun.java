package io.profilegateway.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop load at a fixed offered rate: request i is due at start + i/rate and its latency is counted from that
 * moment, not from when it was actually sent, so a stalled server cannot hide its queueing (no coordinated omission).
 */
final class LoadRun {

    record Result(String name, int offeredRate, int sent, int ok, int errors, double seconds, long[] latenciesMicros,
            List<String> errorSamples) {

        double achievedPerSecond() {
            return ok / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesMicros.length) - 1;
            return latenciesMicros[Math.max(0, Math.min(index, latenciesMicros.length - 1))] / 1000.0;
        }

        String line() {
            return String.format("%-26s offered %5d/s  achieved %7.1f/s  ok %6d  errors %4d  p50 %6.2f ms  "
                    + "p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms", name, offeredRate, achievedPerSecond(), ok, errors,
                    percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(100));
        }
    }

    private LoadRun() {
    }

    static Result run(String name, HttpClient client, int rate, double seconds, IntFunction<HttpRequest> request)
            throws InterruptedException {
        int total = (int) (rate * seconds);
        long[] latencies = new long[total];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<String> errorSamples = new CopyOnWriteArrayList<>();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 200_000));
            }
            int slot = i;
            CompletableFuture<HttpResponse<String>> future = client.sendAsync(request.apply(i),
                    HttpResponse.BodyHandlers.ofString());
            future.whenComplete((response, failure) -> {
                latencies[slot] = (System.nanoTime() - due) / 1000;
                if (failure == null && response.statusCode() < 300) {
                    ok.incrementAndGet();
                } else {
                    latencies[slot] = -1;
                    errors.incrementAndGet();
                    if (errorSamples.size() < 5) {
                        errorSamples.add(failure != null ? failure.toString()
                                : response.statusCode() + " " + response.body());
                    }
                }
                done.incrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (done.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] measured = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        return new Result(name, rate, total, ok.get(), errors.get() + (total - done.get()), elapsed, measured,
                errorSamples);
    }
}
