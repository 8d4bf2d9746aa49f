package io.profilegateway.directory;

import static io.profilegateway.testing.Api.PASSWORD;
import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.createGroup;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createTeam;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.createWorkplace;
import static io.profilegateway.testing.Api.extension;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static io.profilegateway.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The directory through the API: groups, teams, workplaces and users — CRUD, validation and conflicts. */
@QuarkusTest
class DirectoryApiTest {

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> group(String timeZone, Object officeHours) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("group"));
        body.put("language", "de");
        body.put("timeZone", timeZone);
        if (officeHours != null) {
            body.put("officeHours", officeHours);
        }
        return body;
    }

    private static Map<String, Object> weekly(String day, String from, String to, String state) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("day", day);
        w.put("from", from);
        w.put("to", to);
        w.put("state", state);
        return w;
    }

    private static Map<String, Object> interval(String from, String to, String state) {
        return new LinkedHashMap<>(Map.of("from", from, "to", to, "state", state));
    }

    private static Map<String, Object> exception(String date, String name, List<Map<String, Object>> intervals) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("date", date);
        e.put("name", name);
        e.put("intervals", intervals);
        return e;
    }

    private static Map<String, Object> hours(List<?> weekly, List<?> exceptions) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("weekly", weekly);
        h.put("exceptions", exceptions);
        return h;
    }

    /** A complete, valid user body (a PBX user with a login). */
    private static Map<String, Object> userBody() {
        String username = unique("user");
        Map<String, Object> body = new HashMap<>();
        body.put("extension", extension());
        body.put("displayName", "Test " + username);
        body.put("email", username + "@example.com");
        body.put("username", username);
        body.put("password", PASSWORD);
        body.put("role", "USER");
        body.put("mobile", "+4915100000001");
        body.put("entraObjectId", "6e7b768e-07e2-4810-8459-485f84f8f204");
        body.put("devices", List.of("PJSIP/" + username, "PJSIP/" + username + "-desk"));
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private static void assertBadRequest(String path, Object body, String field) {
        asAdmin().body(body).post(path).then().statusCode(400)
                .body("errorId", equalTo("validation-failed"))
                .body("violations.field", hasItem(field));
    }

    private static void assertNoPasswordIn(ExtractableResponse<Response> response) {
        String raw = response.asString();
        assertThat(raw).doesNotContain("\"password\"").doesNotContain("passwordHash").doesNotContain(PASSWORD)
                .doesNotContain("$2a$").doesNotContain("$2b$").doesNotContain("$2y$");
    }

    // ---------------------------------------------------------------- groups

    @Test
    void givenValidGroup_whenCreated_thenLocationAndFieldsAreReturnedAndReadable() {
        Map<String, Object> body = group("Europe/Berlin", null);

        ExtractableResponse<Response> created = asAdmin().body(body).post("/api/v1/groups").then().statusCode(201)
                .extract();

        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/api/v1/groups/" + id);
        asAdmin().get(created.header("Location")).then().statusCode(200)
                .body("name", equalTo(body.get("name"))).body("language", equalTo("de"))
                .body("timeZone", equalTo("Europe/Berlin"));
        asAdmin().get("/api/v1/groups").then().statusCode(200).body("id", hasItem((int) id));
    }

    @Test
    void givenExistingGroup_whenReplacedAndDeleted_thenChangesAreVisibleAndItIsGone() {
        long id = createGroup("Europe/Berlin");
        String newName = unique("renamed");

        asAdmin().body(Map.of("name", newName, "language", "en-GB", "timeZone", "America/New_York"))
                .put("/api/v1/groups/" + id).then().statusCode(200).body("name", equalTo(newName));

        asAdmin().get("/api/v1/groups/" + id).then().statusCode(200).body("name", equalTo(newName))
                .body("language", equalTo("en-GB")).body("timeZone", equalTo("America/New_York"));
        asAdmin().delete("/api/v1/groups/" + id).then().statusCode(204);
        asAdmin().get("/api/v1/groups/" + id).then().statusCode(404).body("errorId", equalTo("group-not-found"));
        asAdmin().get("/api/v1/groups").then().body("id", not(hasItem((int) id)));
    }

    @Test
    void shouldRefuseTimeZoneThatIsNotAnIanaId() {
        assertBadRequest("/api/v1/groups", group("Mars/Olympus", null), "timeZone");
        assertBadRequest("/api/v1/groups", group("+02:00", null), "timeZone");
        assertBadRequest("/api/v1/groups", group("Europe/Berlin\r\n", null), "timeZone");
    }

    @Test
    void shouldRefuseGroupWithoutNameOrWithBadLanguage() {
        Map<String, Object> noName = group("Europe/Berlin", null);
        noName.remove("name");
        assertBadRequest("/api/v1/groups", noName, "name");
        Map<String, Object> badLanguage = group("Europe/Berlin", null);
        badLanguage.put("language", "german");
        assertBadRequest("/api/v1/groups", badLanguage, "language");
    }

    @Test
    void givenValidOfficeHours_whenGroupCreated_thenTheyAreReturnedAsWritten() {
        Object officeHours = hours(
                List.of(weekly("MON", "08:00", "12:00", "OPEN"), weekly("MON", "12:00", "13:00", "BREAK"),
                        weekly("MON", "13:00", "17:00", "OPEN"), weekly("FRI", "08:00", "14:30", "OPEN")),
                List.of(exception("2026-12-24", "Christmas Eve", List.of(interval("09:00", "12:00", "OPEN"))),
                        exception("2026-12-25", "Christmas", List.of())));

        long id = asAdmin().body(group("Europe/Berlin", officeHours)).post("/api/v1/groups").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        JsonPath read = asAdmin().get("/api/v1/groups/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(normalizedTimes(read.getMap("officeHours"))).isEqualTo(normalizedTimes(officeHours));
    }

    /** Times as LocalTime: the API writes "08:00:00" for "08:00" (ISO), which is the same time. */
    private static Object normalizedTimes(Object json) {
        if (json instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, ("from".equals(k) || "to".equals(k)) && v != null
                    ? java.time.LocalTime.parse((String) v) : normalizedTimes(v)));
            return copy;
        }
        if (json instanceof List<?> list) {
            return list.stream().map(DirectoryApiTest::normalizedTimes).toList();
        }
        return json;
    }

    @Test
    void shouldWriteWeeklyDaysAsTriggersDo() {
        Object longForm = hours(List.of(weekly("MONDAY", "08:00", "12:00", "OPEN")), List.of());

        assertBadRequest("/api/v1/groups", group("Europe/Berlin", longForm), "officeHours.weekly[0].day");
    }

    @Test
    void shouldRefuseWeeklyIntervalThatEndsBeforeItStarts() {
        assertBadRequest("/api/v1/groups", group("Europe/Berlin",
                hours(List.of(weekly("MON", "12:00", "08:00", "OPEN")), List.of())), "officeHours.weekly[0].to");
        assertBadRequest("/api/v1/groups", group("Europe/Berlin",
                hours(List.of(weekly("MON", "12:00", "12:00", "OPEN")), List.of())), "officeHours.weekly[0].to");
    }

    @Test
    void shouldRefuseOverlappingWeeklyIntervalsOfOneDay() {
        Map<String, Object> body = group("Europe/Berlin", hours(List.of(weekly("TUE", "08:00", "12:00", "OPEN"),
                weekly("TUE", "11:00", "13:00", "BREAK")), List.of()));

        List<String> fields = asAdmin().body(body).post("/api/v1/groups").then().statusCode(400)
                .body("errorId", equalTo("validation-failed")).extract().jsonPath().getList("violations.field");

        assertThat(fields).anyMatch(f -> f.startsWith("officeHours.weekly"));
    }

    @Test
    void shouldAcceptSameTimesOnDifferentDays() {
        asAdmin().body(group("Europe/Berlin", hours(List.of(weekly("MON", "08:00", "12:00", "OPEN"),
                weekly("TUE", "08:00", "12:00", "OPEN")), List.of()))).post("/api/v1/groups").then()
                .statusCode(201);
    }

    @Test
    void shouldRefuseWeeklyIntervalWithoutDayOrWithClosedOrUnknownState() {
        assertBadRequest("/api/v1/groups", group("Europe/Berlin",
                hours(List.of(weekly(null, "08:00", "12:00", "OPEN")), List.of())), "officeHours.weekly[0].day");
        assertBadRequest("/api/v1/groups", group("Europe/Berlin",
                hours(List.of(weekly("MON", "08:00", "12:00", "CLOSED")), List.of())),
                "officeHours.weekly[0].state");
        assertBadRequest("/api/v1/groups", group("Europe/Berlin",
                hours(List.of(weekly("MON", "08:00", "12:00", "SLEEPING")), List.of())),
                "officeHours.weekly[0].state");
        assertBadRequest("/api/v1/groups", group("Europe/Berlin",
                hours(List.of(weekly("MON", "08:00", "25:00", "OPEN")), List.of())),
                "officeHours.weekly[0].to");
    }

    @Test
    void shouldRefuseExceptionsWithTheSameDate() {
        assertBadRequest("/api/v1/groups", group("Europe/Berlin", hours(List.of(),
                List.of(exception("2026-12-24", "Christmas Eve", List.of()),
                        exception("2026-12-24", "again", List.of())))), "officeHours.exceptions[1].date");
    }

    @Test
    void shouldRefuseExceptionWithOverlappingOrInvertedIntervals() {
        assertBadRequest("/api/v1/groups", group("Europe/Berlin", hours(List.of(),
                List.of(exception("2026-12-31", "New Year's Eve", List.of(interval("09:00", "12:00", "OPEN"),
                        interval("10:00", "11:00", "BREAK")))))), "officeHours.exceptions[0].intervals");
        assertBadRequest("/api/v1/groups", group("Europe/Berlin", hours(List.of(),
                List.of(exception("2026-12-31", "New Year's Eve", List.of(interval("12:00", "09:00", "OPEN")))))),
                "officeHours.exceptions[0].intervals[0].to");
        assertBadRequest("/api/v1/groups", group("Europe/Berlin", hours(List.of(),
                List.of(exception(null, "no date", List.of())))), "officeHours.exceptions[0].date");
    }

    @Test
    void shouldRefuseDuplicateGroupName() {
        Map<String, Object> body = group("Europe/Berlin", null);
        asAdmin().body(body).post("/api/v1/groups").then().statusCode(201);

        asAdmin().body(with(body, "name", "  " + body.get("name") + " ")).post("/api/v1/groups").then()
                .statusCode(409).body("errorId", equalTo("group-name-taken"));
    }

    @Test
    void shouldRefuseRenamingGroupToTheNameOfAnother() {
        Map<String, Object> first = group("Europe/Berlin", null);
        asAdmin().body(first).post("/api/v1/groups").then().statusCode(201);
        long second = createGroup("Europe/Berlin");

        asAdmin().body(first).put("/api/v1/groups/" + second).then().statusCode(409)
                .body("errorId", equalTo("group-name-taken"));
    }

    @Test
    void givenGroupWithAMember_whenDeleted_thenConflictGroupInUse() {
        long group = createGroup("Europe/Berlin");
        createUser("USER", group);

        asAdmin().delete("/api/v1/groups/" + group).then().statusCode(409).body("errorId", equalTo("group-in-use"));
        asAdmin().get("/api/v1/groups/" + group).then().statusCode(200);
    }

    @Test
    void givenGroupWithASecondaryMember_whenDeleted_thenConflictGroupInUse() {
        long primary = createGroup("Europe/Berlin");
        long secondary = createGroup("Europe/Berlin");
        createUser("USER", primary, secondary);

        asAdmin().delete("/api/v1/groups/" + secondary).then().statusCode(409)
                .body("errorId", equalTo("group-in-use"));
    }

    @Test
    void givenGroupWithTeamWorkplaceOrProfile_whenDeleted_thenConflictGroupInUse() {
        long withTeam = createGroup("Europe/Berlin");
        createTeam(withTeam);
        long withWorkplace = createGroup("Europe/Berlin");
        createWorkplace(withWorkplace);
        long withProfile = createGroup("Europe/Berlin");
        createProfile(Map.of("groupIds", List.of(withProfile)), List.of(), List.of());

        for (long group : List.of(withTeam, withWorkplace, withProfile)) {
            asAdmin().delete("/api/v1/groups/" + group).then().statusCode(409)
                    .body("errorId", equalTo("group-in-use"));
        }
    }

    @Test
    void givenGroupNamedByAnOfficeHoursTrigger_whenDeleted_thenConflictGroupInUse() {
        long group = createGroup("Europe/Berlin");
        createProfile(Map.of("triggers", List.of(Map.of("type", "OFFICE_HOURS", "group", group, "when", "CLOSED"))),
                List.of(), List.of());

        asAdmin().delete("/api/v1/groups/" + group).then().statusCode(409).body("errorId", equalTo("group-in-use"));
    }

    @Test
    void shouldAnswerNotFoundForUnknownGroup() {
        asAdmin().get("/api/v1/groups/999999999").then().statusCode(404).body("errorId", equalTo("group-not-found"));
        asAdmin().delete("/api/v1/groups/999999999").then().statusCode(404);
    }

    // ---------------------------------------------------------------- teams

    @Test
    void givenValidTeam_whenCreatedReplacedDeleted_thenEachStepIsVisible() {
        long group = createGroup("Europe/Berlin");
        String name = unique("team");

        ExtractableResponse<Response> created = asAdmin()
                .body(Map.of("name", name, "queue", name + "-q", "groupId", group)).post("/api/v1/teams").then()
                .statusCode(201).body("name", equalTo(name)).body("queue", equalTo(name + "-q"))
                .body("groupId", equalTo((int) group)).extract();
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/api/v1/teams/" + id);
        asAdmin().get("/api/v1/teams/" + id).then().statusCode(200).body("name", equalTo(name));
        asAdmin().get("/api/v1/teams").then().statusCode(200).body("id", hasItem((int) id));

        String renamed = unique("team");
        asAdmin().body(Map.of("name", renamed, "queue", renamed)).put("/api/v1/teams/" + id).then().statusCode(200);
        asAdmin().get("/api/v1/teams/" + id).then().body("name", equalTo(renamed)).body("queue", equalTo(renamed))
                .body("groupId", nullValue());

        asAdmin().delete("/api/v1/teams/" + id).then().statusCode(204);
        asAdmin().get("/api/v1/teams/" + id).then().statusCode(404).body("errorId", equalTo("team-not-found"));
    }

    @Test
    void shouldRefuseTeamNameOrQueueThatIsNotATechnicalName() {
        String ok = unique("team");
        assertBadRequest("/api/v1/teams", Map.of("name", "support team", "queue", ok), "name");
        assertBadRequest("/api/v1/teams", Map.of("name", ok, "queue", "support;queue"), "queue");
        assertBadRequest("/api/v1/teams", Map.of("name", ok, "queue", "support\r\nAction: Logoff"), "queue");
        assertBadRequest("/api/v1/teams", Map.of("name", ok, "queue", "q".repeat(65)), "queue");
        assertBadRequest("/api/v1/teams", Map.of("name", ok), "queue");
        assertBadRequest("/api/v1/teams", Map.of("name", ok, "queue", ok, "groupId", 999_999_999), "groupId");
    }

    @Test
    void shouldRefuseDuplicateTeamNameOrQueue() {
        String name = createTeam(null);

        asAdmin().body(Map.of("name", name, "queue", unique("q"))).post("/api/v1/teams").then().statusCode(409)
                .body("errorId", equalTo("team-name-taken"));
        asAdmin().body(Map.of("name", unique("team"), "queue", name)).post("/api/v1/teams").then().statusCode(409)
                .body("errorId", equalTo("team-queue-taken"));
    }

    @Test
    void givenTeamUsedByAProfile_whenDeleted_thenConflictTeamInUse() {
        String inEnter = createTeam(null);
        String inLeave = createTeam(null);
        createProfile(List.of(action("TEAM_LOGIN", "team", inEnter)), List.of(action("TEAM_LOGOUT", "team", inLeave)));

        for (String team : List.of(inEnter, inLeave)) {
            asAdmin().delete("/api/v1/teams/" + teamId(team)).then().statusCode(409)
                    .body("errorId", equalTo("team-in-use"));
        }
    }

    @Test
    void givenTeamWithAMemberButNoProfile_whenDeleted_thenConflictTeamInUse() {
        String team = createTeam(null);
        long user = id(createUser("USER"));
        long login = createProfile(List.of(action("TEAM_LOGIN", "team", team)), List.of());
        switchTo(user, login).statusCode(200);
        switchTo(user, 1).statusCode(200);
        asAdmin().delete("/api/v1/profiles/" + login).then().statusCode(204);

        asAdmin().delete("/api/v1/teams/" + teamId(team)).then().statusCode(409)
                .body("errorId", equalTo("team-in-use"));
    }

    private static long teamId(String name) {
        return asAdmin().get("/api/v1/teams").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.name == '" + name + "' }.id");
    }

    // ---------------------------------------------------------------- workplaces

    @Test
    void givenValidWorkplace_whenCreatedReplacedDeleted_thenEachStepIsVisible() {
        String name = unique("desk");

        ExtractableResponse<Response> created = asAdmin().body(Map.of("name", name, "device", "PJSIP/" + name))
                .post("/api/v1/workplaces").then().statusCode(201).body("device", equalTo("PJSIP/" + name))
                .body("occupantUserId", nullValue()).extract();
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/api/v1/workplaces/" + id);
        asAdmin().get("/api/v1/workplaces/" + id).then().statusCode(200).body("name", equalTo(name));
        asAdmin().get("/api/v1/workplaces").then().statusCode(200).body("id", hasItem((int) id));

        String renamed = unique("desk");
        asAdmin().body(Map.of("name", renamed, "device", "SIP/" + renamed)).put("/api/v1/workplaces/" + id).then()
                .statusCode(200);
        asAdmin().get("/api/v1/workplaces/" + id).then().body("name", equalTo(renamed))
                .body("device", equalTo("SIP/" + renamed));

        asAdmin().delete("/api/v1/workplaces/" + id).then().statusCode(204);
        asAdmin().get("/api/v1/workplaces/" + id).then().statusCode(404)
                .body("errorId", equalTo("workplace-not-found"));
    }

    @Test
    void shouldRefuseWorkplaceDeviceThatIsNotAnAsteriskDevice() {
        asAdmin().body(Map.of("name", unique("desk"), "device", "PJSIP/desk-1-" + unique("d"))).post(
                "/api/v1/workplaces").then().statusCode(201);
        for (String device : List.of("desk-1", "PJSIP/desk 1", "PJSIP/", "/desk-1", "PJSIP/desk-1\r\nAction: Logoff")) {
            assertBadRequest("/api/v1/workplaces", Map.of("name", unique("desk"), "device", device), "device");
        }
        assertBadRequest("/api/v1/workplaces", Map.of("name", unique("desk")), "device");
        assertBadRequest("/api/v1/workplaces", Map.of("name", " ", "device", "PJSIP/" + unique("d")), "name");
    }

    @Test
    void shouldRefuseDuplicateWorkplaceNameOrDevice() {
        Map<String, Object> desk = createWorkplace(null);

        asAdmin().body(Map.of("name", desk.get("name"), "device", "PJSIP/" + unique("d"))).post("/api/v1/workplaces")
                .then().statusCode(409).body("errorId", equalTo("workplace-name-taken"));
        asAdmin().body(Map.of("name", unique("desk"), "device", desk.get("device"))).post("/api/v1/workplaces")
                .then().statusCode(409).body("errorId", equalTo("workplace-device-taken"));
    }

    @Test
    void givenWorkplaceUsedByAProfile_whenDeleted_thenConflictWorkplaceInUse() {
        Map<String, Object> desk = createWorkplace(null);
        createProfile(List.of(action("SET_WORKPLACE", "workplace", desk.get("name"))), List.of());

        asAdmin().delete("/api/v1/workplaces/" + id(desk)).then().statusCode(409)
                .body("errorId", equalTo("workplace-in-use"));
    }

    @Test
    void givenWorkplaceHeldByAUser_whenDeleted_thenConflictUntilTheUserIsDeleted() {
        Map<String, Object> desk = createWorkplace(null);
        long user = id(createUser("USER"));
        long take = createProfile(List.of(action("SET_WORKPLACE", "workplace", desk.get("name"))), List.of());
        switchTo(user, take).statusCode(200);
        switchTo(user, 1).statusCode(200);
        asAdmin().delete("/api/v1/profiles/" + take).then().statusCode(204);
        asAdmin().get("/api/v1/workplaces/" + id(desk)).then().body("occupantUserId", equalTo((int) user));

        asAdmin().delete("/api/v1/workplaces/" + id(desk)).then().statusCode(409)
                .body("errorId", equalTo("workplace-in-use"));

        asAdmin().delete("/api/v1/users/" + user).then().statusCode(204);
        asAdmin().get("/api/v1/workplaces/" + id(desk)).then().statusCode(200).body("occupantUserId", nullValue());
        asAdmin().delete("/api/v1/workplaces/" + id(desk)).then().statusCode(204);
    }

    @Test
    void givenWorkplaceHeldByAUser_whenItsDeviceChanges_thenConflictWorkplaceInUse() {
        Map<String, Object> desk = createWorkplace(null);
        long user = id(createUser("USER"));
        long take = createProfile(List.of(action("SET_WORKPLACE", "workplace", desk.get("name"))), List.of());
        switchTo(user, take).statusCode(200);

        asAdmin().body(Map.of("name", desk.get("name"), "device", "PJSIP/" + unique("other")))
                .put("/api/v1/workplaces/" + id(desk)).then().statusCode(409)
                .body("errorId", equalTo("workplace-in-use"));
    }

    // ---------------------------------------------------------------- users

    @Test
    void givenValidUser_whenCreated_thenLocationFieldsAndAvailableProfile() {
        long group = createGroup("Europe/Berlin");
        long other = createGroup("Europe/Berlin");
        Map<String, Object> body = userBody();
        body.put("primaryGroupId", group);
        body.put("groupIds", List.of(other));
        body.put("vip", true);
        body.put("profilePersonal", true);

        ExtractableResponse<Response> created = asAdmin().body(body).post("/api/v1/users").then().statusCode(201)
                .extract();

        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/api/v1/users/" + id);
        JsonPath read = asAdmin().get("/api/v1/users/" + id).then().statusCode(200).extract().jsonPath();
        for (String key : List.of("extension", "displayName", "email", "mobile", "entraObjectId", "role",
                "username")) {
            assertThat(read.getString(key)).as(key).isEqualTo(String.valueOf(body.get(key)));
        }
        assertThat(read.getList("devices")).isEqualTo(body.get("devices"));
        assertThat(read.getLong("primaryGroupId")).isEqualTo(group);
        assertThat(read.getList("groupIds", Long.class)).containsExactly(other);
        assertThat(read.getBoolean("vip")).isTrue();
        assertThat(read.getBoolean("profilePersonal")).isTrue();
        assertThat(read.getBoolean("hasPassword")).isTrue();
        asAdmin().get("/api/v1/users/" + id + "/profile").then().statusCode(200).body("profileId", equalTo(1))
                .body("profileName", equalTo("Available"));
    }

    @Test
    void givenNewUser_whenHeLogsIn_thenHisPasswordWorks() {
        Map<String, Object> user = createUser("USER");

        asUser(user).get("/api/v1/users/" + id(user)).then().statusCode(200).body("id", equalTo((int) id(user)));
    }

    @Test
    void givenUser_whenReplacedAndDeleted_thenChangesAreVisibleAndHeIsGone() {
        Map<String, Object> user = createUser("USER");
        long id = id(user);
        Map<String, Object> changed = new HashMap<>(user);
        changed.remove("hasPassword");
        changed.put("displayName", "Renamed " + id);
        changed.put("mobile", "+4917000000002");
        changed.put("devices", List.of("PJSIP/" + user.get("username") + "-b"));

        asAdmin().body(changed).put("/api/v1/users/" + id).then().statusCode(200)
                .body("displayName", equalTo("Renamed " + id));

        asAdmin().get("/api/v1/users/" + id).then().statusCode(200).body("displayName", equalTo("Renamed " + id))
                .body("mobile", equalTo("+4917000000002"))
                .body("devices", equalTo(List.of("PJSIP/" + user.get("username") + "-b")))
                .body("hasPassword", equalTo(true));
        asAdmin().delete("/api/v1/users/" + id).then().statusCode(204);
        asAdmin().get("/api/v1/users/" + id).then().statusCode(404).body("errorId", equalTo("user-not-found"));
        asAdmin().get("/api/v1/users?extension=" + user.get("extension")).then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void shouldRefuseChangingTheExtensionOfAPbxUser() {
        Map<String, Object> user = createUser("USER");
        Map<String, Object> changed = new HashMap<>(user);
        changed.put("extension", extension());

        asAdmin().body(changed).put("/api/v1/users/" + id(user)).then().statusCode(409)
                .body("errorId", equalTo("extension-immutable"));
    }

    @Test
    void shouldFindAUserByExtension() {
        Map<String, Object> user = createUser("USER");
        createUser("USER");

        asAdmin().get("/api/v1/users?extension=" + user.get("extension")).then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", equalTo(List.of((int) id(user))));
        asAdmin().get("/api/v1/users?extension=" + extension()).then().statusCode(200).body("total", equalTo(0))
                .body("items", equalTo(List.of()));
        asAdmin().get("/api/v1/users?extension=10a1").then().statusCode(400)
                .body("violations[0].field", equalTo("extension"));
    }

    @Test
    void shouldPageUsersInIdOrderWithoutGapsOrRepeats() {
        createUser("USER");
        createUser("USER");
        createUser("USER");

        JsonPath page0 = asAdmin().get("/api/v1/users?page=0&size=2").then().statusCode(200).extract().jsonPath();
        JsonPath page1 = asAdmin().get("/api/v1/users?page=1&size=2").then().statusCode(200).extract().jsonPath();
        JsonPath all = asAdmin().get("/api/v1/users?page=0&size=4").then().statusCode(200).extract().jsonPath();

        assertThat(page0.getLong("total")).isGreaterThanOrEqualTo(4);
        assertThat(page0.getInt("page")).isZero();
        assertThat(page0.getInt("size")).isEqualTo(2);
        assertThat(page0.getList("items")).hasSize(2);
        assertThat(page1.getList("items")).hasSize(2);
        List<Long> joined = new ArrayList<>(page0.getList("items.id", Long.class));
        joined.addAll(page1.getList("items.id", Long.class));
        assertThat(joined).isSorted().doesNotHaveDuplicates().isEqualTo(all.getList("items.id", Long.class));
        long total = page0.getLong("total");
        int lastPage = (int) ((total - 1) / 2);
        asAdmin().get("/api/v1/users?page=" + (lastPage + 1) + "&size=2").then().statusCode(200)
                .body("items", equalTo(List.of()));
    }

    @Test
    void shouldRefusePageSizeAboveTwoHundredOrNegativePage() {
        asAdmin().get("/api/v1/users?size=201").then().statusCode(400).body("violations[0].field", equalTo("size"));
        asAdmin().get("/api/v1/users?size=0").then().statusCode(400).body("violations[0].field", equalTo("size"));
        asAdmin().get("/api/v1/users?page=-1").then().statusCode(400).body("violations[0].field", equalTo("page"));
        asAdmin().get("/api/v1/users?size=200").then().statusCode(200).body("size", equalTo(200));
    }

    @Test
    void shouldRefuseInvalidUserFields() {
        assertBadRequest("/api/v1/users", with(userBody(), "extension", "10a1"), "extension");
        assertBadRequest("/api/v1/users", with(userBody(), "extension", "1".repeat(21)), "extension");
        assertBadRequest("/api/v1/users", with(userBody(), "extension", "1001\r\n"), "extension");
        assertBadRequest("/api/v1/users", with(userBody(), "email", "no-at-sign.example.com"), "email");
        assertBadRequest("/api/v1/users", with(userBody(), "email", "a b@example.com"), "email");
        assertBadRequest("/api/v1/users", with(userBody(), "mobile", "0151 1234567"), "mobile");
        assertBadRequest("/api/v1/users", with(userBody(), "mobile", "call me"), "mobile");
        assertBadRequest("/api/v1/users", with(userBody(), "entraObjectId", "not-a-uuid"), "entraObjectId");
        assertBadRequest("/api/v1/users", with(userBody(), "displayName", " "), "displayName");
        assertBadRequest("/api/v1/users", with(userBody(), "username", "has space"), "username");
        assertBadRequest("/api/v1/users", with(userBody(), "password", "short"), "password");
        assertBadRequest("/api/v1/users", with(userBody(), "role", "EMPEROR"), "role");
        assertBadRequest("/api/v1/users", with(userBody(), "primaryGroupId", 999_999_999), "primaryGroupId");
    }

    @Test
    void shouldRefuseDevicesThatAreNotAsteriskDevicesOrRepeated() {
        assertBadRequest("/api/v1/users", with(userBody(), "devices", List.of("desk-1")), "devices[0]");
        assertBadRequest("/api/v1/users", with(userBody(), "devices", List.of("PJSIP/1001", "PJSIP/10 01")),
                "devices[1]");
        assertBadRequest("/api/v1/users", with(userBody(), "devices", List.of("PJSIP/1001\r\nAction: Originate")),
                "devices[0]");
        assertBadRequest("/api/v1/users", with(userBody(), "devices", List.of("PJSIP/1001", "PJSIP/1001")),
                "devices[1]");
    }

    @Test
    void shouldRefuseDuplicateExtensionEmailOrUsername() {
        Map<String, Object> first = userBody();
        asAdmin().body(first).post("/api/v1/users").then().statusCode(201);

        Map<String, Object> sameExtension = with(userBody(), "extension", first.get("extension"));
        asAdmin().body(sameExtension).post("/api/v1/users").then().statusCode(409)
                .body("errorId", equalTo("extension-taken"));
        Map<String, Object> sameEmail = with(userBody(), "email", first.get("email"));
        asAdmin().body(sameEmail).post("/api/v1/users").then().statusCode(409)
                .body("errorId", equalTo("email-taken"));
        Map<String, Object> sameUsername = with(userBody(), "username", first.get("username"));
        asAdmin().body(sameUsername).post("/api/v1/users").then().statusCode(409)
                .body("errorId", equalTo("username-taken"));
    }

    @Test
    void shouldRefuseTakingTheExtensionOrEmailOfAnotherUserOnReplace() {
        Map<String, Object> first = userBody();
        asAdmin().body(first).post("/api/v1/users").then().statusCode(201);
        Map<String, Object> portalOnly = userBody();
        portalOnly.remove("extension");
        long second = asAdmin().body(portalOnly).post("/api/v1/users").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        portalOnly.remove("password");

        asAdmin().body(with(portalOnly, "email", first.get("email"))).put("/api/v1/users/" + second).then()
                .statusCode(409).body("errorId", equalTo("email-taken"));
        asAdmin().body(with(portalOnly, "extension", first.get("extension"))).put("/api/v1/users/" + second).then()
                .statusCode(409).body("errorId", equalTo("extension-taken"));
    }

    @Test
    void shouldRefuseDuplicateEmailDifferingOnlyInCase() {
        Map<String, Object> first = userBody();
        asAdmin().body(first).post("/api/v1/users").then().statusCode(201);

        asAdmin().body(with(userBody(), "email", ((String) first.get("email")).toUpperCase())).post("/api/v1/users")
                .then().statusCode(409).body("errorId", equalTo("email-taken"));
    }

    @Test
    void shouldNeverShowAUsersPassword() {
        Map<String, Object> body = userBody();

        ExtractableResponse<Response> created = asAdmin().body(body).post("/api/v1/users").then().statusCode(201)
                .body("hasPassword", equalTo(true)).extract();
        long id = created.jsonPath().getLong("id");
        assertNoPasswordIn(created);
        assertThat(created.jsonPath().getMap("")).doesNotContainKeys("password", "passwordHash");

        ExtractableResponse<Response> read = asAdmin().get("/api/v1/users/" + id).then().statusCode(200)
                .body("hasPassword", equalTo(true)).extract();
        assertNoPasswordIn(read);
        assertThat(read.jsonPath().getMap("")).doesNotContainKeys("password", "passwordHash");

        ExtractableResponse<Response> found = asAdmin().get("/api/v1/users?extension=" + body.get("extension")).then()
                .statusCode(200).extract();
        assertNoPasswordIn(found);
        assertThat(found.jsonPath().getMap("items[0]")).doesNotContainKeys("password", "passwordHash")
                .containsEntry("hasPassword", true);

        Map<String, Object> changed = new HashMap<>(body);
        changed.remove("password");
        changed.put("displayName", "Changed");
        ExtractableResponse<Response> replaced = asAdmin().body(changed).put("/api/v1/users/" + id).then()
                .statusCode(200).extract();
        assertNoPasswordIn(replaced);
        assertThat(replaced.jsonPath().getBoolean("hasPassword")).isTrue();

        ExtractableResponse<Response> self = io.profilegateway.testing.Api.as((String) body.get("username"), PASSWORD)
                .get("/api/v1/me").then().statusCode(200).extract();
        assertNoPasswordIn(self);
        ExtractableResponse<Response> list = asAdmin().get("/api/v1/users?size=200").then().statusCode(200).extract();
        assertNoPasswordIn(list);
    }

    @Test
    void shouldRefuseAPasswordInAReplace() {
        Map<String, Object> user = createUser("USER");

        asAdmin().body(with(user, "password", "another-password-123")).put("/api/v1/users/" + id(user)).then()
                .statusCode(400).body("violations[0].field", equalTo("password"));
    }

    @Test
    void givenUserWithoutPassword_whenRead_thenHasPasswordIsFalse() {
        Map<String, Object> body = userBody();
        body.remove("password");
        body.remove("username");

        asAdmin().body(body).post("/api/v1/users").then().statusCode(201).body("hasPassword", equalTo(false));
    }

    @Test
    void givenUserWithAPersonalProfile_whenDeleted_thenHeAndHisProfileAreGone() {
        Map<String, Object> body = userBody();
        body.put("profilePersonal", true);
        long user = asAdmin().body(body).post("/api/v1/users").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        long personal = io.profilegateway.testing.Api.as((String) body.get("username"), PASSWORD)
                .body(Map.of("name", unique("mine"), "assignment", "PERSONAL")).post("/api/v1/profiles").then()
                .statusCode(201).extract().jsonPath().getLong("id");

        asAdmin().delete("/api/v1/users/" + user).then().statusCode(204);

        asAdmin().get("/api/v1/users/" + user).then().statusCode(404);
        asAdmin().get("/api/v1/profiles/" + personal).then().statusCode(404);
    }

    @Test
    void givenUserWithAPersonalProfileActive_whenDeleted_thenHeAndHisProfileAreGone() {
        Map<String, Object> body = userBody();
        body.put("profilePersonal", true);
        long user = asAdmin().body(body).post("/api/v1/users").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        long personal = io.profilegateway.testing.Api.as((String) body.get("username"), PASSWORD)
                .body(Map.of("name", unique("mine"), "assignment", "PERSONAL")).post("/api/v1/profiles").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        switchTo(user, personal).statusCode(200);

        asAdmin().delete("/api/v1/users/" + user).then().statusCode(204);

        asAdmin().get("/api/v1/users/" + user).then().statusCode(404);
        asAdmin().get("/api/v1/profiles/" + personal).then().statusCode(404);
    }

    @Test
    void shouldAnswerNotFoundForUnknownUser() {
        asAdmin().get("/api/v1/users/999999999").then().statusCode(404).body("errorId", equalTo("user-not-found"));
        asAdmin().get("/api/v1/users/999999999/profile").then().statusCode(404);
    }

    @Test
    void givenPlainUser_whenListingUsers_thenHeSeesHisColleaguesCutToTheirRelationship() {
        long group = createGroup("Europe/Berlin");
        Map<String, Object> me = createUser("USER", group);
        Map<String, Object> colleague = createUser("USER", group);

        // the group's default for members of the same group is EMPLOYEE: general contact, not the detailed one
        var page = asUser(me).get("/api/v1/users?size=100&extension=" + colleague.get("extension")).then()
                .statusCode(200).body("total", equalTo(1)).extract().jsonPath();
        assertThat(page.getMap("items[0]")).containsEntry("displayName", colleague.get("displayName"))
                .containsKey("extension").doesNotContainKeys("mobile", "devices", "role", "username");
        asUser(me).get("/api/v1/users/" + id(me)).then().statusCode(200).body("role", equalTo("USER"));
        asUser(me).body(userBody()).post("/api/v1/users").then().statusCode(403);
    }
}
