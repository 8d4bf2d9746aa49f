package io.profilegateway.trigger.teams;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one Graph SDK call: a 401 renews the token once and tries again; every failure becomes a {@link GraphFailure}
 * of the right kind (429 with its Retry-After, 5xx, time-out, token endpoint down, ...).
 */
final class GraphCalls {

    private GraphCalls() {
    }

    static <T> T call(RenewableCredential credential, Supplier<T> request) throws GraphFailure {
        try {
            return request.get();
        } catch (RuntimeException first) {
            GraphFailure failure = classify(first, credential);
            if (failure.kind() != GraphFailure.Kind.UNAUTHORIZED) {
                throw failure;
            }
            credential.renew();
            try {
                return request.get();
            } catch (RuntimeException second) {
                throw classify(second, credential);
            }
        }
    }

    static GraphFailure classify(Throwable e, RenewableCredential credential) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api && api.getResponseStatusCode() > 0) {
                return fromStatus(api);
            }
            if (t instanceof ClientAuthenticationException || t instanceof MsalException) {
                String why = credential.lastError();
                return new GraphFailure(GraphFailure.Kind.TOKEN, 0, null,
                        why != null ? why : RenewableCredential.describe(t));
            }
            if (t instanceof InterruptedIOException) {
                return new GraphFailure(GraphFailure.Kind.TIMEOUT, 0, null, "Graph did not answer in time");
            }
            if (t instanceof IOException) {
                return new GraphFailure(GraphFailure.Kind.UNREACHABLE, 0, null, "Graph is not reachable");
            }
        }
        return new GraphFailure(GraphFailure.Kind.UNREACHABLE, 0, null, "Graph request failed unexpectedly");
    }

    private static GraphFailure fromStatus(ApiException api) {
        int status = api.getResponseStatusCode();
        String code = api instanceof ODataError odata && odata.getError() != null && odata.getError().getCode() != null
                ? " " + odata.getError().getCode() : "";
        String text = "Graph answered HTTP " + status + code;
        if (status == 429) {
            return new GraphFailure(GraphFailure.Kind.THROTTLED, status, retryAfter(api), text);
        }
        if (status == 401) {
            return new GraphFailure(GraphFailure.Kind.UNAUTHORIZED, status, null, text);
        }
        if (status >= 500) {
            return new GraphFailure(GraphFailure.Kind.SERVER, status, retryAfter(api), text);
        }
        if (status == 403) {
            text += "; the app needs " + String.join(", ", GraphClients.APPLICATION_PERMISSIONS)
                    + " with admin consent (graph-setup/)";
        }
        return new GraphFailure(GraphFailure.Kind.REJECTED, status, null, text);
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(ApiException api) {
        if (api.getResponseHeaders() == null) {
            return null;
        }
        for (Map.Entry<String, Set<String>> header : api.getResponseHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Retry-After") && !header.getValue().isEmpty()) {
                return parseRetryAfter(header.getValue().iterator().next());
            }
        }
        return null;
    }

    static Duration parseRetryAfter(String value) {
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notDate) {
                return null;
            }
        }
    }
}
