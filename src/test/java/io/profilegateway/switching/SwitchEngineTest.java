package io.profilegateway.switching;

import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createTeam;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.createWorkplace;
import static io.profilegateway.testing.Api.desired;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.profilegateway.testing.SwitchEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The switching engine through the API: chains, their effect on the desired PBX state, history and events. */
@QuarkusTest
class SwitchEngineTest {

    @Inject
    SwitchEvents events;

    @Test
    void newUserStartsInAvailableAndReachable() {
        long user = id(createUser("USER"));

        asAdmin().get("/api/v1/users/" + user + "/profile").then().statusCode(200)
                .body("profileId", equalTo(1)).body("profileName", equalTo("Available"))
                .body("source", equalTo("SYSTEM"));
        JsonPath state = desired(user);
        assertThat(state.getBoolean("reachable")).isTrue();
        assertThat(state.getString("presence.type")).isEqualTo("available");
        assertThat(state.getList("devices")).hasSize(1);
    }

    @Test
    void shouldRunLeaveChainOfOldProfileThenEnterChainOfNewOne() {
        long user = id(createUser("USER"));
        // A's leave chain sets CF to 1111, B's enter chain then sets it to 2222: the final value proves the order.
        long a = createProfile(List.of(action("SET_REDIRECT", "kind", "ALWAYS", "target", "1000")),
                List.of(action("SET_REDIRECT", "kind", "ALWAYS", "target", "1111")));
        long b = createProfile(List.of(action("SET_REDIRECT", "kind", "ALWAYS", "target", "2222")), List.of());
        switchTo(user, a).statusCode(200);
        assertThat(desired(user).getString("redirects.ALWAYS")).isEqualTo("1000");

        switchTo(user, b).statusCode(200).body("outcome", equalTo("SWITCHED")).body("previousProfileId",
                equalTo((int) a));

        assertThat(desired(user).getString("redirects.ALWAYS")).isEqualTo("2222");
    }

    @Test
    void shouldRunEachChainTopToBottom() {
        long user = id(createUser("USER"));
        long p = createProfile(List.of(
                action("SET_REDIRECT", "kind", "BUSY", "target", "1"),
                action("UNSET_REDIRECT", "kind", "BUSY"),
                action("SET_REDIRECT", "kind", "BUSY", "target", "3"),
                action("SET_REDIRECT", "kind", "NO_ANSWER", "target", "4"),
                action("UNSET_REDIRECT", "kind", "NO_ANSWER")), List.of());

        switchTo(user, p).statusCode(200);

        JsonPath state = desired(user);
        assertThat(state.getString("redirects.BUSY")).isEqualTo("3");
        assertThat(state.getMap("redirects")).doesNotContainKey("NO_ANSWER");
    }

    @Test
    void shouldApplyEveryActionTypeToDesiredState() {
        long user = id(createUser("USER"));
        String support = createTeam(null);
        String sales = createTeam(null);
        Map<String, Object> desk = createWorkplace(null);
        long enter = createProfile(List.of(
                action("SET_REACHABILITY", "enabled", false),
                action("FOLLOW_ME", "enabled", true, "targets", List.of("1001", "+4930123456#"), "ringSeconds", 25),
                action("GSM_MODE", "enabled", true),
                action("TEAM_LOGIN", "team", support, "penalty", 3),
                action("TEAM_LOGIN", "team", sales),
                action("TEAM_PAUSE", "team", support, "reason", "lunch"),
                action("SET_WORKPLACE", "workplace", desk.get("name")),
                action("SET_REDIRECT", "kind", "ALWAYS", "target", "*21#"),
                action("SET_REDIRECT", "kind", "BUSY", "target", "2000")), List.of(
                action("TEAM_LOGOUT", "team", sales),
                action("TEAM_UNPAUSE"),
                action("UNSET_WORKPLACE"),
                action("GSM_MODE", "enabled", false),
                action("FOLLOW_ME", "enabled", false),
                action("UNSET_REDIRECT", "kind", "ALWAYS")));

        switchTo(user, enter).statusCode(200);

        JsonPath state = desired(user);
        assertThat(state.getBoolean("reachable")).isFalse();
        assertThat(state.getBoolean("followMe.enabled")).isTrue();
        assertThat(state.getList("followMe.targets")).containsExactly("1001", "+4930123456#");
        assertThat(state.getInt("followMe.ringSeconds")).isEqualTo(25);
        assertThat(state.getBoolean("gsm.enabled")).isTrue();
        assertThat(state.getString("gsm.number")).isEqualTo("+4915100000001");
        assertThat(state.getList("teams.team")).containsExactlyInAnyOrder(support, sales);
        Map<String, Object> supportState = state.getMap("teams.find { it.team == '" + support + "' }");
        assertThat(supportState).containsEntry("penalty", 3).containsEntry("paused", true)
                .containsEntry("reason", "lunch").containsEntry("queue", support);
        assertThat(state.getString("workplace.device")).isEqualTo(desk.get("device"));
        assertThat(state.getList("devices")).contains(desk.get("device"));
        assertThat(state.getString("redirects.ALWAYS")).isEqualTo("*21#");
        assertThat(state.getString("redirects.BUSY")).isEqualTo("2000");
        assertThat(state.getString("presence.type")).isEqualTo("away");
        asAdmin().get("/api/v1/workplaces/" + desk.get("id")).then().body("occupantUserId", equalTo((int) user));

        switchTo(user, 1).statusCode(200);

        state = desired(user);
        assertThat(state.getBoolean("reachable")).isTrue();
        assertThat(state.getBoolean("followMe.enabled")).isFalse();
        assertThat(state.getBoolean("gsm.enabled")).isFalse();
        assertThat(state.getString("gsm.number")).isNull();
        assertThat(state.getList("teams.team")).containsExactly(support);
        assertThat(state.getBoolean("teams[0].paused")).isFalse();
        assertThat(state.getString("workplace")).isNull();
        assertThat(state.getMap("redirects")).containsOnlyKeys("BUSY");
        assertThat(state.getString("presence.type")).isEqualTo("available");
        asAdmin().get("/api/v1/workplaces/" + desk.get("id")).then().body("occupantUserId", equalTo(null));
    }

    @Test
    void shouldPauseAndUnpauseAllTeamsWhenNoTeamIsNamed() {
        long user = id(createUser("USER"));
        String t1 = createTeam(null);
        String t2 = createTeam(null);
        long login = createProfile(List.of(action("TEAM_LOGIN", "team", t1), action("TEAM_LOGIN", "team", t2)),
                List.of());
        long pauseAll = createProfile(List.of(action("TEAM_PAUSE", "reason", "break")),
                List.of(action("TEAM_UNPAUSE")));
        switchTo(user, login).statusCode(200);

        switchTo(user, pauseAll).statusCode(200);
        assertThat(desired(user).getList("teams.paused")).containsExactly(true, true);
        assertThat(desired(user).getList("teams.reason")).containsExactly("break", "break");

        switchTo(user, login).statusCode(200);
        assertThat(desired(user).getList("teams.paused")).containsExactly(false, false);
    }

    @Test
    void shouldNotLogInTwiceToTheSameTeam() {
        long user = id(createUser("USER"));
        String team = createTeam(null);
        long a = createProfile(List.of(action("TEAM_LOGIN", "team", team, "penalty", 1)), List.of());
        long b = createProfile(List.of(action("TEAM_LOGIN", "team", team, "penalty", 2)), List.of());

        switchTo(user, a).statusCode(200);
        switchTo(user, b).statusCode(200);

        assertThat(desired(user).getList("teams")).hasSize(1);
        assertThat(desired(user).getInt("teams[0].penalty")).isEqualTo(2);
    }

    @Test
    void shouldRecordSwitchToActiveProfileAsNoOpWithoutRerunningChains() {
        long user = id(createUser("USER"));
        long p = createProfile(List.of(action("SET_REDIRECT", "kind", "ALWAYS", "target", "555")), List.of());
        switchTo(user, p).statusCode(200);
        long version = desired(user).getLong("version");
        int eventsBefore = events.forUser(user).size();

        switchTo(user, p).statusCode(200).body("outcome", equalTo("ALREADY_ACTIVE"));

        assertThat(desired(user).getLong("version")).isEqualTo(version);
        assertThat(events.forUser(user)).hasSize(eventsBefore);
        asAdmin().get("/api/v1/users/" + user + "/history").then().statusCode(200)
                .body("items[0].outcome", equalTo("ALREADY_ACTIVE"))
                .body("items[1].outcome", equalTo("SWITCHED"));
    }

    @Test
    void shouldRecordHistoryNewestFirstAndPaged() {
        long user = id(createUser("USER"));
        long p = createProfile(List.of(), List.of());
        switchTo(user, p).statusCode(200);
        switchTo(user, 2).statusCode(200);
        switchTo(user, 1).statusCode(200);

        JsonPath page0 = asAdmin().get("/api/v1/users/" + user + "/history?page=0&size=2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page0.getInt("total")).isEqualTo(4);
        assertThat(page0.getList("items.toProfileName")).containsExactly("Available", "DND");
        assertThat(page0.getList("items.source")).containsExactly("MANUAL", "MANUAL");
        assertThat(page0.getList("items.actor")).containsExactly("admin", "admin");
        JsonPath page1 = asAdmin().get("/api/v1/users/" + user + "/history?page=1&size=2").then().extract().jsonPath();
        assertThat(page1.getList("items.fromProfileId")).containsExactly(1, null);
        assertThat(page1.getList("items.toProfileId")).containsExactly((int) p, 1);
        assertThat(page1.getString("items[1].detail")).isEqualTo("new user");
    }

    @Test
    void shouldTakeAskParameterFromRequestOrRefuseWithoutIt() {
        long user = id(createUser("USER"));
        long ask = createProfile(List.of(action("SET_REDIRECT", "kind", "ALWAYS", "target", "ask")), List.of());

        switchTo(user, ask).statusCode(400).body("violations[0].field", equalTo("parameters.redirectTarget"));
        switchTo(user, ask, Map.of("redirectTarget", "1001\r\nAction: Originate")).statusCode(400)
                .body("violations[0].field", equalTo("parameters.redirectTarget"));
        switchTo(user, ask, Map.of("unknown", "1")).statusCode(400)
                .body("violations[0].field", equalTo("parameters.unknown"));
        assertThat(desired(user).getMap("redirects")).isEmpty();

        switchTo(user, ask, Map.of("redirectTarget", "+4930123456")).statusCode(200);
        assertThat(desired(user).getString("redirects.ALWAYS")).isEqualTo("+4930123456");
    }

    @Test
    void shouldRefuseAProfileTheUserMayNotUse() {
        long group = io.profilegateway.testing.Api.createGroup("Europe/Berlin");
        long user = id(createUser("USER"));
        long managersOnly = createProfile(Map.of("roles", List.of("MANAGER")), List.of(), List.of());
        long groupOnly = createProfile(Map.of("groupIds", List.of(group)), List.of(), List.of());

        switchTo(user, managersOnly).statusCode(400).body("violations[0].field", equalTo("profileId"));
        switchTo(user, groupOnly).statusCode(400).body("violations[0].field", equalTo("profileId"));
        switchTo(user, 999_999).statusCode(400).body("violations[0].field", equalTo("profileId"));
        switchTo(999_999, 1).statusCode(404).body("errorId", equalTo("user-not-found"));
    }

    @Test
    void shouldRefuseAWorkplaceHeldByAnotherUserAndRecordTheFailure() {
        Map<String, Object> desk = createWorkplace(null);
        long first = id(createUser("USER"));
        long second = id(createUser("USER"));
        long takeDesk = createProfile(List.of(action("SET_WORKPLACE", "workplace", desk.get("name"))), List.of());
        switchTo(first, takeDesk).statusCode(200);

        switchTo(second, takeDesk).statusCode(409).body("errorId", equalTo("workplace-occupied"));

        asAdmin().get("/api/v1/users/" + second + "/profile").then().body("profileId", equalTo(1));
        asAdmin().get("/api/v1/users/" + second + "/history").then().body("items[0].outcome", equalTo("FAILED"));
        assertThat(desired(second).getString("workplace")).isNull();
    }

    @Test
    void shouldAnnounceEachCommittedSwitchWithItsDesiredState() {
        long user = id(createUser("USER"));
        long p = createProfile(List.of(action("SET_REDIRECT", "kind", "BUSY", "target", "42")), List.of());

        switchTo(user, p).statusCode(200);

        List<io.profilegateway.switching.ProfileSwitched> received = events.forUser(user);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).fromProfileId()).isEqualTo(1L);
        assertThat(received.get(0).toProfileId()).isEqualTo(p);
        assertThat(received.get(0).source()).isEqualTo(SwitchSource.MANUAL);
        assertThat(received.get(0).desired().redirects()).containsEntry(
                io.profilegateway.profile.RedirectKind.BUSY, "42");
    }

    @Test
    void shouldNotAnnounceASwitchThatFailed() {
        Map<String, Object> desk = createWorkplace(null);
        long holder = id(createUser("USER"));
        long user = id(createUser("USER"));
        long takeDesk = createProfile(List.of(action("SET_WORKPLACE", "workplace", desk.get("name"))), List.of());
        switchTo(holder, takeDesk).statusCode(200);

        switchTo(user, takeDesk).statusCode(409);

        assertThat(events.forUser(user)).isEmpty();
    }

    @Test
    void shouldApplyAProfileAsChangedAfterASwitchHasUsedIt() {
        long user = id(createUser("USER"));
        long p = profileUsedOnce(user);

        changeProfile(p, "enterActions", List.of(action("SET_REDIRECT", "kind", "BUSY", "target", "200")));

        switchTo(user, p).statusCode(200);
        assertThat(desired(user).getString("redirects.BUSY")).isEqualTo("200");
    }

    @Test
    void shouldRefuseAProfileWhoseAudienceNoLongerIncludesTheUser() {
        long user = id(createUser("USER"));
        long p = profileUsedOnce(user);

        changeProfile(p, "roles", List.of("MANAGER"));

        switchTo(user, p).statusCode(400).body("violations[0].field", equalTo("profileId"));
    }

    /** A profile the user has switched to and back from, so that its chains have been read. */
    private static long profileUsedOnce(long user) {
        long p = createProfile(List.of(action("SET_REDIRECT", "kind", "BUSY", "target", "100")), List.of());
        switchTo(user, p).statusCode(200);
        switchTo(user, 1).statusCode(200);
        return p;
    }

    private static void changeProfile(long id, String field, Object value) {
        Map<String, Object> profile = asAdmin().get("/api/v1/profiles/" + id).then().statusCode(200).extract()
                .jsonPath().getMap("");
        profile.put(field, value);
        asAdmin().body(profile).put("/api/v1/profiles/" + id).then().statusCode(200);
    }
}
