package io.profilegateway.switching;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.createGroup;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/v1/colleagues: the users the caller may see, each with his presence cut as GET /users/{id}/profile is. */
@QuarkusTest
class ColleagueApiTest {

    private static Map<String, Object> entryOf(List<Map<String, Object>> items, long userId) {
        return items.stream().filter(i -> ((Number) ((Map<?, ?>) i.get("user")).get("id")).longValue() == userId)
                .findFirst().orElse(null);
    }

    /** Every page: in a whole test run the viewer sees the users of other tests' groups too. */
    private static List<Map<String, Object>> colleagues(Map<String, Object> viewer) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (int page = 0;; page++) {
            List<Map<String, Object>> items = asUser(viewer).get("/api/v1/colleagues?size=200&page=" + page).then()
                    .statusCode(200).extract().jsonPath().getList("items");
            if (items.isEmpty()) {
                return all;
            }
            all.addAll(items);
        }
    }

    private static void level(Map<String, Object> owner, Map<String, Object> viewer, String level) {
        asAdmin().body(Map.of("level", level)).put("/api/v1/users/" + id(owner) + "/relationships/" + id(viewer))
                .then().statusCode(200);
    }

    @Test
    void aColleagueInTheSameGroupIsListedWithHisGeneralPresenceButNotTheDetails() {
        long group = createGroup("Europe/Berlin");
        Map<String, Object> viewer = createUser("USER", group);
        Map<String, Object> colleague = createUser("USER", group);
        Map<String, Object> entry = entryOf(colleagues(viewer), id(colleague));
        assertThat(entry).as("EMPLOYEE by the group's default").isNotNull();
        Map<?, ?> presence = (Map<?, ?>) entry.get("presence");
        assertThat(presence.get("profileName")).isEqualTo("Available");
        assertThat(presence.get("icon")).isEqualTo("check-circle");
        assertThat(presence.get("source")).as("TEAM_COLLEAGUE and up only").isNull();
        assertThat(presence.get("redirects")).isNull();
    }

    @Test
    void anExternalViewerGetsTheIconWithoutTheNameAndABlockedOneDoesNotSeeHimAtAll() {
        long group = createGroup("Europe/Berlin");
        Map<String, Object> viewer = createUser("USER", group);
        Map<String, Object> external = createUser("USER", group);
        Map<String, Object> blocked = createUser("USER", group);
        level(external, viewer, "EXTERNAL");
        level(blocked, viewer, "BLOCKED");
        List<Map<String, Object>> page = colleagues(viewer);
        Map<?, ?> presence = (Map<?, ?>) entryOf(page, id(external)).get("presence");
        assertThat(presence.get("icon")).isEqualTo("check-circle");
        assertThat(presence.get("profileName")).isNull();
        assertThat(entryOf(page, id(blocked))).isNull();
    }

    @Test
    void theAdminSeesEveryoneWithTheWholePresenceAndTheListIsPaged() {
        Map<String, Object> newest = createUser("USER");
        JsonPath first = asAdmin().get("/api/v1/colleagues?page=0&size=1").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(1);
        long total = first.getLong("total");
        assertThat(total).isGreaterThan(1);
        JsonPath last = asAdmin().get("/api/v1/colleagues?size=1&page=" + (total - 1)).then().statusCode(200)
                .extract().jsonPath();
        Map<?, ?> presence = (Map<?, ?>) entryOf(last.getList("items"), id(newest)).get("presence");
        assertThat(presence.get("source")).as("the whole presence, as he sees his own").isEqualTo("SYSTEM");
    }

    @Test
    void aColleagueInTwoTeamsListsBothTeamIdsAndAnExternalViewerNone() {
        long group = createGroup("Europe/Berlin");
        Map<String, Object> viewer = createUser("USER", group);
        Map<String, Object> outsider = createUser("USER", group);
        Map<String, Object> agent = createUser("USER", group);
        level(agent, outsider, "EXTERNAL");
        String support = io.profilegateway.testing.Api.createTeam(group);
        String sales = io.profilegateway.testing.Api.createTeam(group);
        long twoTeams = io.profilegateway.testing.Api.createProfile(List.of(
                io.profilegateway.testing.Api.action("TEAM_LOGIN", "team", support),
                io.profilegateway.testing.Api.action("TEAM_LOGIN", "team", sales)), List.of());
        io.profilegateway.testing.Api.switchTo(id(agent), twoTeams).statusCode(200);
        List<Map<String, Object>> teams = asAdmin().get("/api/v1/teams").then().statusCode(200).extract().jsonPath()
                .getList("");
        List<Integer> expected = teams.stream().filter(t -> support.equals(t.get("name")) || sales.equals(t.get("name")))
                .map(t -> ((Number) t.get("id")).intValue()).sorted().toList();

        assertThat(entryOf(colleagues(viewer), id(agent)).get("teamIds")).isEqualTo(expected);
        assertThat(entryOf(colleagues(viewer), id(viewer)).get("teamIds")).isEqualTo(List.of());
        assertThat(entryOf(colleagues(outsider), id(agent)).get("teamIds")).as("EXTERNAL: no teams").isEqualTo(List.of());
    }

    @Test
    void aBadPageSizeIsA400NamingTheField() {
        JsonPath problem = asAdmin().get("/api/v1/colleagues?size=0").then().statusCode(400).extract().jsonPath();
        assertThat(problem.getString("violations[0].field")).isEqualTo("size");
    }
}
