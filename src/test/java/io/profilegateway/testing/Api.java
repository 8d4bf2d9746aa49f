package io.profilegateway.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixtures over the real HTTP API: requests as the bootstrap admin or as any user, and builders for groups,
 * teams, workplaces, users and profiles with unique names (tests share one database and never depend on order).
 */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String PASSWORD = "correct-horse-battery";

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 100_000);

    private Api() {
    }

    /** A name no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    /** A fresh extension (digits only). */
    public static String extension() {
        return "7" + RUN + String.format("%05d", SEQ.incrementAndGet());
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN, ADMIN_PASSWORD);
    }

    public static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password).contentType(ContentType.JSON);
    }

    public static RequestSpecification asUser(Map<String, Object> user) {
        return as((String) user.get("username"), PASSWORD);
    }

    public static long createGroup(String timeZone) {
        return asAdmin().body(Map.of("name", unique("group"), "language", "de", "timeZone", timeZone))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static String createTeam(Long groupId) {
        String name = unique("team");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "queue", name));
        if (groupId != null) {
            body.put("groupId", groupId);
        }
        asAdmin().body(body).post("/api/v1/teams").then().statusCode(201);
        return name;
    }

    public static Map<String, Object> createWorkplace(Long groupId) {
        String name = unique("desk");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "device", "PJSIP/" + name));
        if (groupId != null) {
            body.put("groupId", groupId);
        }
        return asAdmin().body(body).post("/api/v1/workplaces").then().statusCode(201).extract().jsonPath().getMap("");
    }

    /** A PBX user with a login, in the given role and groups (primary = first). */
    public static Map<String, Object> createUser(String role, Long... groups) {
        String username = unique("user");
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("extension", extension());
        body.put("displayName", "Test " + username);
        body.put("username", username);
        body.put("password", PASSWORD);
        body.put("role", role);
        body.put("mobile", "+4915100000001");
        body.put("devices", List.of("PJSIP/" + username));
        if (groups.length > 0) {
            body.put("primaryGroupId", groups[0]);
            body.put("groupIds", List.of(groups).subList(1, groups.length));
        }
        return asAdmin().body(body).post("/api/v1/users").then().statusCode(201).extract().jsonPath().getMap("");
    }

    public static long id(Map<String, Object> entity) {
        return ((Number) entity.get("id")).longValue();
    }

    /** An ADMIN profile for everyone with the given chains. */
    public static long createProfile(List<Map<String, Object>> enter, List<Map<String, Object>> leave) {
        return createProfile(Map.of(), enter, leave);
    }

    public static long createProfile(Map<String, Object> extra, List<Map<String, Object>> enter,
            List<Map<String, Object>> leave) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", unique("profile"), "assignment", "ADMIN",
                "presence", "away", "enterActions", enter, "leaveActions", leave));
        body.putAll(extra);
        return asAdmin().body(body).post("/api/v1/profiles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static ValidatableResponse switchTo(long userId, long profileId) {
        return asAdmin().body(Map.of("profileId", profileId)).put("/api/v1/users/" + userId + "/profile").then();
    }

    public static ValidatableResponse switchTo(long userId, long profileId, Map<String, String> parameters) {
        return asAdmin().body(Map.of("profileId", profileId, "parameters", parameters))
                .put("/api/v1/users/" + userId + "/profile").then();
    }

    public static io.restassured.path.json.JsonPath desired(long userId) {
        return asAdmin().get("/api/v1/users/" + userId + "/pbx-state").then().statusCode(200).extract().jsonPath()
                .setRootPath("desired");
    }

    public static Map<String, Object> action(String type, Object... keyValues) {
        Map<String, Object> action = new java.util.LinkedHashMap<>();
        action.put("type", type);
        for (int i = 0; i < keyValues.length; i += 2) {
            action.put((String) keyValues[i], keyValues[i + 1]);
        }
        return action;
    }
}
