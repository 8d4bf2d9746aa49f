package io.profilegateway.access.relationship;

import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.createGroup;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.profilegateway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's worked examples with its own names (employees A, B and C, whose server default is EMPLOYEE), the most
 * permissive of several paths, BLOCKED, the record of changes and bad input.
 */
@QuarkusTest
class RelationshipTest {

    /** Seed 002's starting point: A, B and C in one group whose default between its members is EMPLOYEE. */
    record Abc(long group, Map<String, Object> a, Map<String, Object> b, Map<String, Object> c) {
    }

    static Abc abc() {
        long group = createGroup("Europe/Berlin");
        return new Abc(group, createUser("USER", group), createUser("USER", group), createUser("USER", group));
    }

    static JsonPath effective(Map<String, Object> owner, Map<String, Object> viewer) {
        return asAdmin().get("/api/v1/users/" + id(owner) + "/relationships/effective/" + id(viewer)).then()
                .statusCode(200).extract().jsonPath();
    }

    static void setLevel(Map<String, Object> owner, Map<String, Object> viewer, String level) {
        asUser(owner).body(Map.of("level", level)).put("/api/v1/users/" + id(owner) + "/relationships/" + id(viewer))
                .then().statusCode(200).body("level", equalTo(level));
    }

    static int switchAs(Map<String, Object> actor, Map<String, Object> user, long profileId) {
        return asUser(actor).body(Map.of("profileId", profileId)).put("/api/v1/users/" + id(user) + "/profile")
                .then().extract().statusCode();
    }

    static long monitoringGroup(List<Map<String, Object>> subGroups, List<Map<String, Object>> rules) {
        return asAdmin().body(Map.of("name", unique("monitoring"), "subGroups", subGroups, "rules", rules))
                .post("/api/v1/monitoring-groups").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Map<String, Object> subGroup(String name, Map<String, Object>... members) {
        return Map.of("name", name, "memberIds", java.util.Arrays.stream(members).map(Api::id).toList());
    }

    static Map<String, Object> rule(String viewers, String owners, String level) {
        return Map.of("viewers", viewers, "owners", owners, "level", level);
    }

    // ---- seed 002, example 1: A makes B his assistant

    @Test
    void shouldMakeBTheAssistantOfAWhenASaysSoAndNobodyElses() {
        Abc s = abc();
        assertThat(effective(s.a(), s.b()).getString("level")).isEqualTo("EMPLOYEE");
        assertThat(effective(s.a(), s.b()).getString("decidedBy.kind")).isEqualTo("SAME_GROUP");
        assertThat(switchAs(s.b(), s.a(), 2)).isEqualTo(403);

        setLevel(s.a(), s.b(), "ASSISTANT");

        JsonPath e = effective(s.a(), s.b());
        assertThat(e.getString("level")).isEqualTo("ASSISTANT");
        assertThat(e.getString("decidedBy.kind")).isEqualTo("PERSONAL");
        assertThat(e.getList("rights", String.class)).contains("SWITCH_PROFILE", "SET_REDIRECT")
                .doesNotContain("SEE_CALLER_NUMBER");
        assertThat(switchAs(s.b(), s.a(), 2)).isEqualTo(200);
        asAdmin().get("/api/v1/users/" + id(s.a()) + "/history").then().statusCode(200)
                .body("items[0].toProfileName", equalTo("DND")).body("items[0].actor", equalTo(s.b().get("username")));
        // A and C stay EMPLOYEE for everyone else
        assertThat(switchAs(s.c(), s.a(), 1)).isEqualTo(403);
        assertThat(effective(s.a(), s.c()).getString("level")).isEqualTo("EMPLOYEE");
        assertThat(effective(s.c(), s.b()).getString("level")).isEqualTo("EMPLOYEE");
        asUser(s.a()).get("/api/v1/users/" + id(s.a()) + "/relationships").then().statusCode(200)
                .body("viewerId", hasItem((int) id(s.b()))).body("level", hasItem("ASSISTANT"));
    }

    // ---- example 2: a monitoring group makes B the assistant of all the others

    @Test
    void shouldMakeBTheAssistantOfEveryoneThroughAMonitoringGroup() {
        Abc s = abc();
        monitoringGroup(List.of(subGroup("assistants", s.b()), subGroup("staff", s.a(), s.c())),
                List.of(rule("assistants", "staff", "ASSISTANT")));

        for (Map<String, Object> owner : List.of(s.a(), s.c())) {
            JsonPath e = effective(owner, s.b());
            assertThat(e.getString("level")).isEqualTo("ASSISTANT");
            assertThat(e.getString("decidedBy.kind")).isEqualTo("MONITORING_GROUP");
            assertThat(e.getString("decidedBy.description")).contains("'assistants' is ASSISTANT for 'staff'");
            assertThat(switchAs(s.b(), owner, 2)).isEqualTo(200);
        }
        // all the others stay EMPLOYEE among themselves
        assertThat(effective(s.c(), s.a()).getString("level")).isEqualTo("EMPLOYEE");
        assertThat(effective(s.b(), s.a()).getString("level")).isEqualTo("EMPLOYEE");
        assertThat(switchAs(s.a(), s.c(), 2)).isEqualTo(403);
    }

    // ---- example 3: VIP C decides alone who sees him

    @Test
    void shouldLetVipCDecideAloneWhoSeesHim() {
        Abc s = abc();
        monitoringGroup(List.of(subGroup("assistant", s.b()), subGroup("others", s.a(), s.c())),
                List.of(rule("assistant", "others", "ASSISTANT")));
        assertThat(effective(s.c(), s.b()).getString("level")).isEqualTo("ASSISTANT");

        Map<String, Object> c = new HashMap<>(asAdmin().get("/api/v1/users/" + id(s.c())).then().statusCode(200)
                .extract().jsonPath().getMap(""));
        c.remove("id");
        c.remove("hasPassword");
        c.put("vip", true);
        asAdmin().body(c).put("/api/v1/users/" + id(s.c())).then().statusCode(200).body("vip", equalTo(true));

        JsonPath e = effective(s.c(), s.b());
        assertThat(e.getString("level")).isEqualTo("UNKNOWN");
        assertThat(e.getString("decidedBy.kind")).isEqualTo("VIP");
        assertThat(e.getList("considered.kind", String.class)).contains("VIP", "MONITORING_GROUP");
        // B sees that C exists, nothing of his presence, and may no longer switch him; A is unchanged
        asUser(s.b()).get("/api/v1/users/" + id(s.c())).then().statusCode(200);
        assertThat(asUser(s.b()).get("/api/v1/users/" + id(s.c()) + "/profile").then().statusCode(200).extract()
                .jsonPath().getMap("").keySet()).containsExactly("userId");
        assertThat(switchAs(s.b(), s.c(), 2)).isEqualTo(403);
        assertThat(effective(s.a(), s.b()).getString("level")).isEqualTo("ASSISTANT");
        assertThat(effective(s.c(), s.a()).getString("level")).isEqualTo("UNKNOWN");

        // only C's own setting grants more
        setLevel(s.c(), s.b(), "TEAM_COLLEAGUE");
        assertThat(effective(s.c(), s.b()).getString("decidedBy.kind")).isEqualTo("PERSONAL");
        assertThat(asUser(s.b()).get("/api/v1/users/" + id(s.c()) + "/profile").then().statusCode(200).extract()
                .jsonPath().getMap("")).containsKeys("profileName", "redirects", "source");
    }

    // ---- the note: C's own setting for B beats the server's team rule

    @Test
    void shouldLetCsOwnSettingForBBeatTheTeamRuleOfTheServer() {
        Abc s = abc();
        setLevel(s.c(), s.b(), "TEAM_COLLEAGUE");
        assertThat(effective(s.c(), s.b()).getString("level")).isEqualTo("TEAM_COLLEAGUE");
        assertThat(effective(s.a(), s.b()).getString("level")).isEqualTo("EMPLOYEE");

        long team = teamProfile("ASSISTANT");
        for (Map<String, Object> u : List.of(s.a(), s.b(), s.c())) {
            Api.switchTo(id(u), team).statusCode(200);
        }

        JsonPath onA = effective(s.a(), s.b());
        assertThat(onA.getString("level")).isEqualTo("ASSISTANT");
        assertThat(onA.getString("decidedBy.kind")).isEqualTo("TEAM");
        JsonPath onC = effective(s.c(), s.b());
        assertThat(onC.getString("level")).isEqualTo("TEAM_COLLEAGUE");
        assertThat(onC.getString("decidedBy.kind")).isEqualTo("PERSONAL");
        assertThat(onC.getList("considered.kind", String.class)).contains("TEAM");
        assertThat(switchAs(s.b(), s.a(), team)).isEqualTo(200);
        assertThat(switchAs(s.b(), s.c(), team)).isEqualTo(403);
    }

    /** A profile that logs its user in to a new team whose members have this level on each other. */
    static long teamProfile(String memberRelationship) {
        String name = unique("team");
        asAdmin().body(Map.of("name", name, "queue", name, "memberRelationship", memberRelationship))
                .post("/api/v1/teams").then().statusCode(201).body("memberRelationship", equalTo(memberRelationship));
        return createProfile(List.of(action("TEAM_LOGIN", "team", name)), List.of(action("TEAM_LOGOUT", "team", name)));
    }

    // ---- several paths: the most permissive wins

    @Test
    void shouldTakeTheMostPermissiveOfTheGroupDefaultTheTeamAndTheMonitoringGroup() {
        Abc s = abc();
        long team = teamProfile("TEAM_COLLEAGUE");
        Api.switchTo(id(s.a()), team).statusCode(200);
        Api.switchTo(id(s.b()), team).statusCode(200);
        monitoringGroup(List.of(subGroup("watchers", s.b()), subGroup("watched", s.a())),
                List.of(rule("watchers", "watched", "EXTERNAL")));

        JsonPath e = effective(s.a(), s.b());
        assertThat(e.getString("level")).isEqualTo("TEAM_COLLEAGUE");
        assertThat(e.getString("decidedBy.kind")).isEqualTo("TEAM");
        assertThat(e.getList("considered.kind", String.class))
                .containsExactlyInAnyOrder("SAME_GROUP", "TEAM", "MONITORING_GROUP");

        // a viewer from another group: that path is the group's default for other groups
        long other = createGroup("Europe/Paris");
        Map<String, Object> d = createUser("USER", other);
        assertThat(effective(s.a(), d).getString("decidedBy.kind")).isEqualTo("OTHER_GROUPS");
        Map<String, Object> g = new HashMap<>(asAdmin().get("/api/v1/groups/" + s.group()).then().statusCode(200)
                .extract().jsonPath().getMap(""));
        g.remove("id");
        g.put("relationshipDefaults", Map.of("sameGroup", "EMPLOYEE", "otherGroups", "ASSISTANT", "outside",
                "EXTERNAL"));
        asAdmin().body(g).put("/api/v1/groups/" + s.group()).then().statusCode(200)
                .body("relationshipDefaults.otherGroups", equalTo("ASSISTANT"));
        assertThat(effective(s.a(), d).getString("level")).isEqualTo("ASSISTANT");
        assertThat(switchAs(d, s.a(), 2)).isEqualTo(200);
        // a viewer in no group: the default for outside
        Map<String, Object> outside = createUser("USER");
        assertThat(effective(s.a(), outside).getString("decidedBy.kind")).isEqualTo("OUTSIDE");
        assertThat(effective(s.a(), outside).getString("level")).isEqualTo("EXTERNAL");
    }

    // ---- BLOCKED sees nothing

    @Test
    void shouldHideAUserFromAViewerHeBlocked() {
        Abc s = abc();
        setLevel(s.a(), s.b(), "BLOCKED");
        long a = id(s.a());
        var b = asUser(s.b());
        for (String path : List.of("", "/profile", "/history", "/pbx-state", "/trigger-opt-outs")) {
            asUser(s.b()).get("/api/v1/users/" + a + path).then().statusCode(404)
                    .body("errorId", equalTo("user-not-found"));
        }
        assertThat(switchAs(s.b(), s.a(), 2)).isEqualTo(404);
        String extension = (String) s.a().get("extension");
        b.get("/api/v1/users?extension=" + extension).then().statusCode(200).body("total", equalTo(0));
        // C still sees A
        asUser(s.c()).get("/api/v1/users?extension=" + extension).then().statusCode(200).body("total", equalTo(1));
        // and the same answer as for a user who does not exist
        asUser(s.b()).get("/api/v1/users/987654321").then().statusCode(404).body("errorId", equalTo(
                "user-not-found"));
    }

    // ---- the record of changes (seed 002: privacy-relevant)

    @Test
    void shouldRecordWhoChangedWhichRelationshipForWhomAndWhen() {
        Abc s = abc();
        setLevel(s.a(), s.b(), "ASSISTANT");
        setLevel(s.a(), s.b(), "TEAM_COLLEAGUE");
        asUser(s.a()).delete("/api/v1/users/" + id(s.a()) + "/relationships/" + id(s.b())).then().statusCode(204);

        JsonPath changes = asUser(s.a()).get("/api/v1/relationship-changes?ownerId=" + id(s.a())).then()
                .statusCode(200).body("total", equalTo(3)).extract().jsonPath();
        assertThat(changes.getList("items.before")).containsExactly("TEAM_COLLEAGUE", "ASSISTANT", null);
        assertThat(changes.getList("items.after")).containsExactly(null, "TEAM_COLLEAGUE", "ASSISTANT");
        assertThat(changes.getList("items.actor")).containsOnly(s.a().get("username"));
        assertThat(changes.getList("items.viewerId", Integer.class)).containsOnly((int) id(s.b()));
        assertThat(changes.getList("items.subject")).containsOnly("PERSONAL");
        assertThat(changes.getString("items[0].at")).isNotBlank();

        long mg = monitoringGroup(List.of(subGroup("x", s.a())), List.of(rule("x", "x", "TEAM_COLLEAGUE")));
        asAdmin().get("/api/v1/relationship-changes?size=200").then().statusCode(200)
                .body("items.subjectId", hasItem((int) mg));
        // nobody else reads A's record, and only system admins read everybody's
        asUser(s.b()).get("/api/v1/relationship-changes?ownerId=" + id(s.a())).then().statusCode(403);
        asUser(s.a()).get("/api/v1/relationship-changes").then().statusCode(403);
    }

    // ---- bad input: 4xx naming the field

    @Test
    void shouldRefuseBadRelationshipInputNamingTheField() {
        Abc s = abc();
        String path = "/api/v1/users/" + id(s.a()) + "/relationships/";
        asUser(s.a()).body(Map.of("level", "FRIEND")).put(path + id(s.b())).then().statusCode(400);
        asUser(s.a()).body("{}").put(path + id(s.b())).then().statusCode(400).body("violations[0].field",
                equalTo("level"));
        asUser(s.a()).body(Map.of("level", "EMPLOYEE")).put(path + id(s.a())).then().statusCode(400)
                .body("violations[0].field", equalTo("viewerId"));
        asUser(s.a()).body(Map.of("level", "EMPLOYEE")).put(path + "987654321").then().statusCode(404);
        asUser(s.a()).delete(path + id(s.c())).then().statusCode(404).body("errorId", equalTo(
                "relationship-not-found"));
        // B may not set A's levels (he neither is A nor manages him)
        asUser(s.b()).body(Map.of("level", "ASSISTANT_PLUS")).put(path + id(s.b())).then().statusCode(403);
        asUser(s.b()).get("/api/v1/users/" + id(s.a()) + "/relationships/effective/" + id(s.c())).then()
                .statusCode(403);

        var mg = Map.<String, Object>of("name", unique("mg"), "subGroups", List.of(subGroup("a", s.a())),
                "rules", List.of(rule("a", "nobody", "EMPLOYEE")));
        asAdmin().body(mg).post("/api/v1/monitoring-groups").then().statusCode(400)
                .body("violations[0].field", equalTo("rules[0].owners"));
        asAdmin().body(Map.of("name", unique("mg"), "subGroups", List.of(Map.of("name", "a", "memberIds",
                List.of(987654321))), "rules", List.of())).post("/api/v1/monitoring-groups").then().statusCode(400)
                .body("violations[0].field", equalTo("subGroups[0].memberIds[0]"));
        asUser(s.a()).body(Map.of("name", unique("mg"), "subGroups", List.of(), "rules", List.of()))
                .post("/api/v1/monitoring-groups").then().statusCode(403);
        asAdmin().body(Map.of("name", unique("group"), "relationshipDefaults", Map.of("sameGroup", "EMPLOYEE",
                "otherGroups", "EMPLOYEE", "outside", "ASSISTANT"))).post("/api/v1/groups").then().statusCode(400)
                .body("violations[0].field", equalTo("relationshipDefaults.outside"));
    }
}
