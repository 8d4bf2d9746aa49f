package io.profilegateway.trigger.teams;

import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Graph's presence writes: {@code POST /users/{id}/presence/setPresence} and {@code .../clearPresence} with the app's
 * client id as session id; several at once go as one JSON {@code POST /$batch} (at most 20 requests). A 401 renews the
 * token once and tries again; failures become {@link GraphFailure}s.
 */
final class PresenceWrites {

    /** Graph's JSON batching takes at most this many requests. */
    static final int MAX_BATCH = 20;

    /** One write: set {@code presence}, or clear the session when it is null. */
    record Write(String entraId, TeamsPresence presence) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RenewableCredential credential;
    private final String baseUrl;
    private final String sessionId;
    private final Duration expiration;
    private final Duration timeout;
    private final HttpClient http;

    PresenceWrites(RenewableCredential credential, String baseUrl, String sessionId, Duration expiration,
            Duration timeout) {
        this.credential = credential;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.sessionId = sessionId;
        this.expiration = clamp(expiration);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Graph accepts PT5M to PT4H. */
    static Duration clamp(Duration asked) {
        Duration min = Duration.ofMinutes(5);
        Duration max = Duration.ofHours(4);
        return asked.compareTo(min) < 0 ? min : asked.compareTo(max) > 0 ? max : asked;
    }

    Duration expiration() {
        return expiration;
    }

    /**
     * Sends up to {@link #MAX_BATCH} writes: one alone as a plain request, more as a {@code $batch}. Returns the
     * failures by Entra id (empty when every write succeeded).
     *
     * @throws GraphFailure when the request as a whole failed
     */
    Map<String, GraphFailure> send(List<Write> writes) throws GraphFailure {
        if (writes.isEmpty() || writes.size() > MAX_BATCH) {
            throw new IllegalArgumentException("1 to " + MAX_BATCH + " writes per request");
        }
        if (writes.size() == 1) {
            Write w = writes.get(0);
            HttpResponse<String> r = post(path(w), body(w).toString());
            return r.statusCode() / 100 == 2 ? Map.of() : Map.of(w.entraId(), failure(r.statusCode(), r));
        }
        ObjectNode batch = JSON.createObjectNode();
        ArrayNode requests = batch.putArray("requests");
        for (int i = 0; i < writes.size(); i++) {
            ObjectNode req = requests.addObject();
            req.put("id", String.valueOf(i));
            req.put("method", "POST");
            req.put("url", path(writes.get(i)));
            req.putObject("headers").put("Content-Type", "application/json");
            req.set("body", body(writes.get(i)));
        }
        HttpResponse<String> r = post("/$batch", batch.toString());
        if (r.statusCode() / 100 != 2) {
            throw failure(r.statusCode(), r);
        }
        Map<String, GraphFailure> failed = new HashMap<>();
        try {
            JsonNode responses = JSON.readTree(r.body()).path("responses");
            Map<String, Integer> status = new HashMap<>();
            responses.forEach(item -> status.put(item.path("id").asText(), item.path("status").asInt(0)));
            for (int i = 0; i < writes.size(); i++) {
                int s = status.getOrDefault(String.valueOf(i), 0);
                if (s / 100 != 2) {
                    JsonNode item = find(responses, String.valueOf(i));
                    String retry = item == null ? null : item.path("headers").path("Retry-After").asText(null);
                    failed.put(writes.get(i).entraId(), failure(s,
                            retry == null ? null : GraphCalls.parseRetryAfter(retry)));
                }
            }
        } catch (IOException e) {
            throw new GraphFailure(GraphFailure.Kind.SERVER, r.statusCode(), null, "Graph's $batch answer unreadable");
        }
        return failed;
    }

    private static JsonNode find(JsonNode responses, String id) {
        for (JsonNode item : responses) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        return null;
    }

    private String path(Write w) {
        return "/users/" + URLEncoder.encode(w.entraId(), StandardCharsets.UTF_8) + "/presence/"
                + (w.presence() == null ? "clearPresence" : "setPresence");
    }

    private ObjectNode body(Write w) {
        ObjectNode body = JSON.createObjectNode().put("sessionId", sessionId);
        if (w.presence() != null) {
            body.put("availability", w.presence().availability()).put("activity", w.presence().activity())
                    .put("expirationDuration", expiration.toString());
        }
        return body;
    }

    private HttpResponse<String> post(String path, String body) throws GraphFailure {
        HttpResponse<String> r = postOnce(path, body);
        if (r.statusCode() == 401) {
            credential.renew();
            r = postOnce(path, body);
        }
        return r;
    }

    private HttpResponse<String> postOnce(String path, String body) throws GraphFailure {
        String token;
        try {
            token = credential.getTokenSync(new TokenRequestContext().addScopes(GraphClients.SCOPE)).getToken();
        } catch (RuntimeException e) {
            String why = credential.lastError();
            throw new GraphFailure(GraphFailure.Kind.TOKEN, 0, null,
                    why != null ? why : RenewableCredential.describe(e));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new GraphFailure(GraphFailure.Kind.TIMEOUT, 0, null, "Graph did not answer in time");
        } catch (IOException e) {
            throw new GraphFailure(GraphFailure.Kind.UNREACHABLE, 0, null, "Graph is not reachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphFailure(GraphFailure.Kind.UNREACHABLE, 0, null, "interrupted");
        }
    }

    private static GraphFailure failure(int status, HttpResponse<String> r) {
        return failure(status, r.headers().firstValue("Retry-After").map(GraphCalls::parseRetryAfter).orElse(null));
    }

    private static GraphFailure failure(int status, Duration retryAfter) {
        String text = "Graph answered HTTP " + status + " to a presence write";
        if (status == 429) {
            return new GraphFailure(GraphFailure.Kind.THROTTLED, status, retryAfter, text);
        }
        if (status >= 500 || status == 0) {
            return new GraphFailure(GraphFailure.Kind.SERVER, status, retryAfter, text);
        }
        if (status == 401) {
            return new GraphFailure(GraphFailure.Kind.UNAUTHORIZED, status, null, text);
        }
        if (status == 403) {
            text += "; the app needs " + String.join(", ", GraphClients.PUBLISH_PERMISSIONS)
                    + " with admin consent (graph-setup/register-app.sh --publish)";
        }
        return new GraphFailure(GraphFailure.Kind.REJECTED, status, null, text);
    }
}
