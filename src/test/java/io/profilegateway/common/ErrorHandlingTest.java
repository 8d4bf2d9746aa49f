package io.profilegateway.common;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createGroup;
import static io.profilegateway.testing.Api.createTeam;
import static io.profilegateway.testing.Api.createWorkplace;
import static io.profilegateway.testing.Api.extension;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * quality.md S3: bad input on every write endpoint, unknown and malformed ids in paths and bodies. Every answer is a
 * 4xx RFC 9457 problem ({@code application/problem+json} with an {@code errorId}) that names the field at fault, never
 * a 5xx and never a stack trace; valid Unicode text is accepted where text is allowed.
 *
 * <p>Bodies are JSON templates: {@code "@name"} strings are replaced at run time by the ids of objects made in
 * {@link #makeFixtures()} ({@code "$group"}), or by fresh unique values ({@code $u}, {@code $ext}); a case then sets
 * one field (same path syntax as {@code violations[].field}) to a raw JSON value, or sends a raw body as it is.
 */
@QuarkusTest
class ErrorHandlingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BIG = "x".repeat(10 * 1024);
    private static final String UNICODE = "Zoë 東京 Ñandú ✓";
    private static final String REMOVE = "<remove>";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$([a-zA-Z]+)");

    /** Ids of the objects the templates refer to; made once for the class. */
    private static final Map<String, Object> FIXTURES = new HashMap<>();

    // ---- valid bodies, per endpoint

    private static final String GROUP = "{'name':'group $u','language':'de','timeZone':'Europe/Berlin',"
            + "'officeHours':{'weekly':[{'day':'MON','from':'08:00','to':'12:00','state':'OPEN'}],'exceptions':[]}}";
    private static final String TEAM = "{'name':'team-$u','queue':'queue-$u','groupId':'$group'}";
    private static final String WORKPLACE = "{'name':'desk $u','device':'PJSIP/desk-$u','groupId':'$group'}";
    private static final String NEW_USER = "{'extension':'$ext','displayName':'User $u','username':'user-$u',"
            + "'password':'correct-horse-battery','role':'USER','primaryGroupId':'$group','groupIds':[],"
            + "'devices':['PJSIP/dev-$u'],'email':'$u@example.com','mobile':'+4915100000001'}";
    private static final String USER = "{'extension':'$userExt','displayName':'Target','username':'$username',"
            + "'role':'USER','primaryGroupId':'$group','groupIds':[],'devices':['PJSIP/$username']}";
    private static final String PROFILE = "{'name':'profile $u','assignment':'ADMIN','presence':'away',"
            + "'color':'#FFAA00','icon':'coffee','sticky':false,'roles':[],'groupIds':[],"
            + "'enterActions':[{'type':'TEAM_LOGIN','team':'$teamName','penalty':1}],"
            + "'leaveActions':[{'type':'SET_REDIRECT','kind':'ALWAYS','target':'2000'}],'triggers':[]}";
    /** A valid trigger (set by the trigger cases only: no profile made here fires at a time). */
    private static final String TRIGGER = "{'type':'TIME','at':'12:00','until':'12:45','days':['MON','TUE']";
    private static final String SWITCH = "{'profileId':2}";
    private static final String PASSWORD = "{'password':'another-good-password'}";
    private static final String TOKEN = "{'name':'token $u'}";
    private static final String MONITORING = "{'name':'monitoring $u','groupId':'$group','subGroups':["
            + "{'name':'assistants','memberIds':['$viewer']},{'name':'staff','memberIds':['$user']}],"
            + "'rules':[{'viewers':'assistants','owners':'staff','level':'ASSISTANT'}]}";
    private static final String RELATIONSHIP = "{'level':'TEAM_COLLEAGUE'}";

    private record Endpoint(String label, String method, String path, String body) {
    }

    private static final Endpoint POST_GROUP = new Endpoint("POST /groups", "POST", "/api/v1/groups", GROUP);
    private static final Endpoint PUT_GROUP = new Endpoint("PUT /groups/{id}", "PUT", "/api/v1/groups/$group", GROUP);
    private static final Endpoint POST_TEAM = new Endpoint("POST /teams", "POST", "/api/v1/teams", TEAM);
    private static final Endpoint PUT_TEAM = new Endpoint("PUT /teams/{id}", "PUT", "/api/v1/teams/$team", TEAM);
    private static final Endpoint POST_WORKPLACE = new Endpoint("POST /workplaces", "POST", "/api/v1/workplaces",
            WORKPLACE);
    private static final Endpoint PUT_WORKPLACE = new Endpoint("PUT /workplaces/{id}", "PUT",
            "/api/v1/workplaces/$workplace", WORKPLACE);
    private static final Endpoint POST_USER = new Endpoint("POST /users", "POST", "/api/v1/users", NEW_USER);
    private static final Endpoint PUT_USER = new Endpoint("PUT /users/{id}", "PUT", "/api/v1/users/$user", USER);
    private static final Endpoint POST_PROFILE = new Endpoint("POST /profiles", "POST", "/api/v1/profiles", PROFILE);
    private static final Endpoint PUT_PROFILE = new Endpoint("PUT /profiles/{id}", "PUT", "/api/v1/profiles/$profile",
            PROFILE);
    private static final Endpoint SWITCH_PROFILE = new Endpoint("PUT /users/{id}/profile", "PUT",
            "/api/v1/users/$user/profile", SWITCH);
    private static final Endpoint SET_PASSWORD = new Endpoint("PUT /users/{id}/password", "PUT",
            "/api/v1/users/$user/password", PASSWORD);
    private static final Endpoint POST_TOKEN = new Endpoint("POST /users/{id}/tokens", "POST",
            "/api/v1/users/$user/tokens", TOKEN);

    private static final Endpoint POST_MONITORING = new Endpoint("POST /monitoring-groups", "POST",
            "/api/v1/monitoring-groups", MONITORING);
    private static final Endpoint PUT_MONITORING = new Endpoint("PUT /monitoring-groups/{id}", "PUT",
            "/api/v1/monitoring-groups/$monitoring", MONITORING);
    private static final Endpoint PUT_RELATIONSHIP = new Endpoint("PUT /users/{id}/relationships/{viewerId}", "PUT",
            "/api/v1/users/$user/relationships/$viewer", RELATIONSHIP);

    private static final List<Endpoint> WRITE_ENDPOINTS = List.of(POST_GROUP, PUT_GROUP, POST_TEAM, PUT_TEAM,
            POST_WORKPLACE, PUT_WORKPLACE, POST_USER, PUT_USER, POST_PROFILE, PUT_PROFILE, SWITCH_PROFILE,
            SET_PASSWORD, POST_TOKEN, POST_MONITORING, PUT_MONITORING, PUT_RELATIONSHIP);

    /**
     * One request and what must come of it. {@code field} set: the body is the template (an endpoint's valid body)
     * with that field set to {@code value} (raw JSON, or {@link #REMOVE}); otherwise the template is sent as it is
     * (null = no body). {@code status}: 2xx = accepted, else the problem's status. {@code expectedField}: what
     * {@code violations[0].field} must say (null = no field), or for path cases the {@code errorId}.
     */
    record Case(String method, String path, String template, String field, String value, int status,
            String expectedField) {
    }

    /** Once per class (RestAssured knows the port only from the first test on, so not in a {@code @BeforeAll}). */
    @BeforeEach
    void createFixtures() {
        synchronized (FIXTURES) {
            if (FIXTURES.isEmpty()) {
                makeFixtures();
            }
        }
    }

    private static void makeFixtures() {
        long group = createGroup("Europe/Berlin");
        FIXTURES.put("group", group);
        String teamName = createTeam(group);
        FIXTURES.put("teamName", teamName);
        // the team the PUT cases rewrite, apart from the one the profile bodies use
        String putTeam = createTeam(group);
        FIXTURES.put("team", asAdmin().get("/api/v1/teams").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.name == '" + putTeam + "' }.id"));
        FIXTURES.put("workplace", id(createWorkplace(group)));
        String username = unique("target");
        String ext = extension();
        FIXTURES.put("username", username);
        FIXTURES.put("userExt", ext);
        FIXTURES.put("user", id(asAdmin().body(Map.of("extension", ext, "displayName", "Target", "username", username,
                "role", "USER", "primaryGroupId", group, "devices", List.of("PJSIP/" + username)))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getMap("")));
        FIXTURES.put("profile", asAdmin().body(resolve(PROFILE)).post("/api/v1/profiles").then().statusCode(201)
                .extract().jsonPath().getLong("id"));
        FIXTURES.put("viewer", id(io.profilegateway.testing.Api.createUser("USER", group)));
        FIXTURES.put("monitoring", asAdmin().body(resolve(MONITORING)).post("/api/v1/monitoring-groups").then()
                .statusCode(201).extract().jsonPath().getLong("id"));
    }

    // ---- the tables

    static Stream<Arguments> badBodies() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint e : WRITE_ENDPOINTS) {
            rows.add(raw(e, "malformed JSON", "{\"name\": ", 400, null));
            rows.add(raw(e, "truncated object", "{\"name\": \"x\"", 400, null));
            rows.add(raw(e, "JSON array instead of object", "[]", 400, null));
            rows.add(raw(e, "array of the valid object", "[" + e.body() + "]", 400, null));
            rows.add(raw(e, "JSON string instead of object", "\"hello\"", 400, null));
            rows.add(raw(e, "JSON number instead of object", "42", 400, null));
            rows.add(raw(e, "JSON null", "null", 400, null));
            rows.add(raw(e, "empty body", "", 400, null));
            rows.add(raw(e, "trailing garbage", e.body() + " {}", 400, null));
            rows.add(set(e, "unknown field", "bogus", "1", 400, "bogus"));
        }
        return rows.stream();
    }

    static Stream<Arguments> badFields() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint e : List.of(POST_GROUP, PUT_GROUP)) {
            rows.add(set(e, "name missing", "name", REMOVE, 400, "name"));
            rows.add(set(e, "name empty", "name", "''", 400, "name"));
            rows.add(set(e, "name blank", "name", "'   '", 400, "name"));
            rows.add(set(e, "name 10 kB", "name", str(BIG), 400, "name"));
            rows.add(set(e, "name with CR/LF", "name", "'Berlin\\r\\nAction: Originate'", 400, "name"));
            rows.add(set(e, "name an object", "name", "{'a':1}", 400, "name"));
            rows.add(set(e, "name a list", "name", "['a']", 400, "name"));
            rows.add(set(e, "language not a tag", "language", "'klingon-XX'", 400, "language"));
            rows.add(set(e, "timeZone unknown", "timeZone", "'Mars/Olympus'", 400, "timeZone"));
            rows.add(set(e, "timeZone 10 kB", "timeZone", str(BIG), 400, "timeZone"));
            rows.add(set(e, "officeHours a string", "officeHours", "'closed'", 400, "officeHours"));
            rows.add(set(e, "weekday unknown", "officeHours.weekly[0].day", "'FUNDAY'", 400,
                    "officeHours.weekly[0].day"));
            rows.add(set(e, "time 25:00", "officeHours.weekly[0].from", "'25:00'", 400,
                    "officeHours.weekly[0].from"));
            rows.add(set(e, "time a number", "officeHours.weekly[0].to", "1200", 400, "officeHours.weekly[0].to"));
            rows.add(set(e, "state unknown", "officeHours.weekly[0].state", "'LUNCH'", 400,
                    "officeHours.weekly[0].state"));
            rows.add(set(e, "interval ends before it starts", "officeHours.weekly[0].to", "'07:00'", 400,
                    "officeHours.weekly[0].to"));
            rows.add(set(e, "Unicode name accepted", "name", str(UNICODE + " $u"), e == POST_GROUP ? 201 : 200,
                    null));
        }
        for (Endpoint e : List.of(POST_TEAM, PUT_TEAM)) {
            rows.add(set(e, "name with a space", "name", "'two words'", 400, "name"));
            rows.add(set(e, "name 10 kB", "name", str(BIG), 400, "name"));
            rows.add(set(e, "name Unicode (a technical name)", "name", str(UNICODE), 400, "name"));
            rows.add(set(e, "queue with CR/LF", "queue", "'q\\r\\nAction: Originate'", 400, "queue"));
            rows.add(set(e, "queue missing", "queue", REMOVE, 400, "queue"));
            rows.add(set(e, "groupId a string", "groupId", "'abc'", 400, "groupId"));
            rows.add(set(e, "groupId unknown", "groupId", "999999", 400, "groupId"));
            rows.add(set(e, "groupId negative", "groupId", "-1", 400, "groupId"));
            rows.add(set(e, "groupId 1e30", "groupId", "1e30", 400, "groupId"));
            rows.add(set(e, "groupId beyond long", "groupId", "99999999999999999999", 400, "groupId"));
            rows.add(set(e, "groupId a fraction", "groupId", "1.5", 400, "groupId"));
        }
        for (Endpoint e : List.of(POST_WORKPLACE, PUT_WORKPLACE)) {
            rows.add(set(e, "name 10 kB", "name", str(BIG), 400, "name"));
            rows.add(set(e, "name with CR/LF", "name", "'desk\\r\\n1'", 400, "name"));
            rows.add(set(e, "device with CR/LF", "device", "'PJSIP/1\\r\\nAction: Originate'", 400, "device"));
            rows.add(set(e, "device not a device", "device", "'desk 1'", 400, "device"));
            rows.add(set(e, "device a number", "device", "42", 400, "device"));
            rows.add(set(e, "groupId unknown", "groupId", "999999", 400, "groupId"));
            rows.add(set(e, "groupId beyond long", "groupId", "99999999999999999999", 400, "groupId"));
            rows.add(set(e, "Unicode name accepted", "name", str(UNICODE + " $u"), e == POST_WORKPLACE ? 201 : 200,
                    null));
        }
        for (Endpoint e : List.of(POST_USER, PUT_USER)) {
            rows.add(set(e, "displayName missing", "displayName", REMOVE, 400, "displayName"));
            rows.add(set(e, "displayName 10 kB", "displayName", str(BIG), 400, "displayName"));
            rows.add(set(e, "displayName with CR/LF", "displayName", "'Anna\\r\\nSchmidt'", 400, "displayName"));
            rows.add(set(e, "displayName an object", "displayName", "{'first':'Anna'}", 400, "displayName"));
            rows.add(set(e, "role GOD", "role", "'GOD'", 400, "role"));
            rows.add(set(e, "role lower case", "role", "'user'", 400, "role"));
            rows.add(set(e, "extension not digits", "extension", "'12ab'", 400, "extension"));
            rows.add(set(e, "email not an address", "email", "'not-an-email'", 400, "email"));
            rows.add(set(e, "email 10 kB", "email", str(BIG + "@example.com"), 400, "email"));
            rows.add(set(e, "mobile with spaces", "mobile", "'+49 151 000'", 400, "mobile"));
            rows.add(set(e, "entraObjectId not a UUID", "entraObjectId", "'x'", 400, "entraObjectId"));
            rows.add(set(e, "username with CR/LF", "username", "'anna\\r\\n'", 400, "username"));
            rows.add(set(e, "primaryGroupId unknown", "primaryGroupId", "999999", 400, "primaryGroupId"));
            rows.add(set(e, "primaryGroupId a string", "primaryGroupId", "'abc'", 400, "primaryGroupId"));
            rows.add(set(e, "primaryGroupId 1e30", "primaryGroupId", "1e30", 400, "primaryGroupId"));
            rows.add(set(e, "primaryGroupId beyond long", "primaryGroupId", "99999999999999999999", 400,
                    "primaryGroupId"));
            rows.add(set(e, "groupIds unknown", "groupIds", "[999999]", 400, "groupIds[0]"));
            rows.add(set(e, "groupIds a string", "groupIds", "'abc'", 400, "groupIds"));
            rows.add(set(e, "devices with CR/LF", "devices", "['PJSIP/1\\r\\nAction: Originate']", 400,
                    "devices[0]"));
            rows.add(set(e, "devices 21 entries", "devices", devices(21), 400, "devices"));
            rows.add(set(e, "profilePersonal not a boolean", "profilePersonal", "'maybe'", 400, "profilePersonal"));
            rows.add(set(e, "Unicode displayName accepted", "displayName", str(UNICODE),
                    e == POST_USER ? 201 : 200, null));
        }
        rows.add(set(POST_USER, "password too short", "password", "'short'", 400, "password"));
        rows.add(set(POST_USER, "password 10 kB", "password", str(BIG), 400, "password"));
        rows.add(set(PUT_USER, "password on PUT", "password", "'another-good-password'", 400, "password"));
        rows.add(set(PUT_USER, "extension changed", "extension", "'1'", 409, null));
        for (Endpoint e : List.of(POST_PROFILE, PUT_PROFILE)) {
            rows.add(set(e, "name 10 kB", "name", str(BIG), 400, "name"));
            rows.add(set(e, "name with CR/LF", "name", "'Lunch\\r\\n'", 400, "name"));
            rows.add(set(e, "assignment unknown", "assignment", "'GLOBAL'", 400, "assignment"));
            rows.add(set(e, "presence busy", "presence", "'busy'", 400, "presence"));
            rows.add(set(e, "presence a number", "presence", "7", 400, "presence"));
            rows.add(set(e, "color not a colour", "color", "'red'", 400, "color"));
            rows.add(set(e, "sticky not a boolean", "sticky", "'yes'", 400, "sticky"));
            rows.add(set(e, "roles GOD", "roles", "['GOD']", 400, "roles[0]"));
            rows.add(set(e, "groupIds unknown", "groupIds", "[999999]", 400, "groupIds[0]"));
            rows.add(set(e, "enterActions a string", "enterActions", "'login'", 400, "enterActions"));
            rows.add(set(e, "action type EXPLODE", "enterActions[0].type", "'EXPLODE'", 400, "enterActions[0].type"));
            rows.add(set(e, "action type missing", "enterActions[0].type", REMOVE, 400, "enterActions[0].type"));
            rows.add(set(e, "action field unknown", "enterActions[0].bogus", "1", 400, "enterActions[0].bogus"));
            rows.add(set(e, "penalty -1", "enterActions[0].penalty", "-1", 400, "enterActions[0].penalty"));
            rows.add(set(e, "penalty 1001", "enterActions[0].penalty", "1001", 400, "enterActions[0].penalty"));
            rows.add(set(e, "penalty 1e30", "enterActions[0].penalty", "1e30", 400, "enterActions[0].penalty"));
            rows.add(set(e, "penalty beyond long", "enterActions[0].penalty", "99999999999999999999", 400,
                    "enterActions[0].penalty"));
            rows.add(set(e, "penalty beyond int", "enterActions[0].penalty", "3000000000", 400,
                    "enterActions[0].penalty"));
            rows.add(set(e, "penalty a fraction", "enterActions[0].penalty", "1.5", 400, "enterActions[0].penalty"));
            rows.add(set(e, "penalty a string", "enterActions[0].penalty", "'three'", 400,
                    "enterActions[0].penalty"));
            rows.add(set(e, "team unknown", "enterActions[0].team", "'no-such-team'", 400, "enterActions[0].team"));
            rows.add(set(e, "parameter of another action type", "enterActions[0].reason", "'lunch'", 400,
                    "enterActions[0].reason"));
            rows.add(set(e, "redirect kind unknown", "leaveActions[0].kind", "'SIDEWAYS'", 400,
                    "leaveActions[0].kind"));
            rows.add(set(e, "redirect target with CR/LF", "leaveActions[0].target", "'2000\\r\\nAction: Originate'",
                    400, "leaveActions[0].target"));
            rows.add(set(e, "redirect target 10 kB", "leaveActions[0].target", str(BIG), 400,
                    "leaveActions[0].target"));
            rows.add(set(e, "trigger type unknown", "triggers", "[" + TRIGGER + ",'type':'SOMETIMES'}]", 400,
                    "triggers[0].type"));
            rows.add(set(e, "trigger time 25:61", "triggers", "[" + TRIGGER + ",'at':'25:61'}]", 400,
                    "triggers[0].at"));
            rows.add(set(e, "trigger weekday unknown", "triggers", "[" + TRIGGER + ",'days':['FUNDAY']}]", 400,
                    "triggers[0].days[0]"));
            rows.add(set(e, "trigger time zone unknown", "triggers", "[" + TRIGGER + ",'timeZone':'Mars/Olympus'}]",
                    400, "triggers[0].timeZone"));
            rows.add(set(e, "trigger field unknown", "triggers", "[" + TRIGGER + ",'bogus':1}]", 400,
                    "triggers[0].bogus"));
            rows.add(set(e, "office-hours trigger of an unknown group", "triggers",
                    "[{'type':'OFFICE_HOURS','group':999999,'when':'CLOSED'}]", 400, "triggers[0].group"));
            rows.add(set(e, "Unicode name accepted", "name", str(UNICODE + " $u"), e == POST_PROFILE ? 201 : 200,
                    null));
        }
        rows.add(set(POST_PROFILE, "assignment SYSTEM", "assignment", "'SYSTEM'", 400, "assignment"));
        rows.add(set(PUT_PROFILE, "assignment changed", "assignment", "'PERSONAL'", 400, "assignment"));
        rows.add(set(POST_PROFILE, "ownerId on an ADMIN profile", "ownerId", "1", 400, "ownerId"));

        Endpoint e = SWITCH_PROFILE;
        rows.add(set(e, "profileId missing", "profileId", REMOVE, 400, "profileId"));
        rows.add(set(e, "profileId a string", "profileId", "'seven'", 400, "profileId"));
        rows.add(set(e, "profileId unknown", "profileId", "999999", 400, "profileId"));
        rows.add(set(e, "profileId negative", "profileId", "-1", 400, "profileId"));
        rows.add(set(e, "profileId 1e30", "profileId", "1e30", 400, "profileId"));
        rows.add(set(e, "profileId beyond long", "profileId", "99999999999999999999", 400, "profileId"));
        rows.add(set(e, "parameters a string", "parameters", "'x'", 400, "parameters"));
        rows.add(set(e, "parameter unknown", "parameters", "{'bogus':'1'}", 400, "parameters.bogus"));
        rows.add(set(e, "parameter null", "parameters", "{'redirectTarget':null}", 400, "parameters.redirectTarget"));
        rows.add(set(e, "redirect target with CR/LF", "parameters", "{'redirectTarget':'1\\r\\nAction: Originate'}",
                400, "parameters.redirectTarget"));
        rows.add(set(e, "redirect target 10 kB", "parameters", "{'redirectTarget':" + str(BIG) + "}", 400,
                "parameters.redirectTarget"));

        e = SET_PASSWORD;
        rows.add(set(e, "password missing", "password", REMOVE, 400, "password"));
        rows.add(set(e, "password too short", "password", "'short'", 400, "password"));
        rows.add(set(e, "password 10 kB", "password", str(BIG), 400, "password"));
        rows.add(set(e, "password an object", "password", "{'a':1}", 400, "password"));
        rows.add(set(e, "Unicode password accepted", "password", str("Zoë-東京-pässwörd"), 204, null));

        e = POST_TOKEN;
        rows.add(set(e, "name missing", "name", REMOVE, 400, "name"));
        rows.add(set(e, "name empty", "name", "''", 400, "name"));
        rows.add(set(e, "name 10 kB", "name", str(BIG), 400, "name"));
        rows.add(set(e, "name with CR/LF", "name", "'ci\\r\\nbot'", 400, "name"));
        rows.add(set(e, "name a list", "name", "['ci']", 400, "name"));
        rows.add(set(e, "Unicode name accepted", "name", str(UNICODE), 201, null));

        for (Endpoint g : List.of(POST_GROUP, PUT_GROUP)) {
            rows.add(set(g, "relationship default unknown", "relationshipDefaults", "{'sameGroup':'FRIEND',"
                    + "'otherGroups':'EMPLOYEE','outside':'UNKNOWN'}", 400, "relationshipDefaults.sameGroup"));
            rows.add(set(g, "relationship default missing", "relationshipDefaults", "{'sameGroup':'EMPLOYEE',"
                    + "'outside':'UNKNOWN'}", 400, "relationshipDefaults.otherGroups"));
            rows.add(set(g, "outside above EMPLOYEE", "relationshipDefaults", "{'sameGroup':'EMPLOYEE',"
                    + "'otherGroups':'EMPLOYEE','outside':'ASSISTANT_PLUS'}", 400, "relationshipDefaults.outside"));
        }
        for (Endpoint t : List.of(POST_TEAM, PUT_TEAM)) {
            rows.add(set(t, "memberRelationship unknown", "memberRelationship", "'BOSS'", 400, "memberRelationship"));
            rows.add(set(t, "memberRelationship a number", "memberRelationship", "3", 400, "memberRelationship"));
        }
        for (Endpoint m : List.of(POST_MONITORING, PUT_MONITORING)) {
            rows.add(set(m, "name missing", "name", REMOVE, 400, "name"));
            rows.add(set(m, "name 10 kB", "name", str(BIG), 400, "name"));
            rows.add(set(m, "name with CR/LF", "name", "'a\\r\\nb'", 400, "name"));
            rows.add(set(m, "subGroups missing", "subGroups", REMOVE, 400, "subGroups"));
            rows.add(set(m, "sub-group name with a space", "subGroups[0].name", "'two words'", 400,
                    "subGroups[0].name"));
            rows.add(set(m, "sub-group name 10 kB", "subGroups[0].name", str(BIG), 400, "subGroups[0].name"));
            rows.add(set(m, "sub-group given twice", "subGroups[1].name", "'assistants'", 400, "subGroups[1].name"));
            rows.add(set(m, "member unknown", "subGroups[0].memberIds[0]", "999999", 400,
                    "subGroups[0].memberIds[0]"));
            rows.add(set(m, "member huge", "subGroups[0].memberIds[0]", "99999999999999999999", 400,
                    "subGroups[0].memberIds[0]"));
            rows.add(set(m, "member a string", "subGroups[0].memberIds[0]", "'anna'", 400,
                    "subGroups[0].memberIds[0]"));
            rows.add(set(m, "member null", "subGroups[0].memberIds[0]", "null", 400, "subGroups[0].memberIds"));
            rows.add(set(m, "rule to an unknown sub-group", "rules[0].owners", "'nobody'", 400, "rules[0].owners"));
            rows.add(set(m, "rule level unknown", "rules[0].level", "'BOSS'", 400, "rules[0].level"));
            rows.add(set(m, "rule level missing", "rules[0].level", REMOVE, 400, "rules[0].level"));
            rows.add(set(m, "groupId unknown", "groupId", "999999", 400, "groupId"));
            rows.add(set(m, "Unicode name accepted", "name", str(UNICODE + " $u"), m == POST_MONITORING ? 201 : 200,
                    null));
        }
        rows.add(set(PUT_RELATIONSHIP, "level unknown", "level", "'FRIEND'", 400, "level"));
        rows.add(set(PUT_RELATIONSHIP, "level missing", "level", REMOVE, 400, "level"));
        rows.add(set(PUT_RELATIONSHIP, "level a list", "level", "['EMPLOYEE']", 400, "level"));
        return rows.stream();
    }

    /**
     * Scalars of the wrong type are refused, not coerced (Jackson's defaults would read 42 as "42", "2" as 2, 1 as
     * true and 3 as the enum constant of ordinal 3), and an e-mail address longer than its column (254) is a 400, not
     * a database error.
     */
    static Stream<Arguments> wrongScalarsAndLongAddresses() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint e : List.of(POST_USER, PUT_USER)) {
            rows.add(set(e, "role a number (read as an ordinal)", "role", "3", 400, "role"));
            rows.add(set(e, "email longer than its column (258 characters)", "email",
                    str("a".repeat(64) + "@" + "b".repeat(189) + ".com"), 400, "email"));
            rows.add(set(e, "displayName a number", "displayName", "42", 400, "displayName"));
            rows.add(set(e, "profilePersonal a number", "profilePersonal", "1", 400, "profilePersonal"));
        }
        rows.add(set(POST_GROUP, "name a number", "name", "42", 400, "name"));
        rows.add(set(POST_WORKPLACE, "name a boolean", "name", "true", 400, "name"));
        rows.add(set(POST_PROFILE, "penalty a numeric string", "enterActions[0].penalty", "'3'", 400,
                "enterActions[0].penalty"));
        rows.add(set(POST_PROFILE, "sticky a number", "sticky", "1", 400, "sticky"));
        rows.add(set(SWITCH_PROFILE, "profileId a numeric string", "profileId", "'2'", 400, "profileId"));
        rows.add(set(SET_PASSWORD, "password a number", "password", "12345678901", 400, "password"));
        rows.add(set(POST_TOKEN, "name a number", "name", "42", 400, "name"));
        return rows.stream();
    }

    static Stream<Arguments> badPaths() {
        List<Arguments> rows = new ArrayList<>();
        Map<String, String> bodies = Map.of("groups", GROUP, "teams", TEAM, "workplaces", WORKPLACE, "users", USER,
                "profiles", PROFILE);
        Map<String, String> ids = Map.of("groups", "group", "teams", "team", "workplaces", "workplace", "users",
                "user", "profiles", "profile");
        for (String kind : List.of("groups", "teams", "workplaces", "users", "profiles")) {
            String base = "/api/v1/" + kind + "/";
            String notFound = kind.substring(0, kind.length() - 1) + "-not-found";
            rows.add(path("GET", base + "999999", null, 404, notFound));
            rows.add(path("PUT", base + "999999", bodies.get(kind), 404, notFound));
            rows.add(path("DELETE", base + "999999", null, 404, notFound));
            rows.add(path("GET", base + "abc", null, 404, null));
            rows.add(path("PUT", base + "abc", bodies.get(kind), 404, null));
            rows.add(path("DELETE", base + "abc", null, 404, null));
            rows.add(path("GET", base + "99999999999999999999", null, 404, null));
            rows.add(path("GET", base + "-1", null, 404, null));
            rows.add(path("GET", base + "1.5", null, 404, null));
            rows.add(path("PATCH", base + "$" + ids.get(kind), bodies.get(kind), 405, null));
            rows.add(path("DELETE", "/api/v1/" + kind, null, 405, null));
        }
        rows.add(path("GET", "/api/v1/users/999999/profile", null, 404, "user-not-found"));
        rows.add(path("PUT", "/api/v1/users/999999/profile", SWITCH, 404, "user-not-found"));
        rows.add(path("GET", "/api/v1/users/999999/history", null, 404, "user-not-found"));
        rows.add(path("GET", "/api/v1/users/999999/pbx-state", null, 404, "user-not-found"));
        rows.add(path("PUT", "/api/v1/users/999999/password", PASSWORD, 404, "user-not-found"));
        rows.add(path("GET", "/api/v1/users/999999/tokens", null, 404, "user-not-found"));
        rows.add(path("POST", "/api/v1/users/999999/tokens", TOKEN, 404, "user-not-found"));
        rows.add(path("DELETE", "/api/v1/users/999999/tokens/1", null, 404, "user-not-found"));
        rows.add(path("DELETE", "/api/v1/users/$user/tokens/999999", null, 404, "token-not-found"));
        rows.add(path("DELETE", "/api/v1/users/$user/tokens/abc", null, 404, null));
        rows.add(path("GET", "/api/v1/users/abc/profile", null, 404, null));
        rows.add(path("PUT", "/api/v1/users/abc/profile", SWITCH, 404, null));
        rows.add(path("GET", "/api/v1/users/abc/history", null, 404, null));
        rows.add(path("PUT", "/api/v1/users/abc/password", PASSWORD, 404, null));
        rows.add(path("POST", "/api/v1/users/abc/tokens", TOKEN, 404, null));
        rows.add(path("GET", "/api/v1/groups/999999/office", null, 404, "group-not-found"));
        rows.add(path("PUT", "/api/v1/groups/999999/office-override", "{'state':'OPEN'}", 404, "group-not-found"));
        rows.add(path("GET", "/api/v1/groups/abc/office", null, 404, null));
        rows.add(path("GET", "/api/v1/users/999999/trigger-opt-outs", null, 404, "user-not-found"));
        rows.add(path("PUT", "/api/v1/users/999999/trigger-opt-outs/1", null, 404, "user-not-found"));
        rows.add(path("PUT", "/api/v1/users/$user/trigger-opt-outs/999999", null, 404, "profile-not-found"));
        rows.add(path("DELETE", "/api/v1/users/999999/trigger-opt-outs/1", null, 404, "user-not-found"));
        rows.add(path("PUT", "/api/v1/users/$user/trigger-opt-outs/abc", null, 404, null));
        rows.add(path("GET", "/api/v1/monitoring-groups/999999", null, 404, "monitoring-group-not-found"));
        rows.add(path("PUT", "/api/v1/monitoring-groups/999999", MONITORING, 404, "monitoring-group-not-found"));
        rows.add(path("DELETE", "/api/v1/monitoring-groups/999999", null, 404, "monitoring-group-not-found"));
        rows.add(path("GET", "/api/v1/monitoring-groups/abc", null, 404, null));
        rows.add(path("GET", "/api/v1/users/999999/relationships", null, 404, "user-not-found"));
        rows.add(path("PUT", "/api/v1/users/999999/relationships/$viewer", RELATIONSHIP, 404, "user-not-found"));
        rows.add(path("PUT", "/api/v1/users/$user/relationships/999999", RELATIONSHIP, 404, "user-not-found"));
        rows.add(path("PUT", "/api/v1/users/$user/relationships/abc", RELATIONSHIP, 404, null));
        rows.add(path("DELETE", "/api/v1/users/$user/relationships/999999", null, 404, "user-not-found"));
        rows.add(path("GET", "/api/v1/users/$user/relationships/effective/999999", null, 404, "user-not-found"));
        rows.add(path("GET", "/api/v1/users/999999/relationships/effective/$viewer", null, 404, "user-not-found"));
        rows.add(path("GET", "/api/v1/relationship-changes?ownerId=999999", null, 404, "user-not-found"));
        rows.add(path("GET", "/api/v1/no-such-resource", null, 404, null));
        return rows.stream();
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                query("/api/v1/users/$user/history?page=-1", 400, "page"),
                query("/api/v1/users/$user/history?page=99999999", 400, "page"),
                query("/api/v1/users/$user/history?size=0", 400, "size"),
                query("/api/v1/users/$user/history?size=100000", 400, "size"),
                query("/api/v1/users?size=201", 400, "size"),
                query("/api/v1/users?extension=12ab", 400, "extension"),
                query("/api/v1/users?extension=1\r\nAction: Originate", 400, "extension"),
                query("/api/v1/users?extension=" + "1".repeat(21), 400, "extension"));
    }

    // ---- the tests

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void shouldAnswerAProblemForABodyOfTheWrongShape(String name, Case c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFields")
    void shouldNameTheFieldAtFaultOrAcceptValidText(String name, Case c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongScalarsAndLongAddresses")
    void shouldRefuseScalarsOfTheWrongTypeAndTooLongAddresses(String name, Case c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPaths")
    void shouldAnswerAProblemForUnknownOrMalformedIdsInPaths(String name, Case c) {
        ExtractableResponse<Response> r = send(c, body(c));
        assertProblem(r, c.status(), null);
        if (c.expectedField() != null) {
            assertThat(r.jsonPath().getString("errorId")).isEqualTo(c.expectedField());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void shouldNameTheQueryParameterAtFault(String name, Case c) {
        check(c);
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        ExtractableResponse<Response> r = asAdmin().contentType("text/plain").body("name=x")
                .post("/api/v1/groups").then().extract();
        assertProblem(r, 415, null);
        r = asAdmin().contentType("application/xml").body("<group><name>x</name></group>")
                .post("/api/v1/teams").then().extract();
        assertProblem(r, 415, null);
    }

    @Test
    void shouldNotAnswerAStackTraceForInvalidUtf8() {
        byte[] body = "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        body[9] = (byte) 0xC3; // a lead byte without its continuation: not UTF-8
        ExtractableResponse<Response> r = asAdmin().contentType("application/json").body(body)
                .post("/api/v1/users/" + FIXTURES.get("user") + "/tokens").then().extract();
        assertProblem(r, 400, null);
    }

    // ---- running a case

    private static void check(Case c) {
        String body = body(c);
        ExtractableResponse<Response> r = send(c, body);
        if (c.status() < 300) {
            assertThat(r.statusCode()).as("status of %s %s with %s: %s", c.method(), c.path(), abbreviate(body),
                    r.asString()).isEqualTo(c.status());
            if (c.status() != 204) {
                String sent = sentValue(body, c.field());
                assertThat(r.jsonPath().getString(c.field())).as("%s as stored", c.field()).isEqualTo(sent);
            }
            return;
        }
        assertProblem(r, c.status(), c.expectedField());
    }

    private static ExtractableResponse<Response> send(Case c, String body) {
        var request = asAdmin().contentType("application/json; charset=UTF-8");
        if (body != null) {
            request = request.body(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.request(c.method(), resolvePath(c.path())).then().extract();
    }

    static void assertProblem(ExtractableResponse<Response> r, int status, String field) {
        String body = r.asString();
        assertThat(r.statusCode()).as("status; body %s", abbreviate(body)).isEqualTo(status).isBetween(400, 499);
        assertThat(r.contentType()).as("content type").startsWith(Problem.MEDIA_TYPE);
        assertThat(body).doesNotContain("Exception", "at io.", "java.", "\tat ", "jakarta.", "com.fasterxml",
                "org.hibernate", "SQL");
        assertThat(r.jsonPath().getString("errorId")).as("errorId").isNotBlank().matches("[a-z0-9-]+");
        assertThat(r.jsonPath().getInt("status")).isEqualTo(status);
        if (field != null) {
            assertThat(r.jsonPath().getString("violations[0].field")).as("violations[0].field; body %s", body)
                    .isEqualTo(field);
            assertThat(r.jsonPath().getString("violations[0].message")).isNotBlank();
        }
    }

    // ---- building the table and the bodies

    private static Arguments raw(Endpoint e, String what, String body, int status, String field) {
        return Arguments.of(e.label() + ": " + what, new Case(e.method(), e.path(), body, null, null, status, field));
    }

    private static Arguments set(Endpoint e, String what, String field, String value, int status,
            String expectedField) {
        return Arguments.of(e.label() + ": " + what,
                new Case(e.method(), e.path(), e.body(), field, value, status, expectedField));
    }

    private static Arguments path(String method, String path, String body, int status, String errorId) {
        return Arguments.of(method + " " + path + (body == null ? "" : " (valid body)"),
                new Case(method, path, body, null, null, status, errorId));
    }

    private static Arguments query(String path, int status, String field) {
        return Arguments.of("GET " + (path.length() > 80 ? path.substring(0, 80) + "…" : path),
                new Case("GET", path, null, null, null, status, field));
    }

    /** A JSON string literal in the templates' single-quote style. */
    private static String str(String value) {
        return "'" + value + "'";
    }

    private static String devices(int n) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add("'PJSIP/d" + i + "'");
        }
        return "[" + String.join(",", list) + "]";
    }

    /** The request body of a case: raw (single quotes allowed), or the template with one field set. */
    private static String body(Case c) {
        if (c.template() == null) {
            return null;
        }
        if (c.field() == null) {
            return resolveRaw(c.template().replace('\'', '"'));
        }
        try {
            JsonNode tree = substitute(JSON.readTree(c.template().replace('\'', '"')));
            JsonNode value = REMOVE.equals(c.value()) ? null
                    : substitute(JSON.readTree(c.value().replace('\'', '"')));
            setAt(tree, c.field(), value);
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad template for " + c, e);
        }
    }

    private static String resolve(String template) {
        return body(new Case("POST", "", template, "bogus", REMOVE, 0, null));
    }

    /** A raw body, perhaps malformed on purpose: {@code "$fixture"} ids become numbers, the rest is text. */
    private static String resolveRaw(String raw) {
        Matcher m = Pattern.compile("\"\\$([a-zA-Z]+)\"").matcher(raw);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Object fixture = FIXTURES.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(fixture instanceof Long ? fixture.toString() : m.group()));
        }
        m.appendTail(sb);
        return resolveText(sb.toString());
    }

    /** Replaces {@code "$fixture"} strings by the fixture's value and {@code $u}/{@code $ext} by fresh ones. */
    private static JsonNode substitute(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            fields.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> entry : entries) {
                ((ObjectNode) node).set(entry.getKey(), substitute(entry.getValue()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((ArrayNode) node).set(i, substitute(node.get(i)));
            }
        } else if (node.isTextual() && node.asText().contains("$")) {
            String text = node.asText();
            Matcher whole = PLACEHOLDER.matcher(text);
            if (whole.matches() && FIXTURES.get(whole.group(1)) instanceof Long id) {
                return LongNode.valueOf(id);
            }
            return TextNode.valueOf(resolveText(text));
        }
        return node;
    }

    private static String resolveText(String text) {
        String u = unique("e").toLowerCase();
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String replacement = switch (key) {
                case "u" -> u;
                case "ext" -> extension();
                default -> FIXTURES.containsKey(key) ? String.valueOf(FIXTURES.get(key)) : m.group();
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String resolvePath(String path) {
        return resolveText(path);
    }

    /** Sets (or with null removes) the value at a path such as {@code enterActions[0].penalty}. */
    private static void setAt(JsonNode root, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            Integer index = bracket < 0 ? null : Integer.valueOf(step.substring(bracket + 1, step.length() - 1));
            boolean last = i == steps.length - 1;
            if (last && index == null) {
                if (value == null) {
                    ((ObjectNode) node).remove(name);
                } else {
                    ((ObjectNode) node).set(name, value);
                }
                return;
            }
            node = node.get(name);
            if (index != null) {
                if (last) {
                    if (value == null) {
                        ((ArrayNode) node).remove(index);
                    } else {
                        ((ArrayNode) node).set(index, value);
                    }
                    return;
                }
                node = node.get(index);
            }
        }
    }

    /** The text value a body holds at a top-level field, as the response must echo it. */
    private static String sentValue(String body, String field) {
        try {
            return JSON.readTree(body).get(field).asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
