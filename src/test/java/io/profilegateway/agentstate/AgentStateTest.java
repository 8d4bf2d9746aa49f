package io.profilegateway.agentstate;

import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.createGroup;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createTeam;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.profilegateway.pbx.SimulatorLauncher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agent-state intervals: written with every change of a user's team states, continued across restarts, reported. */
@QuarkusTest
class AgentStateTest {

    @Inject
    SimulatorLauncher launcher;

    @Inject
    AgentStateRetention retention;

    @Test
    void loginPauseUnpauseAndLogoutByProfilesBecomeIntervals() {
        long userId = id(createUser("USER"));
        String team = createTeam(null);
        long login = createProfile(List.of(action("TEAM_LOGIN", "team", team)), List.of());
        long lunch = createProfile(List.of(action("TEAM_PAUSE", "team", team, "reason", "lunch")),
                List.of(action("TEAM_UNPAUSE", "team", team)));
        long logout = createProfile(List.of(action("TEAM_LOGOUT", "team", team)), List.of());

        switchTo(userId, login).statusCode(200);
        switchTo(userId, lunch).statusCode(200);
        switchTo(userId, login).statusCode(200); // lunch's leave chain unpauses
        switchTo(userId, logout).statusCode(200);

        List<AgentStateInterval> rows = intervals(userId);
        assertThat(rows).extracting(i -> i.state + "/" + i.reason)
                .containsExactly("AVAILABLE/null", "PAUSED/lunch", "AVAILABLE/null", "LOGGED_OUT/null");
        assertThat(rows).allMatch(i -> i.teamId == teamId(team));
        for (int i = 0; i + 1 < rows.size(); i++) {
            assertThat(rows.get(i).endedAt).as("interval %d ends where the next starts", i)
                    .isEqualTo(rows.get(i + 1).startedAt);
        }
        assertThat(rows.get(rows.size() - 1).endedAt).as("the last one is open").isNull();
    }

    @Test
    void aSwitchThatLeavesTheTeamsAloneWritesNoInterval() {
        long userId = id(createUser("USER"));
        String team = createTeam(null);
        switchTo(userId, createProfile(List.of(action("TEAM_LOGIN", "team", team)), List.of())).statusCode(200);
        List<AgentStateInterval> before = intervals(userId);

        switchTo(userId, createProfile(List.of(action("SET_REDIRECT", "kind", "ALWAYS", "target", "2000")),
                List.of())).statusCode(200);

        List<AgentStateInterval> after = intervals(userId);
        assertThat(after).hasSize(1);
        assertThat(after.get(0).id).isEqualTo(before.get(0).id);
        assertThat(after.get(0).endedAt).isNull();
    }

    @Test
    void aPauseOnThePhoneAdoptedByTheGatewayIsAnInterval() {
        var pbx = launcher.simulator();
        await().atMost(Duration.ofSeconds(30)).until(() -> asAdmin().get("/q/health/ready").statusCode() == 200);
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String team = createTeam(null);
        switchTo(userId, createProfile(List.of(action("TEAM_LOGIN", "team", team)), List.of())).statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> pbx.pbx().queueMembers(team).size() == 1);

        pbx.phone().pauseMember(team, "Local/" + user.get("extension") + "@from-queue/n", "coffee");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(intervals(userId))
                .extracting(i -> i.state + "/" + i.reason).containsExactly("AVAILABLE/null", "PAUSED/coffee"));
    }

    /**
     * A new gateway process finds what the last one left in the database and carries on from there: the open
     * interval is the one that continues (or ends), never a second one beside it.
     */
    @Test
    void theOpenIntervalsOfAPreviousRunAreContinuedNotDoubled() {
        long userId = id(createUser("USER"));
        String team = createTeam(null);
        String gone = createTeam(null);
        long lunch = createProfile(List.of(action("TEAM_LOGIN", "team", team),
                action("TEAM_PAUSE", "team", team, "reason", "lunch")), List.of(action("TEAM_UNPAUSE", "team", team)));
        switchTo(userId, lunch).statusCode(200);
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // what the previous run left: the pause since two hours, and an AVAILABLE in a team he has since left
        QuarkusTransaction.requiringNew().run(() -> {
            AgentStateInterval open = AgentStateInterval.find("userId = ?1 and endedAt is null", userId).singleResult();
            open.startedAt = twoHoursAgo;
            persist(userId, teamId(gone), AgentState.AVAILABLE, null, twoHoursAgo.minusSeconds(60), null);
        });
        long pausedId = openInterval(userId, teamId(team)).id;

        // a change that keeps the pause (a redirect) continues it
        switchTo(userId, createProfile(List.of(action("TEAM_PAUSE", "team", team, "reason", "lunch"),
                action("SET_REDIRECT", "kind", "ALWAYS", "target", "2000")), List.of())).statusCode(200);
        AgentStateInterval paused = openInterval(userId, teamId(team));
        assertThat(paused.id).isEqualTo(pausedId);
        assertThat(paused.startedAt).isEqualTo(twoHoursAgo);
        assertThat(openInterval(userId, teamId(gone)).state).as("the stale team ended with the first change")
                .isEqualTo(AgentState.LOGGED_OUT);

        // the unpause ends it after two hours and opens the next
        switchTo(userId, createProfile(List.of(action("TEAM_UNPAUSE", "team", team)), List.of())).statusCode(200);
        AgentStateInterval ended = QuarkusTransaction.requiringNew()
                .call(() -> AgentStateInterval.<AgentStateInterval>findById(pausedId));
        assertThat(Duration.between(ended.startedAt, ended.endedAt)).isGreaterThanOrEqualTo(Duration.ofHours(2));
        assertThat(openInterval(userId, teamId(team)).state).isEqualTo(AgentState.AVAILABLE);
        assertThat(intervals(userId).stream().filter(i -> i.endedAt == null)).hasSize(2);
    }

    @Test
    void theReportAddsUpEachStateAndPauseReasonClippedToTheWindow() {
        long userId = id(createUser("USER"));
        long team = teamId(createTeam(null));
        long other = teamId(createTeam(null));
        QuarkusTransaction.requiringNew().run(() -> {
            persist(userId, team, AgentState.AVAILABLE, null, at("09:00"), at("10:30")); // 30 min inside
            persist(userId, team, AgentState.PAUSED, "lunch", at("10:30"), at("11:00"));
            persist(userId, team, AgentState.PAUSED, null, at("11:00"), at("11:15"));
            persist(userId, team, AgentState.PAUSED, "lunch", at("11:15"), at("11:30"));
            persist(userId, team, AgentState.LOGGED_OUT, null, at("11:30"), at("13:00")); // 30 min inside
            persist(userId, other, AgentState.AVAILABLE, null, at("11:00"), null); // open: up to the window's end
            persist(userId, other, AgentState.PAUSED, "old", at("07:00"), at("08:00")); // outside
        });

        JsonPath report = asAdmin().queryParam("from", "2026-01-05T10:00:00Z").queryParam("to",
                "2026-01-05T13:00:00+01:00").queryParam("user", userId).get("/api/v1/reports/agent-states").then()
                .statusCode(200).extract().jsonPath();

        assertThat(report.getString("from")).isEqualTo("2026-01-05T10:00:00Z");
        assertThat(report.getString("to")).isEqualTo("2026-01-05T12:00:00Z");
        assertThat(report.getList("rows")).hasSize(2);
        JsonPath first = new JsonPath(report.prettify()).setRootPath("rows.find { it.teamId == " + team + " }.totals");
        assertThat(first.getMap("seconds")).isEqualTo(Map.of("AVAILABLE", 1800, "PAUSED", 3600, "LOGGED_OUT", 1800));
        assertThat(first.getList("pauseReasons")).containsExactly(Map.of("reason", "lunch", "seconds", 2700),
                reasonless(900));
        JsonPath second = new JsonPath(report.prettify()).setRootPath("rows.find { it.teamId == " + other + " }.totals");
        assertThat(second.getMap("seconds")).isEqualTo(Map.of("AVAILABLE", 3600, "PAUSED", 0, "LOGGED_OUT", 0));
        assertThat(second.getList("pauseReasons")).isEmpty();
        assertThat(report.getMap("totals.seconds")).isEqualTo(Map.of("AVAILABLE", 5400, "PAUSED", 3600,
                "LOGGED_OUT", 1800));

        asAdmin().queryParam("from", "2026-01-05T10:00:00Z").queryParam("to", "2026-01-05T12:00:00Z")
                .queryParam("team", other).get("/api/v1/reports/agent-states").then().statusCode(200)
                .body("rows.size()", equalTo(1)).body("rows[0].team", startsWith("team-"));
    }

    @Test
    void theReportIsCsvOnAskingByAcceptOrFormat() {
        long userId = id(createUser("USER"));
        long team = teamId(createTeam(null));
        QuarkusTransaction.requiringNew().run(() -> {
            persist(userId, team, AgentState.AVAILABLE, null, at("10:00"), at("10:10"));
            persist(userId, team, AgentState.PAUSED, "back office, \"urgent\"", at("10:10"), at("10:40"));
        });
        String expected = AgentStateCsv.HEADER + "\r\n"
                + userId + ",%s,%s," + team + ",%s,LOGGED_OUT,,0\r\n"
                + userId + ",%s,%s," + team + ",%s,AVAILABLE,,600\r\n"
                + userId + ",%s,%s," + team + ",%s,PAUSED,\"back office, \"\"urgent\"\"\",1800\r\n";
        JsonPath json = report(userId).then().statusCode(200).extract().jsonPath();
        String ext = json.getString("rows[0].extension");
        String name = json.getString("rows[0].displayName");
        String teamName = json.getString("rows[0].team");
        String csv = expected.replace("%s,%s," + team + ",%s", ext + "," + name + "," + team + "," + teamName);

        String byAccept = asAdmin().accept("text/csv").queryParam("from", "2026-01-05").queryParam("to", "2026-01-06")
                .queryParam("user", userId).get("/api/v1/reports/agent-states").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertThat(byAccept).isEqualTo(csv);
        String byFormat = asAdmin().queryParam("from", "2026-01-05").queryParam("to", "2026-01-06")
                .queryParam("user", userId).queryParam("format", "csv").get("/api/v1/reports/agent-states").then()
                .statusCode(200).contentType(startsWith("text/csv")).header("Content-Disposition",
                        "attachment; filename=\"agent-states.csv\"").extract().asString();
        assertThat(byFormat).isEqualTo(csv);
        assertThat(AgentStateCsv.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    }

    @Test
    void badInputIsA400NamingTheParameter() {
        long userId = id(createUser("USER"));
        Map<String, String> fieldByQuery = Map.of(
                "from=2026-01-06&to=2026-01-05", "from",
                "from=2026-13-01", "from",
                "to=yesterday", "to",
                "from=2026-01-05T10:00:00", "from",
                "team=abc", "team",
                "team=987654321", "team",
                "user=-1", "user",
                "user=987654321", "user",
                "format=xml", "format",
                "from=2020-01-01&to=2026-01-01", "from");
        fieldByQuery.forEach((query, field) -> asAdmin().get("/api/v1/reports/agent-states?" + query).then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo(field)));
        asAdmin().accept("text/csv").get("/api/v1/reports/agent-states?from=bad").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        report(userId).then().statusCode(200);
    }

    @Test
    void managersSeeTheTeamsOfTheirGroupsUsersOnlyThemselves() {
        long group = createGroup("Europe/Berlin");
        long mine = teamId(createTeam(group));
        long foreign = teamId(createTeam(createGroup("Europe/Berlin")));
        Map<String, Object> manager = createUser("MANAGER", group);
        Map<String, Object> agent = createUser("USER", group);
        Map<String, Object> colleague = createUser("USER", group);
        QuarkusTransaction.requiringNew().run(() -> {
            persist(id(agent), mine, AgentState.AVAILABLE, null, at("10:00"), at("11:00"));
            persist(id(colleague), mine, AgentState.AVAILABLE, null, at("10:00"), at("11:00"));
            persist(id(agent), foreign, AgentState.AVAILABLE, null, at("10:00"), at("11:00"));
        });
        String window = "/api/v1/reports/agent-states?from=2026-01-05&to=2026-01-06";

        asUser(manager).get(window + "&team=" + mine).then().statusCode(200).body("rows.size()", equalTo(2));
        asUser(manager).get(window + "&team=" + foreign).then().statusCode(403);
        asUser(manager).get(window + "&user=" + id(agent)).then().statusCode(200).body("rows.size()", equalTo(1))
                .body("rows[0].teamId", equalTo((int) mine));
        asUser(agent).get(window).then().statusCode(200).body("rows.size()", equalTo(2))
                .body("rows.userId.unique()", equalTo(List.of((int) id(agent))));
        asUser(agent).get(window + "&team=" + mine).then().statusCode(403);
        asUser(agent).get(window + "&user=" + id(colleague)).then().statusCode(403);
        asUser(agent).get(window + "&user=" + id(agent) + "&team=" + foreign).then().statusCode(200)
                .body("rows.size()", equalTo(1));
        asAdmin().get(window + "&team=" + foreign).then().statusCode(200).body("rows.size()", equalTo(1));
        io.restassured.RestAssured.get(window).then().statusCode(401);
    }

    @Test
    void intervalsOlderThanTheRetentionAreDeletedOpenOnesNever() {
        long userId = id(createUser("USER"));
        long team = teamId(createTeam(null));
        Instant now = Instant.now();
        long[] ids = QuarkusTransaction.requiringNew().call(() -> new long[] {
            persist(userId, team, AgentState.AVAILABLE, null, now.minus(Duration.ofDays(500)),
                    now.minus(Duration.ofDays(401))).id,
            persist(userId, team, AgentState.PAUSED, null, now.minus(Duration.ofDays(401)),
                    now.minus(Duration.ofDays(10))).id,
            persist(userId, team, AgentState.LOGGED_OUT, null, now.minus(Duration.ofDays(10)), null).id});

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(QuarkusTransaction.requiringNew().call(() -> AgentStateInterval.<AgentStateInterval>list(
                "userId", userId).stream().map(i -> i.id).toList())).containsExactlyInAnyOrder(ids[1], ids[2]);
    }

    // ---- helpers

    private static io.restassured.response.Response report(long userId) {
        return asAdmin().queryParam("from", "2026-01-05").queryParam("to", "2026-01-06").queryParam("user", userId)
                .get("/api/v1/reports/agent-states");
    }

    private static Map<String, Object> reasonless(int seconds) {
        Map<String, Object> entry = new java.util.HashMap<>();
        entry.put("reason", null);
        entry.put("seconds", seconds);
        return entry;
    }

    private static Instant at(String time) {
        return Instant.parse("2026-01-05T" + time + ":00Z");
    }

    private static AgentStateInterval persist(long userId, long teamId, AgentState state, String reason, Instant from,
            Instant to) {
        AgentStateInterval interval = new AgentStateInterval();
        interval.userId = userId;
        interval.teamId = teamId;
        interval.state = state;
        interval.reason = reason;
        interval.startedAt = from;
        interval.endedAt = to;
        interval.persist();
        return interval;
    }

    private static List<AgentStateInterval> intervals(long userId) {
        return QuarkusTransaction.requiringNew().call(() -> AgentStateInterval.<AgentStateInterval>list(
                "userId = ?1 order by startedAt, id", userId));
    }

    private static AgentStateInterval openInterval(long userId, long teamId) {
        return QuarkusTransaction.requiringNew().call(() -> AgentStateInterval.<AgentStateInterval>find(
                "userId = ?1 and teamId = ?2 and endedAt is null", userId, teamId).singleResult());
    }

    private static long teamId(String name) {
        return asAdmin().get("/api/v1/teams").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.name == '" + name + "' }.id");
    }
}
