package io.profilegateway.trigger.teams;

import java.time.Duration;

/**
 * A token bucket for presence writes: {@code limit × share} requests per window (Graph counts each request inside a
 * {@code $batch}), beside the poller's own share of the same per-tenant budget. Not thread-safe: one sender uses it.
 */
final class WriteBudget {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    WriteBudget(int limit, Duration window, double share) {
        double perWindow = Math.max(1, limit * share);
        this.perNano = perWindow / window.toNanos();
        this.capacity = Math.max(PresenceWrites.MAX_BATCH, perWindow / window.toSeconds() * 2);
        this.tokens = capacity;
        this.last = System.nanoTime();
    }

    /** Requests that may go now. */
    int available() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        return (int) tokens;
    }

    void take(int requests) {
        tokens -= requests;
    }

    /** How long until {@code requests} are available. */
    Duration waitFor(int requests) {
        double missing = requests - tokens;
        return missing <= 0 ? Duration.ZERO : Duration.ofNanos((long) (missing / perNano) + 1);
    }
}
