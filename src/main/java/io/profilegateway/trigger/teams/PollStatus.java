package io.profilegateway.trigger.teams;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How polling goes: the pause after failures (Retry-After of a 429, exponential backoff with jitter otherwise), the
 * throttling penalty on the interval, and what health shows. Thread-safe.
 */
final class PollStatus {

    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final Duration throttleWindow;

    private int consecutiveFailures;
    private Instant pausedUntil = Instant.EPOCH;
    private Instant throttledUntil = Instant.EPOCH;
    private Instant lastSuccess;
    private Instant lastFailure;
    private String lastError;
    private GraphFailure.Kind lastKind;

    PollStatus(Duration backoffInitial, Duration backoffMax, Duration throttleWindow) {
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
        this.throttleWindow = throttleWindow;
    }

    synchronized void success(Instant now) {
        consecutiveFailures = 0;
        lastSuccess = now;
        lastKind = null;
    }

    /** Records a failure and returns the pause it imposes on all polling of this node. */
    synchronized Duration failure(GraphFailure failure, Instant now) {
        consecutiveFailures++;
        lastFailure = now;
        lastError = failure.getMessage();
        lastKind = failure.kind();
        Duration pause;
        if (failure.kind() == GraphFailure.Kind.THROTTLED) {
            throttledUntil = now.plus(throttleWindow);
            pause = failure.retryAfter() != null ? failure.retryAfter() : backoff(consecutiveFailures);
        } else {
            pause = backoff(consecutiveFailures);
            if (failure.retryAfter() != null && failure.retryAfter().compareTo(pause) > 0) {
                pause = failure.retryAfter();
            }
        }
        Instant until = now.plus(pause);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
        return pause;
    }

    /** How long polling must still wait (zero when it may go on). */
    synchronized Duration pauseLeft(Instant now) {
        return now.isBefore(pausedUntil) ? Duration.between(now, pausedUntil) : Duration.ZERO;
    }

    /** 2 for one throttling window after a 429, else 1. */
    synchronized int penalty(Instant now) {
        return now.isBefore(throttledUntil) ? 2 : 1;
    }

    /** Exponential from the initial pause up to the longest, with "equal jitter": half fixed, half random. */
    Duration backoff(int failures) {
        long base = backoffInitial.toMillis() << Math.min(20, failures - 1);
        long capped = Math.min(Math.max(1, base), backoffMax.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(consecutiveFailures, lastSuccess, lastFailure, lastError, lastKind, pausedUntil);
    }

    record Snapshot(int consecutiveFailures, Instant lastSuccess, Instant lastFailure, String lastError,
            GraphFailure.Kind lastKind, Instant pausedUntil) {
    }
}
