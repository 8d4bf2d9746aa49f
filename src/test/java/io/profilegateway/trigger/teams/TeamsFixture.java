package io.profilegateway.trigger.teams;

import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createGroup;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.extension;
import static io.profilegateway.testing.Api.unique;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Users and Teams profiles for the Teams trigger tests, each test in its own group so that one test's profiles never
 * apply to another's users.
 */
public final class TeamsFixture {

    public final long group = createGroup("Europe/Berlin");

    /** A Teams-meeting profile for this group (DND while in the meeting); null activities = the default set. */
    public long teamsProfile(List<String> activities) {
        Map<String, Object> trigger = new HashMap<>(Map.of("type", "TEAMS_MEETING"));
        if (activities != null) {
            trigger.put("activities", activities);
        }
        return createProfile(Map.of("groupIds", List.of(group), "triggers", List.of(trigger), "sticky", true),
                List.of(action("SET_REACHABILITY", "enabled", false)), List.of());
    }

    /** A plain profile of this group, to switch to by hand. */
    long plainProfile() {
        return createProfile(Map.of("groupIds", List.of(group)), List.of(action("SET_REACHABILITY", "enabled", true)),
                List.of());
    }

    /** A PBX user of this group with a random Entra id. */
    public User user() {
        String entraId = UUID.randomUUID().toString();
        return new User(create(Map.of("entraObjectId", entraId)), entraId);
    }

    /** A PBX user with an e-mail address and no Entra id. */
    long userWithEmail(String email) {
        return create(Map.of("email", email));
    }

    private long create(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("extension", extension(), "displayName", unique("teams"),
                "role", "USER", "primaryGroupId", group, "devices", List.of("PJSIP/" + unique("dev"))));
        body.putAll(extra);
        return asAdmin().body(body).post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static JsonPath active(long userId) {
        return asAdmin().get("/api/v1/users/" + userId + "/profile").then().statusCode(200).extract().jsonPath();
    }

    public static long activeProfile(long userId) {
        return active(userId).getLong("profileId");
    }

    public static List<Map<String, Object>> history(long userId) {
        return asAdmin().get("/api/v1/users/" + userId + "/history?size=100").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }

    public record User(long id, String entraId) {
    }
}
