package io.profilegateway.trigger.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph's answers as a WireMock transformer: presences from a table the tests set (unknown ids are Available),
 * directory look-ups by {@code mail in (...)} / {@code userPrincipalName in (...)} from a table of addresses. Records
 * the size of every presence batch.
 */
public class FakeGraph implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-graph";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FILTER = Pattern.compile("(mail|userPrincipalName) in \\((.*)\\)");

    private final Map<String, String> activities = new ConcurrentHashMap<>();
    private final Map<String, String> directory = new ConcurrentHashMap<>();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    /** Presence sessions set with setPresence: id → {availability, activity}. */
    private final Map<String, String[]> sessions = new ConcurrentHashMap<>();
    private static final Pattern WRITE = Pattern.compile("/users/([^/]+)/presence/(setPresence|clearPresence)");

    public void setActivity(String entraId, String activity) {
        activities.put(entraId.toLowerCase(Locale.ROOT), activity);
    }

    public void addDirectoryUser(String address, String entraId) {
        directory.put(address.toLowerCase(Locale.ROOT), entraId);
    }

    public List<Integer> batchSizes() {
        return batchSizes;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        try {
            String url = event.getRequest().getUrl();
            if (url.endsWith("/$batch")) {
                return batch(event.getRequest().getBodyAsString());
            }
            Matcher write = WRITE.matcher(url);
            if (write.find()) {
                int status = write(write.group(1), write.group(2), JSON.readTree(event.getRequest().getBodyAsString()));
                return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(status).build();
            }
            if (url.contains("/subscriptions")) {
                return subscription(event.getRequest().getBodyAsString(), url);
            }
            return url.contains("getPresencesByUserId") ? presences(event.getRequest().getBodyAsString())
                    : users(event.getRequest().queryParameter("$filter").firstValue());
        } catch (Exception e) {
            return bad("fake graph: " + e.getMessage());
        }
    }

    private ResponseDefinition presences(String body) throws Exception {
        JsonNode ids = JSON.readTree(body).get("ids");
        batchSizes.add(ids.size());
        ArrayNode value = JSON.createArrayNode();
        for (JsonNode id : ids) {
            String key = id.asText().toLowerCase(Locale.ROOT);
            String activity = activities.getOrDefault(key, "Available");
            String availability = availability(activity);
            String[] session = sessions.get(key);
            if (session != null && "Available".equals(activity)) { // the aggregate: a session beats plain Available
                availability = session[0];
                activity = session[1];
            }
            ObjectNode p = value.addObject();
            p.put("id", id.asText());
            p.put("availability", availability);
            p.put("activity", activity);
        }
        return ok(JSON.createObjectNode().set("value", value));
    }

    /** POST: the subscription with a new id (201); PATCH: the subscription with its id. */
    private ResponseDefinition subscription(String body, String url) throws Exception {
        ObjectNode sub = (ObjectNode) JSON.readTree(body);
        boolean create = url.endsWith("/subscriptions");
        sub.put("id", create ? java.util.UUID.randomUUID().toString() : url.substring(url.lastIndexOf('/') + 1));
        return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(create ? 201 : 200)
                .withHeader("Content-Type", "application/json").withBody(sub.toString()).build();
    }

    private ResponseDefinition users(String filter) {
        Matcher m = FILTER.matcher(filter);
        if (!m.matches()) {
            return bad("unsupported filter");
        }
        ArrayNode value = JSON.createArrayNode();
        for (String quoted : m.group(2).split(",")) {
            String address = quoted.trim().replaceAll("^'|'$", "").replace("''", "'");
            String id = directory.get(address.toLowerCase(Locale.ROOT));
            if (id != null) {
                ObjectNode u = value.addObject();
                u.put("id", id);
                u.put(m.group(1), address);
            }
        }
        return ok(JSON.createObjectNode().set("value", value));
    }

    /** The session's presence of this user as the gateway set it, or null. */
    public String[] session(String entraId) {
        return sessions.get(entraId.toLowerCase(Locale.ROOT));
    }

    private int write(String entraId, String operation, JsonNode body) {
        if (!body.hasNonNull("sessionId")) {
            return 400;
        }
        String key = java.net.URLDecoder.decode(entraId, java.nio.charset.StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT);
        if ("setPresence".equals(operation)) {
            sessions.put(key, new String[] {body.path("availability").asText(), body.path("activity").asText()});
        } else {
            sessions.remove(key);
        }
        return 200;
    }

    /** JSON batching: every request of the batch is answered in one body. */
    private ResponseDefinition batch(String body) throws Exception {
        ArrayNode responses = JSON.createArrayNode();
        for (JsonNode request : JSON.readTree(body).path("requests")) {
            Matcher m = WRITE.matcher(request.path("url").asText());
            int status = m.find() ? write(m.group(1), m.group(2), request.path("body")) : 404;
            responses.addObject().put("id", request.path("id").asText()).put("status", status);
        }
        return ok(JSON.createObjectNode().set("responses", responses));
    }

    private static ResponseDefinition ok(JsonNode body) {
        return com.github.tomakehurst.wiremock.client.WireMock.okForContentType("application/json", body.toString())
                .build();
    }

    private static ResponseDefinition bad(String message) {
        return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400).withBody(message).build();
    }

    private static String availability(String activity) {
        return switch (activity) {
            case "InACall", "InAConferenceCall", "InAMeeting", "Presenting", "Busy" -> "Busy";
            case "Offline", "OffWork" -> "Offline";
            case "PresenceUnknown" -> "PresenceUnknown";
            case "Away", "BeRightBack" -> activity;
            case "DoNotDisturb", "UrgentInterruptionsOnly" -> "DoNotDisturb";
            default -> "Available";
        };
    }
}
