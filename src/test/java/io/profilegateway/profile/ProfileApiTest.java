package io.profilegateway.profile;

import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.createGroup;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createTeam;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.createWorkplace;
import static io.profilegateway.testing.Api.desired;
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

/** Profiles through the API: the SYSTEM profiles, validation of every action and trigger, visibility, deletion. */
@QuarkusTest
class ProfileApiTest {

    private static final String PROFILES = "/api/v1/profiles";

    // ---------------------------------------------------------------- helpers

    /** An ADMIN profile body for everyone with the given enter chain and no leave chain. */
    private static Map<String, Object> profile(List<?> enter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("profile"));
        body.put("assignment", "ADMIN");
        body.put("enterActions", enter);
        body.put("leaveActions", List.of());
        return body;
    }

    private static Map<String, Object> withTriggers(List<?> triggers) {
        Map<String, Object> body = profile(List.of());
        body.put("triggers", triggers);
        return body;
    }

    private static Map<String, Object> trigger(String type, Object... keyValues) {
        return action(type, keyValues);
    }

    /** 400 validation-failed naming exactly the given fields. */
    private static void assertRefused(Map<String, Object> body, String... fields) {
        asAdmin().body(body).post(PROFILES).then().statusCode(400)
                .body("errorId", equalTo("validation-failed"))
                .body("violations.field", equalTo(List.of(fields)));
    }

    private static void assertRefusedAction(Map<String, Object> action, String... fields) {
        assertRefused(profile(List.of(action)), fields);
    }

    private static void assertAccepted(Map<String, Object> body) {
        asAdmin().body(body).post(PROFILES).then().statusCode(201);
    }

    private static void assertAcceptedAction(Map<String, Object> action) {
        assertAccepted(profile(List.of(action)));
    }

    private static Map<String, Object> read(long id) {
        return asAdmin().get(PROFILES + "/" + id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    private static void put(long id, Map<String, Object> body, int status) {
        asAdmin().body(body).put(PROFILES + "/" + id).then().statusCode(status);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> enterActions(Map<String, Object> profile) {
        return (List<Map<String, Object>>) profile.get("enterActions");
    }

    /** A USER with profilePersonal (may create personal profiles). */
    private static Map<String, Object> personalUser() {
        Map<String, Object> user = new HashMap<>(createUser("USER"));
        user.put("profilePersonal", true);
        asAdmin().body(user).put("/api/v1/users/" + id(user)).then().statusCode(200)
                .body("profilePersonal", equalTo(true));
        return user;
    }

    private static Map<String, Object> personal(String name) {
        return new HashMap<>(Map.of("name", name, "assignment", "PERSONAL", "enterActions",
                List.of(action("SET_REDIRECT", "kind", "BUSY", "target", "1234"))));
    }

    // ---------------------------------------------------------------- SYSTEM profiles

    @Test
    void shouldProvideAvailableAndDndAsSystemProfilesWithBuiltInReachabilityStep() {
        Map<String, Object> available = read(1);
        Map<String, Object> dnd = read(2);

        assertThat(available).containsEntry("name", "Available").containsEntry("assignment", "SYSTEM");
        assertThat(dnd).containsEntry("name", "DND").containsEntry("assignment", "SYSTEM");
        assertThat(enterActions(available)).filteredOn(a -> Boolean.TRUE.equals(a.get("builtIn")))
                .containsExactly(Map.of("type", "SET_REACHABILITY", "enabled", true, "builtIn", true));
        assertThat(enterActions(dnd)).filteredOn(a -> Boolean.TRUE.equals(a.get("builtIn")))
                .containsExactly(Map.of("type", "SET_REACHABILITY", "enabled", false, "builtIn", true));
    }

    @Test
    void shouldRefuseDeletingASystemProfile() {
        for (long system : List.of(1L, 2L)) {
            asAdmin().delete(PROFILES + "/" + system).then().statusCode(409)
                    .body("errorId", equalTo("profile-not-deletable"));
            asAdmin().get(PROFILES + "/" + system).then().statusCode(200);
        }
    }

    @Test
    void givenSystemProfile_whenExtraActionAdded_thenItIsKeptAfterTheBuiltInStepAndCanBeRemovedAgain() {
        Map<String, Object> original = read(1);
        try {
            Map<String, Object> changed = new HashMap<>(original);
            List<Map<String, Object>> enter = new ArrayList<>(enterActions(original));
            enter.add(action("UNSET_REDIRECT", "kind", "NO_ANSWER"));
            changed.put("enterActions", enter);
            changed.put("color", "#123456");

            put(1, changed, 200);

            Map<String, Object> after = read(1);
            assertThat(after).containsEntry("color", "#123456").containsEntry("name", original.get("name"));
            assertThat(enterActions(after)).isEqualTo(enter);
        } finally {
            put(1, original, 200);
        }
        assertThat(read(1)).isEqualTo(original);
    }

    @Test
    void shouldRefuseRemovingTheBuiltInStepOfASystemProfile() {
        for (long system : List.of(1L, 2L)) {
            Map<String, Object> original = read(system);
            Map<String, Object> withoutStep = new HashMap<>(original);
            withoutStep.put("enterActions", enterActions(original).stream()
                    .filter(a -> !Boolean.TRUE.equals(a.get("builtIn"))).toList());

            asAdmin().body(withoutStep).put(PROFILES + "/" + system).then().statusCode(409)
                    .body("errorId", equalTo("builtin-action-required"));

            assertThat(read(system)).isEqualTo(original);
        }
    }

    @Test
    void shouldRefuseFlippingTheBuiltInStepOfASystemProfile() {
        for (long system : List.of(1L, 2L)) {
            Map<String, Object> original = read(system);
            Map<String, Object> flipped = new HashMap<>(original);
            flipped.put("enterActions", enterActions(original).stream().map(a -> {
                if (!Boolean.TRUE.equals(a.get("builtIn"))) {
                    return a;
                }
                Map<String, Object> copy = new HashMap<>(a);
                copy.put("enabled", !(Boolean) a.get("enabled"));
                return copy;
            }).toList());

            asAdmin().body(flipped).put(PROFILES + "/" + system).then().statusCode(409)
                    .body("errorId", equalTo("builtin-action-required"));

            assertThat(read(system)).isEqualTo(original);
        }
    }

    @Test
    void shouldRefuseChangingTheAssignmentOfASystemProfile() {
        Map<String, Object> original = read(2);
        Map<String, Object> changed = new HashMap<>(original);
        changed.put("assignment", "ADMIN");

        asAdmin().body(changed).put(PROFILES + "/2").then().statusCode(400)
                .body("violations[0].field", equalTo("assignment"));
        assertThat(read(2)).isEqualTo(original);
    }

    // ---------------------------------------------------------------- creating

    @Test
    void givenValidAdminProfile_whenCreated_thenLocationAndBodyNameIt() {
        Map<String, Object> body = profile(List.of());

        ExtractableResponse<Response> created = asAdmin().body(body).post(PROFILES).then().statusCode(201)
                .body("name", equalTo(body.get("name"))).body("assignment", equalTo("ADMIN")).extract();

        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith(PROFILES + "/" + id);
        asAdmin().get(created.header("Location")).then().statusCode(200).body("id", equalTo((int) id));
        asAdmin().get(PROFILES).then().statusCode(200).body("id", hasItem((int) id));
    }

    @Test
    void shouldRefuseCreatingASystemProfileOrOneWithoutAssignment() {
        Map<String, Object> system = profile(List.of());
        system.put("assignment", "SYSTEM");
        assertRefused(system, "assignment");
        Map<String, Object> none = profile(List.of());
        none.remove("assignment");
        assertRefused(none, "assignment");
    }

    @Test
    void shouldRefuseInvalidBaseSettings() {
        assertRefused(with(profile(List.of()), "name", " "), "name");
        assertRefused(with(profile(List.of()), "name", "a\r\nb"), "name");
        assertRefused(with(profile(List.of()), "color", "red"), "color");
        assertRefused(with(profile(List.of()), "icon", "Coffee Cup"), "icon");
        assertRefused(with(profile(List.of()), "presence", "sleeping"), "presence");
        assertRefused(with(profile(List.of()), "roles", List.of("EMPEROR")), "roles[0]");
        asAdmin().body(with(profile(List.of()), "groupIds", List.of(999_999_999))).post(PROFILES).then()
                .statusCode(400).body("violations[0].field", equalTo("groupIds[0]"));
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    // ---------------------------------------------------------------- actions: required parameters

    @Test
    void shouldRefuseEnabledFlagMissingFromReachabilityGsmAndFollowMe() {
        assertRefusedAction(action("SET_REACHABILITY"), "enterActions[0].enabled");
        assertRefusedAction(action("GSM_MODE"), "enterActions[0].enabled");
        assertRefusedAction(action("FOLLOW_ME", "targets", List.of("1001")), "enterActions[0].enabled");
    }

    @Test
    void shouldRefuseTeamMissingFromLoginAndLogout() {
        assertRefusedAction(action("TEAM_LOGIN"), "enterActions[0].team");
        assertRefusedAction(action("TEAM_LOGOUT"), "enterActions[0].team");
    }

    @Test
    void shouldAcceptPauseAndUnpauseWithoutTeamMeaningAllTeams() {
        assertAcceptedAction(action("TEAM_PAUSE"));
        assertAcceptedAction(action("TEAM_PAUSE", "reason", "lunch"));
        assertAcceptedAction(action("TEAM_UNPAUSE"));
        assertAcceptedAction(action("UNSET_WORKPLACE"));
    }

    @Test
    void shouldRefuseWorkplaceMissingFromSetWorkplace() {
        assertRefusedAction(action("SET_WORKPLACE"), "enterActions[0].workplace");
    }

    @Test
    void shouldRefuseKindOrTargetMissingFromRedirects() {
        assertRefusedAction(action("SET_REDIRECT", "target", "2000"), "enterActions[0].kind");
        assertRefusedAction(action("SET_REDIRECT", "kind", "ALWAYS"), "enterActions[0].target");
        assertRefusedAction(action("UNSET_REDIRECT"), "enterActions[0].kind");
    }

    @Test
    void shouldRefuseMissingTypeOrUnknownType() {
        assertRefused(profile(List.of(Map.of("enabled", true))), "enterActions[0].type");
        asAdmin().body(profile(List.of(action("FLY_AWAY")))).post(PROFILES).then().statusCode(400)
                .body("violations[0].field", equalTo("enterActions[0].type"));
    }

    @Test
    void shouldNameTheChainAndPositionOfTheFaultyStep() {
        Map<String, Object> body = profile(List.of(action("UNSET_WORKPLACE"), action("GSM_MODE")));
        body.put("leaveActions", List.of(action("UNSET_WORKPLACE"), action("UNSET_WORKPLACE"),
                action("TEAM_LOGIN")));

        assertRefused(body, "enterActions[1].enabled", "leaveActions[2].team");
    }

    // ---------------------------------------------------------------- actions: foreign parameters

    @Test
    void shouldRefuseAParameterThatDoesNotBelongToTheType() {
        String team = createTeam(null);
        assertRefusedAction(action("SET_REACHABILITY", "enabled", true, "team", team), "enterActions[0].team");
        assertRefusedAction(action("GSM_MODE", "enabled", true, "targets", List.of("1001")),
                "enterActions[0].targets");
        assertRefusedAction(action("FOLLOW_ME", "enabled", false, "kind", "ALWAYS"), "enterActions[0].kind");
        assertRefusedAction(action("TEAM_LOGIN", "team", team, "reason", "x"), "enterActions[0].reason");
        assertRefusedAction(action("TEAM_LOGOUT", "team", team, "penalty", 1), "enterActions[0].penalty");
        assertRefusedAction(action("TEAM_PAUSE", "team", team, "penalty", 1), "enterActions[0].penalty");
        assertRefusedAction(action("TEAM_UNPAUSE", "reason", "x"), "enterActions[0].reason");
        assertRefusedAction(action("SET_WORKPLACE", "workplace", createWorkplace(null).get("name"), "team", team),
                "enterActions[0].team");
        assertRefusedAction(action("UNSET_WORKPLACE", "workplace", "desk"), "enterActions[0].workplace");
        assertRefusedAction(action("SET_REDIRECT", "kind", "ALWAYS", "target", "2000", "enabled", true),
                "enterActions[0].enabled");
        assertRefusedAction(action("UNSET_REDIRECT", "kind", "ALWAYS", "target", "2000"), "enterActions[0].target");
        asAdmin().body(profile(List.of(action("UNSET_WORKPLACE", "colour", "red")))).post(PROFILES).then()
                .statusCode(400).body("violations[0].field", equalTo("enterActions[0].colour"));
    }

    // ---------------------------------------------------------------- actions: values

    @Test
    void shouldRefuseUnknownTeam() {
        String unknown = unique("no-such-team");
        assertRefusedAction(action("TEAM_LOGIN", "team", unknown), "enterActions[0].team");
        assertRefusedAction(action("TEAM_LOGOUT", "team", unknown), "enterActions[0].team");
        assertRefusedAction(action("TEAM_PAUSE", "team", unknown), "enterActions[0].team");
        assertRefusedAction(action("TEAM_UNPAUSE", "team", unknown), "enterActions[0].team");
    }

    @Test
    void shouldRefuseUnknownWorkplace() {
        assertRefusedAction(action("SET_WORKPLACE", "workplace", unique("no-such-desk")),
                "enterActions[0].workplace");
    }

    @Test
    void shouldRefuseRedirectTargetThatIsNotADialString() {
        for (String target : List.of("abc", "1001\r\nAction: Originate", "1".repeat(33), "", "10 01", "ASK")) {
            assertRefusedAction(action("SET_REDIRECT", "kind", "ALWAYS", "target", target),
                    "enterActions[0].target");
        }
    }

    @Test
    void shouldAcceptDialStringsAndAskAsRedirectTarget() {
        for (String target : List.of("ask", "2000", "+4930123456", "*21#", "1".repeat(32))) {
            assertAcceptedAction(action("SET_REDIRECT", "kind", "NO_ANSWER", "target", target));
        }
    }

    @Test
    void shouldRefuseUnknownRedirectKind() {
        asAdmin().body(profile(List.of(action("SET_REDIRECT", "kind", "SOMETIMES", "target", "2000")))).post(PROFILES)
                .then().statusCode(400).body("violations[0].field", equalTo("enterActions[0].kind"));
    }

    @Test
    void shouldRefuseFollowMeEnabledWithoutTargetsOrWithBadTargets() {
        assertRefusedAction(action("FOLLOW_ME", "enabled", true), "enterActions[0].targets");
        assertRefusedAction(action("FOLLOW_ME", "enabled", true, "targets", List.of()), "enterActions[0].targets");
        assertRefusedAction(action("FOLLOW_ME", "enabled", true, "targets", List.of("1001", "abc")),
                "enterActions[0].targets[1]");
        assertRefusedAction(action("FOLLOW_ME", "enabled", true, "targets",
                List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")), "enterActions[0].targets");
        assertAcceptedAction(action("FOLLOW_ME", "enabled", false));
    }

    @Test
    void shouldRefuseRingSecondsOutsideFiveToThreeHundred() {
        assertRefusedAction(action("FOLLOW_ME", "enabled", true, "targets", List.of("1001"), "ringSeconds", 4),
                "enterActions[0].ringSeconds");
        assertRefusedAction(action("FOLLOW_ME", "enabled", true, "targets", List.of("1001"), "ringSeconds", 301),
                "enterActions[0].ringSeconds");
        assertAcceptedAction(action("FOLLOW_ME", "enabled", true, "targets", List.of("1001"), "ringSeconds", 5));
        assertAcceptedAction(action("FOLLOW_ME", "enabled", true, "targets", List.of("1001"), "ringSeconds", 300));
    }

    @Test
    void shouldRefusePreRingSecondsOutsideZeroToSixty() {
        assertRefusedAction(action("FOLLOW_ME", "enabled", true, "targets", List.of("1001"), "preRingSeconds", -1),
                "enterActions[0].preRingSeconds");
        assertRefusedAction(action("FOLLOW_ME", "enabled", true, "targets", List.of("1001"), "preRingSeconds", 61),
                "enterActions[0].preRingSeconds");
        assertAcceptedAction(action("FOLLOW_ME", "enabled", true, "targets", List.of("1001"), "preRingSeconds", 0));
        assertAcceptedAction(action("FOLLOW_ME", "enabled", true, "targets", List.of("1001"), "preRingSeconds", 60));
    }

    @Test
    void shouldRefusePenaltyOutsideZeroToThousand() {
        String team = createTeam(null);
        assertRefusedAction(action("TEAM_LOGIN", "team", team, "penalty", -1), "enterActions[0].penalty");
        assertRefusedAction(action("TEAM_LOGIN", "team", team, "penalty", 1001), "enterActions[0].penalty");
        assertAcceptedAction(action("TEAM_LOGIN", "team", team, "penalty", 0));
        assertAcceptedAction(action("TEAM_LOGIN", "team", team, "penalty", 1000));
    }

    @Test
    void shouldRefusePauseReasonWithControlCharacters() {
        assertRefusedAction(action("TEAM_PAUSE", "reason", "lunch\r\nAction: Logoff"), "enterActions[0].reason");
        assertRefusedAction(action("TEAM_PAUSE", "reason", "x".repeat(65)), "enterActions[0].reason");
    }

    @Test
    void shouldRefuseAChainOfMoreThanOneHundredActions() {
        List<Map<String, Object>> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(action("UNSET_REDIRECT", "kind", "BUSY"));
        }
        List<Map<String, Object>> hundredAndOne = new ArrayList<>(hundred);
        hundredAndOne.add(action("UNSET_REDIRECT", "kind", "BUSY"));

        assertRefused(profile(hundredAndOne), "enterActions");
        Map<String, Object> longLeave = profile(List.of());
        longLeave.put("leaveActions", hundredAndOne);
        assertRefused(longLeave, "leaveActions");
        assertAccepted(profile(hundred));
    }

    // ---------------------------------------------------------------- triggers

    @Test
    void shouldRefuseTimeTriggerWithoutAt() {
        assertRefused(withTriggers(List.of(trigger("TIME", "days", List.of("MON")))), "triggers[0].at");
    }

    @Test
    void shouldRefuseTimeTriggerWithBothOrNeitherOfDaysAndDate() {
        assertRefused(withTriggers(List.of(trigger("TIME", "at", "12:00"))), "triggers[0].days");
        assertRefused(withTriggers(List.of(trigger("TIME", "at", "12:00", "days", List.of()))), "triggers[0].days");
        assertRefused(withTriggers(List.of(trigger("TIME", "at", "12:00", "days", List.of("MON"),
                "date", "2026-12-24"))), "triggers[0].days");
        assertRefused(withTriggers(List.of(trigger("TIME", "at", "12:00", "days", List.of("MON", "MON")))),
                "triggers[0].days");
    }

    @Test
    void shouldRefuseTimeTriggerWithInvalidTimeZoneOrTime() {
        assertRefused(withTriggers(List.of(trigger("TIME", "at", "12:00", "days", List.of("MON"),
                "timeZone", "Mars/Olympus"))), "triggers[0].timeZone");
        assertRefused(withTriggers(List.of(trigger("TIME", "at", "12:00", "until", "12:00", "days",
                List.of("MON")))), "triggers[0].until");
        asAdmin().body(withTriggers(List.of(trigger("TIME", "at", "25:00", "days", List.of("MON"))))).post(PROFILES)
                .then().statusCode(400).body("violations[0].field", equalTo("triggers[0].at"));
        asAdmin().body(withTriggers(List.of(trigger("TIME", "at", "12:00", "days", List.of("MONDAY")))))
                .post(PROFILES).then().statusCode(400).body("violations[0].field", equalTo("triggers[0].days[0]"));
    }

    @Test
    void shouldRefuseTimeTriggerWithFieldsOfOtherTypes() {
        assertRefused(withTriggers(List.of(trigger("TIME", "at", "12:00", "days", List.of("MON"),
                "activities", List.of("InAMeeting")))), "triggers[0].activities");
    }

    @Test
    void shouldAcceptValidTimeTriggers() {
        assertAccepted(withTriggers(List.of(
                trigger("TIME", "at", "12:00", "until", "12:45", "days", List.of("MON", "FRI"),
                        "timeZone", "Europe/Berlin"),
                trigger("TIME", "at", "08:00", "date", "2026-12-24"))));
    }

    @Test
    void shouldAcceptOnlyGraphActivitiesForTeamsMeetingTriggers() {
        assertAccepted(withTriggers(List.of(trigger("TEAMS_MEETING", "activities", List.of("InAMeeting")))));
        assertAccepted(withTriggers(List.of(trigger("TEAMS_MEETING"))));
        assertRefused(withTriggers(List.of(trigger("TEAMS_MEETING", "activities", List.of("InAMeeting",
                "Sleeping")))), "triggers[0].activities[1]");
        assertRefused(withTriggers(List.of(trigger("TEAMS_MEETING", "at", "12:00"))), "triggers[0].at");
    }

    @Test
    void shouldRefuseOfficeHoursTriggerWithoutExistingGroupOrWhen() {
        long group = createGroup("Europe/Berlin");
        assertAccepted(withTriggers(List.of(trigger("OFFICE_HOURS", "group", group, "when", "CLOSED"))));
        assertRefused(withTriggers(List.of(trigger("OFFICE_HOURS", "when", "CLOSED"))), "triggers[0].group");
        assertRefused(withTriggers(List.of(trigger("OFFICE_HOURS", "group", 999_999_999, "when", "CLOSED"))),
                "triggers[0].group");
        assertRefused(withTriggers(List.of(trigger("OFFICE_HOURS", "group", group))), "triggers[0].when");
        assertRefused(withTriggers(List.of(trigger("OFFICE_HOURS", "group", group, "when", "OPEN",
                "timeZone", "Europe/Berlin"))), "triggers[0].timeZone");
    }

    @Test
    void shouldRefuseTriggerWithoutType() {
        assertRefused(withTriggers(List.of(Map.of("at", "12:00"))), "triggers[0].type");
    }

    // ---------------------------------------------------------------- round trip

    @Test
    void givenProfileWithEverything_whenReadBack_thenItIsExactlyWhatWasWritten() {
        int group = (int) createGroup("Europe/Berlin");
        String support = createTeam(null);
        String sales = createTeam(null);
        Object desk = createWorkplace(null).get("name");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("Lunch"));
        body.put("color", "#FFAA00");
        body.put("icon", "coffee");
        body.put("iconVisible", false);
        body.put("sticky", true);
        body.put("assignment", "ADMIN");
        body.put("presence", "away");
        body.put("roles", List.of("USER", "MANAGER"));
        body.put("groupIds", List.of(group));
        body.put("ownerId", null);
        body.put("enterActions", List.of(
                action("SET_REACHABILITY", "enabled", true),
                action("FOLLOW_ME", "enabled", true, "targets", List.of("1001", "+4930123456#"), "ringSeconds", 25),
                action("GSM_MODE", "enabled", true),
                action("TEAM_LOGIN", "team", support, "penalty", 3),
                action("TEAM_LOGIN", "team", sales),
                action("TEAM_PAUSE", "team", support, "reason", "lunch"),
                action("TEAM_PAUSE"),
                action("SET_WORKPLACE", "workplace", desk),
                action("SET_REDIRECT", "kind", "ALWAYS", "target", "ask"),
                action("SET_REDIRECT", "kind", "BUSY", "target", "*21#")));
        body.put("leaveActions", List.of(
                action("TEAM_UNPAUSE", "team", support),
                action("TEAM_UNPAUSE"),
                action("TEAM_LOGOUT", "team", sales),
                action("UNSET_WORKPLACE"),
                action("FOLLOW_ME", "enabled", false),
                action("GSM_MODE", "enabled", false),
                action("UNSET_REDIRECT", "kind", "ALWAYS"),
                action("UNSET_REDIRECT", "kind", "NO_ANSWER")));
        body.put("triggers", List.of(
                trigger("TIME", "at", "12:00", "until", "12:45", "days", List.of("MON", "TUE", "FRI"),
                        "timeZone", "Europe/Berlin"),
                trigger("TIME", "at", "07:30", "date", "2026-12-24"),
                trigger("TEAMS_MEETING", "activities", List.of("InAMeeting", "Presenting")),
                trigger("OFFICE_HOURS", "group", group, "when", "BREAK")));

        Map<String, Object> created = asAdmin().body(body).post(PROFILES).then().statusCode(201).extract()
                .jsonPath().getMap("");

        Map<String, Object> readBack = new LinkedHashMap<>(read(id(created)));
        assertThat(readBack).isEqualTo(created);
        readBack.remove("id");
        assertThat(readBack).isEqualTo(body);
    }

    @Test
    void givenProfile_whenReplaced_thenReadBackIsTheReplacementOnly() {
        String team = createTeam(null);
        long id = createProfile(List.of(action("TEAM_LOGIN", "team", team)), List.of(action("TEAM_LOGOUT", "team",
                team)));
        Map<String, Object> replacement = new LinkedHashMap<>(read(id));
        replacement.put("name", unique("replaced"));
        replacement.put("presence", "dnd");
        replacement.put("enterActions", List.of(action("SET_REDIRECT", "kind", "BUSY", "target", "2000")));
        replacement.put("leaveActions", List.of());
        replacement.put("triggers", List.of(trigger("TEAMS_MEETING")));

        put(id, replacement, 200);

        assertThat(read(id)).isEqualTo(replacement);
        asAdmin().delete("/api/v1/teams/" + asAdmin().get("/api/v1/teams").then().extract().jsonPath()
                .getLong("find { it.name == '" + team + "' }.id")).then().statusCode(204);
    }

    @Test
    void givenInvalidReplacement_whenPut_thenProfileIsUnchanged() {
        long id = createProfile(List.of(action("SET_REDIRECT", "kind", "BUSY", "target", "2000")), List.of());
        Map<String, Object> original = read(id);
        Map<String, Object> invalid = new LinkedHashMap<>(original);
        invalid.put("enterActions", List.of(action("SET_REDIRECT", "kind", "BUSY", "target", "abc")));

        asAdmin().body(invalid).put(PROFILES + "/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("enterActions[0].target"));

        assertThat(read(id)).isEqualTo(original);
    }

    // ---------------------------------------------------------------- names

    @Test
    void shouldRefuseDuplicateAdminProfileName() {
        Map<String, Object> body = profile(List.of());
        assertAccepted(body);

        asAdmin().body(body).post(PROFILES).then().statusCode(409).body("errorId", equalTo("profile-name-taken"));
        asAdmin().body(with(body, "name", " " + body.get("name") + " ")).post(PROFILES).then().statusCode(409)
                .body("errorId", equalTo("profile-name-taken"));
        asAdmin().body(with(profile(List.of()), "name", "Available")).post(PROFILES).then().statusCode(409)
                .body("errorId", equalTo("profile-name-taken"));
    }

    @Test
    void shouldRefuseRenamingAProfileToTheNameOfAnother() {
        Map<String, Object> first = profile(List.of());
        assertAccepted(first);
        long second = createProfile(List.of(), List.of());
        Map<String, Object> renamed = new LinkedHashMap<>(read(second));
        renamed.put("name", first.get("name"));

        asAdmin().body(renamed).put(PROFILES + "/" + second).then().statusCode(409)
                .body("errorId", equalTo("profile-name-taken"));
    }

    @Test
    void shouldAllowTwoUsersAPersonalProfileOfTheSameName() {
        Map<String, Object> anna = personalUser();
        Map<String, Object> ben = personalUser();
        String name = unique("Home office");

        asUser(anna).body(personal(name)).post(PROFILES).then().statusCode(201).body("ownerId",
                equalTo((int) id(anna)));
        asUser(ben).body(personal(name)).post(PROFILES).then().statusCode(201).body("ownerId",
                equalTo((int) id(ben)));

        asUser(anna).body(personal(name)).post(PROFILES).then().statusCode(409)
                .body("errorId", equalTo("profile-name-taken"));
    }

    // ---------------------------------------------------------------- PERSONAL profiles and visibility

    @Test
    void givenUserWithProfilePersonal_whenHeCreatesOne_thenOnlyHeAndHisManagersSeeIt() {
        Map<String, Object> owner = personalUser();
        Map<String, Object> other = createUser("USER");

        long id = asUser(owner).body(personal(unique("mine"))).post(PROFILES).then().statusCode(201)
                .body("assignment", equalTo("PERSONAL")).body("ownerId", equalTo((int) id(owner))).extract()
                .jsonPath().getLong("id");

        asUser(owner).get(PROFILES).then().statusCode(200).body("id", hasItem((int) id));
        asUser(owner).get(PROFILES + "/" + id).then().statusCode(200);
        asUser(other).get(PROFILES).then().statusCode(200).body("id", not(hasItem((int) id)));
        asUser(other).get(PROFILES + "/" + id).then().statusCode(404).body("errorId", equalTo("profile-not-found"));
        asAdmin().get(PROFILES + "/" + id).then().statusCode(200);
        switchTo(id(owner), id).statusCode(200);
        switchTo(id(other), id).statusCode(400).body("violations[0].field", equalTo("profileId"));
    }

    @Test
    void givenUserWithoutProfilePersonal_whenHeCreatesOne_thenForbidden() {
        Map<String, Object> user = createUser("USER");

        asUser(user).body(personal(unique("mine"))).post(PROFILES).then().statusCode(403)
                .body("errorId", equalTo("forbidden"));
    }

    @Test
    void givenPlainUser_whenHeCreatesAnAdminProfileOrOneForSomeoneElse_thenForbidden() {
        Map<String, Object> user = personalUser();
        Map<String, Object> someoneElse = personalUser();

        asUser(user).body(profile(List.of())).post(PROFILES).then().statusCode(403);
        asUser(user).body(with(personal(unique("yours")), "ownerId", id(someoneElse))).post(PROFILES).then()
                .statusCode(403);
    }

    @Test
    void shouldRefuseRestrictingAPersonalProfileToRolesOrGroups() {
        Map<String, Object> user = personalUser();

        asUser(user).body(with(personal(unique("mine")), "roles", List.of("USER"))).post(PROFILES).then()
                .statusCode(400).body("violations[0].field", equalTo("roles"));
    }

    @Test
    void givenPlainUser_whenListingProfiles_thenHeSeesSystemAndAdminProfilesAvailableToHimOnly() {
        long myGroup = createGroup("Europe/Berlin");
        long otherGroup = createGroup("Europe/Berlin");
        Map<String, Object> user = createUser("USER", myGroup);
        long everyone = createProfile(List.of(), List.of());
        long forUsers = createProfile(Map.of("roles", List.of("USER")), List.of(), List.of());
        long forMyGroup = createProfile(Map.of("groupIds", List.of(myGroup)), List.of(), List.of());
        long forManagers = createProfile(Map.of("roles", List.of("MANAGER")), List.of(), List.of());
        long forOtherGroup = createProfile(Map.of("groupIds", List.of(otherGroup)), List.of(), List.of());
        long forUsersOfOtherGroup = createProfile(Map.of("roles", List.of("USER"), "groupIds", List.of(otherGroup)),
                List.of(), List.of());

        List<Long> visible = asUser(user).get(PROFILES).then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class);

        assertThat(visible).contains(1L, 2L, everyone, forUsers, forMyGroup)
                .doesNotContain(forManagers, forOtherGroup, forUsersOfOtherGroup);
        asUser(user).get(PROFILES + "/" + forManagers).then().statusCode(404);
        asUser(user).get(PROFILES + "/" + forOtherGroup).then().statusCode(404);
        asUser(user).get(PROFILES + "/" + forMyGroup).then().statusCode(200);
    }

    @Test
    void givenPlainUser_whenHeTriesToChangeOrDeleteAProfile_thenForbiddenAndUnchanged() {
        Map<String, Object> user = createUser("USER");
        long id = createProfile(List.of(), List.of());
        Map<String, Object> original = read(id);

        asUser(user).body(with(original, "name", unique("mine-now"))).put(PROFILES + "/" + id).then()
                .statusCode(403);
        asUser(user).delete(PROFILES + "/" + id).then().statusCode(403);
        asUser(user).delete(PROFILES + "/1").then().statusCode(409);

        assertThat(read(id)).isEqualTo(original);
    }

    // ---------------------------------------------------------------- deleting

    @Test
    void givenUsersWithTheProfileActive_whenDeleted_thenTheyAreMovedToAvailableThroughItsLeaveChain() {
        Map<String, Object> first = createUser("USER");
        Map<String, Object> second = createUser("USER");
        Map<String, Object> bystander = createUser("USER");
        String name = unique("Meeting");
        long meeting = createProfile(Map.of("name", name), List.of(
                        action("SET_REACHABILITY", "enabled", false),
                        action("SET_REDIRECT", "kind", "ALWAYS", "target", "1234"),
                        action("GSM_MODE", "enabled", true)),
                List.of(action("UNSET_REDIRECT", "kind", "ALWAYS"),
                        action("SET_REDIRECT", "kind", "BUSY", "target", "777")));
        for (Map<String, Object> user : List.of(first, second)) {
            switchTo(id(user), meeting).statusCode(200);
            assertThat(desired(id(user)).getBoolean("reachable")).isFalse();
        }
        switchTo(id(bystander), 2).statusCode(200);

        asAdmin().delete(PROFILES + "/" + meeting).then().statusCode(204);

        asAdmin().get(PROFILES + "/" + meeting).then().statusCode(404);
        for (Map<String, Object> user : List.of(first, second)) {
            long id = id(user);
            asAdmin().get("/api/v1/users/" + id + "/profile").then().statusCode(200).body("profileId", equalTo(1))
                    .body("profileName", equalTo("Available")).body("source", equalTo("SYSTEM"));
            JsonPath history = asAdmin().get("/api/v1/users/" + id + "/history").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(history.getString("items[0].source")).isEqualTo("SYSTEM");
            assertThat(history.getString("items[0].outcome")).isEqualTo("SWITCHED");
            assertThat(history.getLong("items[0].fromProfileId")).isEqualTo(meeting);
            assertThat(history.getString("items[0].fromProfileName")).isEqualTo(name);
            assertThat(history.getInt("items[0].toProfileId")).isEqualTo(1);
            JsonPath state = desired(id);
            assertThat(state.getBoolean("reachable")).as("Available's enter chain").isTrue();
            assertThat(state.getMap("redirects")).as("the leave chain").doesNotContainKey("ALWAYS")
                    .containsEntry("BUSY", "777");
            assertThat(state.getBoolean("gsm.enabled")).as("no leave step for GSM").isTrue();
            assertThat(state.getLong("presence.profileId")).isEqualTo(1);
        }
        asAdmin().get("/api/v1/users/" + id(bystander) + "/profile").then().body("profileId", equalTo(2));
        asAdmin().get("/api/v1/users/" + id(bystander) + "/history").then()
                .body("items[0].toProfileId", equalTo(2)).body("items[0].fromProfileName", not(equalTo(name)));
    }

    @Test
    void givenProfileThatWasSomeonesPrevious_whenDeleted_thenHisActiveProfileForgetsIt() {
        long user = id(createUser("USER"));
        long p = createProfile(List.of(), List.of());
        switchTo(user, p).statusCode(200);
        switchTo(user, 2).statusCode(200).body("previousProfileId", equalTo((int) p));

        asAdmin().delete(PROFILES + "/" + p).then().statusCode(204);

        asAdmin().get("/api/v1/users/" + user + "/profile").then().statusCode(200).body("profileId", equalTo(2))
                .body("previousProfileId", nullValue());
    }

    @Test
    void shouldAnswerNotFoundForUnknownProfile() {
        asAdmin().get(PROFILES + "/999999999").then().statusCode(404).body("errorId", equalTo("profile-not-found"));
        asAdmin().delete(PROFILES + "/999999999").then().statusCode(404);
        asAdmin().body(profile(List.of())).put(PROFILES + "/999999999").then().statusCode(404);
    }

    @Test
    void shouldLetOwnerButNoOtherUserDeleteHisPersonalProfile() {
        Map<String, Object> owner = personalUser();
        Map<String, Object> other = personalUser();
        long id = asUser(owner).body(personal(unique("mine"))).post(PROFILES).then().statusCode(201).extract()
                .jsonPath().getLong("id");

        asUser(other).delete(PROFILES + "/" + id).then().statusCode(404);
        asUser(owner).delete(PROFILES + "/" + id).then().statusCode(204);

        asUser(owner).get(PROFILES + "/" + id).then().statusCode(404);
    }

    @Test
    void givenOwnerHasHisPersonalProfileActive_whenHeDeletesIt_thenHeIsBackInAvailable() {
        Map<String, Object> owner = personalUser();
        long id = asUser(owner).body(personal(unique("mine"))).post(PROFILES).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        switchTo(id(owner), id).statusCode(200);

        asUser(owner).delete(PROFILES + "/" + id).then().statusCode(204);

        asAdmin().get("/api/v1/users/" + id(owner) + "/profile").then().body("profileId", equalTo(1))
                .body("source", equalTo("SYSTEM"));
    }

    @Test
    void concurrentChangesOfOneProfileAreAnsweredWithSuccessOrConflictNeverA500() throws Exception {
        long p = createProfile(List.of(action("SET_REDIRECT", "kind", "BUSY", "target", "100")), List.of());
        Map<String, Object> body = asAdmin().get("/api/v1/profiles/" + p).then().statusCode(200).extract()
                .jsonPath().getMap("");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Map<String, Object> change = new HashMap<>(body);
                change.put("enterActions", List.of(action("SET_REDIRECT", "kind", "BUSY", "target", "2" + i)));
                answers.add(pool.submit(() -> asAdmin().body(change).put("/api/v1/profiles/" + p).then()
                        .extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).allMatch(s -> s == 200 || s == 409).contains(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
