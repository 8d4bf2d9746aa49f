package io.profilegateway.trigger.teams;

import java.time.Duration;

/**
 * A Graph request that did not succeed, sorted by what the poller does about it. The message is safe for logs and
 * health: a status, Graph's error code, never a token or secret.
 */
final class GraphFailure extends Exception {

    enum Kind {
        /** 429: wait Retry-After. */
        THROTTLED,
        /** 5xx: back off with jitter. */
        SERVER,
        /** No answer within the request time-out. */
        TIMEOUT,
        /** Graph not reachable (connection refused, DNS). */
        UNREACHABLE,
        /** 401 even with a freshly fetched token. */
        UNAUTHORIZED,
        /** No token: the token endpoint failed or refused (e.g. an expired client secret). */
        TOKEN,
        /** Any other 4xx (a missing permission, a malformed id). */
        REJECTED
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    GraphFailure(Kind kind, int status, Duration retryAfter, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was none. */
    int status() {
        return status;
    }

    /** Graph's Retry-After (429 and sometimes 503), or null. */
    Duration retryAfter() {
        return retryAfter;
    }

    /** The metric tag of the outcome. */
    String outcome() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
