package io.profilegateway.access;

import static io.profilegateway.testing.Api.ADMIN;
import static io.profilegateway.testing.Api.PASSWORD;
import static io.profilegateway.testing.Api.as;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * quality.md S1: every API endpoint needs credentials (HTTP Basic or an API token); health, metrics and the OpenAPI
 * document do not. API tokens are shown once and stop working when revoked; a password change takes effect at once
 * (despite the cache of verified passwords); switches record whether a person or a token asked.
 */
@QuarkusTest
class AuthenticationTest {

    /** Every operation of the API ({@code {}} = any id); {@link #shouldCoverEveryOperationOfTheOpenApiDocument} keeps it complete. */
    private static final List<String> OPERATIONS = List.of(
            "GET /api/v1/me",
            "GET /api/v1/groups", "POST /api/v1/groups",
            "GET /api/v1/groups/{}", "PUT /api/v1/groups/{}", "DELETE /api/v1/groups/{}",
            "GET /api/v1/groups/{}/office", "PUT /api/v1/groups/{}/office-override",
            "GET /api/v1/teams", "POST /api/v1/teams",
            "GET /api/v1/teams/{}", "PUT /api/v1/teams/{}", "DELETE /api/v1/teams/{}",
            "GET /api/v1/workplaces", "POST /api/v1/workplaces",
            "GET /api/v1/workplaces/{}", "PUT /api/v1/workplaces/{}", "DELETE /api/v1/workplaces/{}",
            "GET /api/v1/users", "POST /api/v1/users",
            "GET /api/v1/users/{}", "PUT /api/v1/users/{}", "DELETE /api/v1/users/{}",
            "GET /api/v1/users/{}/profile", "PUT /api/v1/users/{}/profile",
            "GET /api/v1/users/{}/history", "GET /api/v1/users/{}/pbx-state",
            "PUT /api/v1/users/{}/password",
            "GET /api/v1/users/{}/trigger-opt-outs", "PUT /api/v1/users/{}/trigger-opt-outs/{}",
            "DELETE /api/v1/users/{}/trigger-opt-outs/{}",
            "GET /api/v1/users/{}/tokens", "POST /api/v1/users/{}/tokens", "DELETE /api/v1/users/{}/tokens/{}",
            "GET /api/v1/profiles", "POST /api/v1/profiles",
            "GET /api/v1/profiles/{}", "PUT /api/v1/profiles/{}", "DELETE /api/v1/profiles/{}",
            "GET /api/v1/users/{}/relationships", "PUT /api/v1/users/{}/relationships/{}",
            "DELETE /api/v1/users/{}/relationships/{}", "GET /api/v1/users/{}/relationships/effective/{}",
            "GET /api/v1/relationship-changes", "GET /api/v1/events", "GET /api/v1/colleagues", "GET /api/v1/reports/agent-states",
            "GET /api/v1/users/{}/favourites", "PUT /api/v1/users/{}/favourites",
            "POST /api/v1/directory-imports", "GET /api/v1/directory-imports/{}",
            "POST /api/v1/directory-imports/{}/apply",
            "GET /api/v1/monitoring-groups", "POST /api/v1/monitoring-groups",
            "GET /api/v1/monitoring-groups/{}", "PUT /api/v1/monitoring-groups/{}",
            "DELETE /api/v1/monitoring-groups/{}");

    /**
     * Operations open without credentials because their caller cannot log in: Microsoft Graph's webhook checks each
     * notification's {@code clientState} instead (S5, {@code GraphNotificationsTest}).
     */
    private static final List<String> PUBLIC_OPERATIONS = List.of("POST /api/v1/graph/notifications");

    /** The web page's sign-in, outside /api: open without credentials by nature (WebSessionTest). */
    private static final List<String> WEB_SIGN_IN = List.of("GET /login/options", "POST /login", "POST /logout");

    static Stream<Arguments> operations() {
        return OPERATIONS.stream().map(op -> Arguments.of(op));
    }

    // ---- S1: no credentials, wrong credentials

    @ParameterizedTest(name = "{0} without credentials → 401")
    @MethodSource("operations")
    void shouldRefuseEveryOperationWithoutCredentials(String operation) {
        assertUnauthenticated(call(given().contentType(ContentType.JSON), operation));
    }

    @ParameterizedTest(name = "{0} with a wrong password → 401")
    @MethodSource("operations")
    void shouldRefuseEveryOperationWithAWrongPassword(String operation) {
        assertUnauthenticated(call(as(ADMIN, "wrong-password-123"), operation));
    }

    @ParameterizedTest(name = "{0} with an unknown token → 401")
    @MethodSource("operations")
    void shouldRefuseEveryOperationWithAnUnknownToken(String operation) {
        assertUnauthenticated(call(bearer("pgw_" + unique("no-such-token")), operation));
    }

    @Test
    void shouldRefuseAnUnknownUserAndAnEmptyPassword() {
        assertUnauthenticated(as(unique("nobody"), "whatever-password").get("/api/v1/me").then().extract());
        assertUnauthenticated(as(ADMIN, "").get("/api/v1/me").then().extract());
        assertUnauthenticated(given().header("Authorization", "Basic !!!not-base64").get("/api/v1/me").then()
                .extract());
        assertUnauthenticated(given().header("Authorization", "Bearer ").get("/api/v1/me").then().extract());
    }

    @Test
    void shouldCoverEveryOperationOfTheOpenApiDocument() {
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> Set.of("get", "put", "post", "delete", "patch").contains(m))
                .forEach(m -> documented.add(m.toUpperCase() + " " + path.replaceAll("\\{[^}]+}", "{}"))));

        assertThat(documented).as("operations under /api in the OpenAPI document").isNotEmpty()
                .allMatch(op -> op.contains(" /api/") || WEB_SIGN_IN.contains(op));
        List<String> all = new ArrayList<>(OPERATIONS);
        all.addAll(PUBLIC_OPERATIONS);
        all.addAll(WEB_SIGN_IN);
        assertThat(all).containsExactlyInAnyOrderElementsOf(documented);
    }

    @ParameterizedTest(name = "GET {0} without credentials → 200")
    @ValueSource(strings = {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi"})
    void shouldServeHealthMetricsAndOpenApiWithoutCredentials(String path) {
        given().get(path).then().statusCode(200);
    }

    @Test
    void shouldReportHealthUpWithoutCredentials() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    // ---- the bootstrap account

    @Test
    void shouldCreateTheBootstrapAdminAsSystemOwner() {
        asAdmin().get("/api/v1/me").then().statusCode(200)
                .body("role", equalTo("SYSTEM_OWNER"))
                .body("name", equalTo(ADMIN))
                .body("viaToken", equalTo(false));
    }

    // ---- API tokens

    @Test
    void shouldAuthenticateWithATokenShownOnlyOnceUntilItIsRevoked() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String name = unique("ci");

        JsonPath created = asUser(user).body(Map.of("name", name)).post(tokens(userId)).then().statusCode(201)
                .extract().jsonPath();
        String token = created.getString("token");
        long tokenId = created.getLong("id");
        assertThat(created.getString("name")).isEqualTo(name);
        assertThat(token).startsWith("pgw_").hasSizeGreaterThanOrEqualTo(40);

        bearer(token).get("/api/v1/me").then().statusCode(200)
                .body("userId", equalTo((int) userId))
                .body("role", equalTo("USER"))
                .body("viaToken", equalTo(true));
        bearer(token).get("/api/v1/users/" + userId).then().statusCode(200).body("username",
                equalTo(user.get("username")));

        ExtractableResponse<Response> list = asUser(user).get(tokens(userId)).then().statusCode(200).extract();
        assertThat(list.jsonPath().getList("name")).contains(name);
        assertThat(list.jsonPath().getList("token")).containsOnlyNulls();
        assertThat(list.asString()).doesNotContain(token).doesNotContain(token.substring(4));
        ExtractableResponse<Response> listByAdmin = asAdmin().get(tokens(userId)).then().statusCode(200).extract();
        assertThat(listByAdmin.asString()).contains(name).doesNotContain(token.substring(4));

        asUser(user).delete(tokens(userId) + "/" + tokenId).then().statusCode(204);

        assertUnauthenticated(bearer(token).get("/api/v1/me").then().extract());
        assertThat(asUser(user).get(tokens(userId)).then().statusCode(200).extract().jsonPath().getList("id"))
                .doesNotContain((int) tokenId);
    }

    @Test
    void shouldActAsTheUserAnAdminMadeATokenFor() {
        Map<String, Object> user = createUser("RECEPTIONIST");
        long userId = id(user);
        String token = asAdmin().body(Map.of("name", unique("pbx-sync"))).post(tokens(userId)).then().statusCode(201)
                .extract().jsonPath().getString("token");

        bearer(token).get("/api/v1/me").then().statusCode(200)
                .body("userId", equalTo((int) userId)).body("role", equalTo("RECEPTIONIST"));
        assertUnauthenticated(bearer(token + "x").get("/api/v1/me").then().extract());
        assertUnauthenticated(bearer(token.substring(0, token.length() - 1)).get("/api/v1/me").then().extract());
    }

    @Test
    void shouldKeepOneUsersTokensApart() {
        Map<String, Object> owner = createUser("USER");
        Map<String, Object> other = createUser("USER");
        long tokenId = asUser(owner).body(Map.of("name", unique("mine"))).post(tokens(id(owner))).then()
                .statusCode(201).extract().jsonPath().getLong("id");

        // the other user cannot revoke it through his own path, nor through the owner's (he sees the owner: both are
        // in no group, so UNKNOWN to each other, but may not manage him)
        asUser(other).delete(tokens(id(other)) + "/" + tokenId).then().statusCode(404);
        asUser(other).delete(tokens(id(owner)) + "/" + tokenId).then().statusCode(403);
        asUser(owner).get(tokens(id(owner))).then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(
                (int) tokenId));
    }

    // ---- passwords

    @Test
    void shouldRefuseTheOldPasswordAtOnceAfterAChange() {
        Map<String, Object> user = createUser("USER");
        String username = (String) user.get("username");
        String newPassword = "a-brand-new-password";
        // a successful check is cached: the change must still take effect at once
        asUser(user).get("/api/v1/me").then().statusCode(200);
        asUser(user).get("/api/v1/me").then().statusCode(200);

        as(username, PASSWORD).body(Map.of("password", newPassword)).put("/api/v1/users/" + id(user) + "/password")
                .then().statusCode(204);

        assertUnauthenticated(as(username, PASSWORD).get("/api/v1/me").then().extract());
        as(username, newPassword).get("/api/v1/me").then().statusCode(200).body("userId", equalTo((int) id(user)));
    }

    @Test
    void shouldRefuseTheOldPasswordAtOnceAfterAnAdminSetsANewOne() {
        Map<String, Object> user = createUser("USER");
        String username = (String) user.get("username");
        asUser(user).get("/api/v1/me").then().statusCode(200);

        asAdmin().body(Map.of("password", "set-by-the-admin-1")).put("/api/v1/users/" + id(user) + "/password")
                .then().statusCode(204);

        assertUnauthenticated(as(username, PASSWORD).get("/api/v1/me").then().extract());
        as(username, "set-by-the-admin-1").get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void shouldNotLetAUserLogInAfterHisUsernameIsRemoved() {
        Map<String, Object> user = createUser("USER");
        asUser(user).get("/api/v1/me").then().statusCode(200);
        Map<String, Object> withoutLogin = new java.util.HashMap<>(asAdmin().get("/api/v1/users/" + id(user)).then()
                .statusCode(200).extract().jsonPath().getMap(""));
        withoutLogin.remove("username");
        withoutLogin.remove("hasPassword");
        withoutLogin.remove("id");

        asAdmin().body(withoutLogin).put("/api/v1/users/" + id(user)).then().statusCode(200);

        assertUnauthenticated(asUser(user).get("/api/v1/me").then().extract());
    }

    // ---- who switched: a person or a program

    @Test
    void shouldRecordASwitchWithATokenAsApiAndWithAPasswordAsManual() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String tokenName = unique("bot");
        String token = asUser(user).body(Map.of("name", tokenName)).post(tokens(userId)).then().statusCode(201)
                .extract().jsonPath().getString("token");

        bearer(token).body(Map.of("profileId", 2)).put("/api/v1/users/" + userId + "/profile").then()
                .statusCode(200).body("source", equalTo("API")).body("profileId", equalTo(2));
        asUser(user).get("/api/v1/users/" + userId + "/profile").then().body("source", equalTo("API"));
        asUser(user).body(Map.of("profileId", 1)).put("/api/v1/users/" + userId + "/profile").then()
                .statusCode(200).body("source", equalTo("MANUAL"));

        JsonPath history = asUser(user).get("/api/v1/users/" + userId + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("items.source")).startsWith("MANUAL", "API");
        assertThat(history.getString("items[0].actor")).isEqualTo(user.get("username"));
        assertThat(history.getString("items[1].actor")).contains((String) user.get("username")).contains(tokenName);
    }

    @Test
    void shouldSwitchWithATokenWhoseNameHasTheLongestAllowedLength() {
        Map<String, Object> user = createUser("USER");
        String token = asUser(user).body(Map.of("name", "n".repeat(100))).post(tokens(id(user))).then()
                .statusCode(201).extract().jsonPath().getString("token");

        bearer(token).body(Map.of("profileId", 2)).put("/api/v1/users/" + id(user) + "/profile").then()
                .statusCode(200).body("source", equalTo("API"));
    }

    @Test
    void shouldCountSwitchesInTheMetrics() {
        Map<String, Object> user = createUser("USER");
        String token = asUser(user).body(Map.of("name", unique("metrics"))).post(tokens(id(user))).then()
                .statusCode(201).extract().jsonPath().getString("token");
        bearer(token).body(Map.of("profileId", 2)).put("/api/v1/users/" + id(user) + "/profile").then()
                .statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        List<String> apiSwitches = metrics.lines()
                .filter(l -> l.startsWith("gateway_switches_total{") && l.contains("source=\"API\"")
                        && l.contains("outcome=\"SWITCHED\""))
                .collect(Collectors.toList());
        assertThat(apiSwitches).hasSize(1);
        assertThat(Double.parseDouble(apiSwitches.get(0).substring(apiSwitches.get(0).lastIndexOf(' ') + 1)))
                .isGreaterThanOrEqualTo(1.0);
    }

    // ---- helpers

    private static String tokens(long userId) {
        return "/api/v1/users/" + userId + "/tokens";
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** Sends the operation with ids 1 and a small JSON body where it takes one. */
    private static ExtractableResponse<Response> call(RequestSpecification request, String operation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1).replace("{}", "1");
        if (method.equals("POST") || method.equals("PUT")) {
            request = request.body("{}");
        }
        return request.request(method, path).then().extract();
    }

    private static void assertUnauthenticated(ExtractableResponse<Response> r) {
        assertThat(r.statusCode()).as("status; body %s", r.asString()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).as("WWW-Authenticate").isNotBlank();
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("errorId")).isEqualTo("unauthenticated");
        assertThat(r.asString()).doesNotContain("Exception", "at io.", "java.");
    }
}
