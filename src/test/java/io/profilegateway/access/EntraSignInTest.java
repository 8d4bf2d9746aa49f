package io.profilegateway.access;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.extension;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sign-in with Microsoft Entra ID against a local issuer ({@link EntraWireMock}): a bearer JWT of a matched user acts
 * as that user with his role; unknown and ambiguous accounts are refused with a clear problem; bad tokens are 401;
 * {@code pgw_} tokens and HTTP Basic work beside it; every {@code /api} operation without credentials is still 401
 * (S1); the browser's code flow ends in a session cookie that the API accepts.
 */
@QuarkusTest
@TestProfile(EntraTestProfile.class)
class EntraSignInTest {

    // ---- bearer JWTs (API clients)

    @Test
    void shouldActAsTheUserWhoseEmailTheTokenCarries() {
        Map<String, Object> user = createUser("RECEPTIONIST", unique("anna") + "@example.com", null);
        String token = EntraWireMock.token(objectId(), Map.of("email", ((String) user.get("email")).toUpperCase(),
                "preferred_username", "someone.else@example.org"));

        bearer(token).get("/api/v1/me").then().statusCode(200)
                .body("userId", equalTo((int) id(user)))
                .body("role", equalTo("RECEPTIONIST"))
                .body("name", equalTo(user.get("username") + " (Microsoft token)"))
                .body("viaToken", equalTo(true));
    }

    @Test
    void shouldMatchByUpnAndPreferredUsernameToo() {
        Map<String, Object> byUpn = createUser("USER", unique("upn") + "@example.com", null);
        Map<String, Object> byPreferred = createUser("USER", unique("pref") + "@example.com", null);

        bearer(EntraWireMock.token(objectId(), Map.of("upn", byUpn.get("email")))).get("/api/v1/me").then()
                .statusCode(200).body("userId", equalTo((int) id(byUpn)));
        bearer(EntraWireMock.token(objectId(), Map.of("preferred_username", byPreferred.get("email"))))
                .get("/api/v1/me").then().statusCode(200).body("userId", equalTo((int) id(byPreferred)));
    }

    @Test
    void shouldMatchByEntraObjectIdBeforeEmail() {
        String oid = objectId();
        Map<String, Object> user = createUser("USER", unique("old") + "@example.com", oid);

        // the e-mail in Entra changed; the object id still names the user
        bearer(EntraWireMock.token(oid.toUpperCase(), Map.of("email", unique("renamed") + "@example.com")))
                .get("/api/v1/me").then().statusCode(200).body("userId", equalTo((int) id(user)));
    }

    @Test
    void shouldNotLetAnAddressTakeOverAUserBoundToAnotherEntraAccount() {
        Map<String, Object> user = createUser("USER", unique("bound") + "@example.com", objectId());

        ExtractableResponse<Response> r = bearer(EntraWireMock.token(objectId(), Map.of("email", user.get("email"))))
                .get("/api/v1/me").then().extract();

        assertProblem(r, 403, "microsoft-account-unknown");
    }

    @Test
    void shouldApplyTheMatchedUsersRoleChecks() {
        Map<String, Object> user = createUser("USER", unique("plain") + "@example.com", null);
        Map<String, Object> other = createUser("USER", unique("other") + "@example.com", null);
        RequestSpecification asEntra = bearer(EntraWireMock.token(objectId(), Map.of("email", user.get("email"))));

        assertProblem(asEntra.body(Map.of("name", unique("group"), "language", "de", "timeZone", "Europe/Berlin"))
                .post("/api/v1/groups").then().extract(), 403, "forbidden");
        // the other user (no group: UNKNOWN to him) is visible by name only, and not his to switch
        bearer(EntraWireMock.token(objectId(), Map.of("email", user.get("email"))))
                .get("/api/v1/users/" + id(other)).then().statusCode(200)
                .body("role", org.hamcrest.Matchers.nullValue());
        bearer(EntraWireMock.token(objectId(), Map.of("email", user.get("email"))))
                .body(Map.of("profileId", 2)).put("/api/v1/users/" + id(other) + "/profile").then().statusCode(403);
        bearer(EntraWireMock.token(objectId(), Map.of("email", user.get("email"))))
                .body(Map.of("profileId", 2)).put("/api/v1/users/" + id(user) + "/profile").then().statusCode(200)
                .body("source", equalTo("API"));
    }

    @Test
    void shouldRefuseAnUnknownAccountAndCreateNoUser() {
        long before = userCount();
        String address = unique("stranger") + "@example.com";

        ExtractableResponse<Response> r = bearer(EntraWireMock.token(objectId(), Map.of("email", address)))
                .get("/api/v1/me").then().extract();

        assertProblem(r, 403, "microsoft-account-unknown");
        assertThat(r.jsonPath().getString("detail")).contains("ask an administrator");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void shouldRefuseATokenWithoutObjectIdOrAddress() {
        assertProblem(bearer(EntraWireMock.token(null, Map.of())).get("/api/v1/me").then().extract(), 403,
                "microsoft-account-unknown");
    }

    static Stream<Arguments> ambiguousAccounts() {
        return Stream.of(
                Arguments.of("one by e-mail, the other by entraObjectId", "email", "oid"),
                Arguments.of("the e-mail of one, the UPN of the other", "email", "upn"),
                Arguments.of("one object id given to two users", "oid", "oid"));
    }

    @ParameterizedTest(name = "{0} → 403 ambiguous, both named in the log")
    @MethodSource("ambiguousAccounts")
    void shouldRefuseAnAccountThatMatchesTwoUsers(String description, String firstBy, String secondBy)
            throws IOException {
        String oid = objectId();
        String email = unique("dup") + "@example.com";
        String upn = unique("dup-upn") + "@example.com";
        Map<String, Object> first = createUser("USER", firstBy.equals("email") ? email : null,
                firstBy.equals("oid") ? oid : null);
        Map<String, Object> second = createUser("MANAGER", secondBy.equals("upn") ? upn : null,
                secondBy.equals("oid") ? oid : null);

        ExtractableResponse<Response> r = bearer(EntraWireMock.token(oid, Map.of("email", email, "upn", upn)))
                .get("/api/v1/me").then().extract();

        assertProblem(r, 403, "microsoft-account-ambiguous");
        assertThat(r.asString()).doesNotContain((String) first.get("displayName"), (String) second.get("displayName"),
                email, upn);
        String refusal = logLines().filter(l -> l.contains("Microsoft sign-in refused") && l.contains(oid))
                .findFirst().orElseThrow(() -> new AssertionError("no log line names the refused account " + oid));
        assertThat(refusal).contains("WARN", "user " + id(first) + " '" + first.get("displayName") + "'",
                "user " + id(second) + " '" + second.get("displayName") + "'");
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("signed with a key the issuer does not publish", (TokenMaker) (oid, email) ->
                        EntraWireMock.sign(EntraWireMock.claims(oid, Map.of("email", email)),
                                EntraWireMock.foreignKey())),
                Arguments.of("from another issuer", (TokenMaker) (oid, email) -> EntraWireMock.token(oid,
                        Map.of("email", email, "iss", "https://login.microsoftonline.com/other-tenant/v2.0"))),
                Arguments.of("expired", (TokenMaker) (oid, email) -> EntraWireMock.token(oid, Map.of("email", email,
                        "iat", Instant.now().minusSeconds(7200).getEpochSecond(),
                        "nbf", Instant.now().minusSeconds(7200).getEpochSecond(),
                        "exp", Instant.now().minusSeconds(3600).getEpochSecond()))),
                Arguments.of("for another application", (TokenMaker) (oid, email) -> EntraWireMock.token(oid,
                        Map.of("email", email, "aud", "00000003-0000-0000-c000-000000000000"))),
                Arguments.of("tampered after signing", (TokenMaker) (oid, email) -> {
                    String good = EntraWireMock.token(oid, Map.of("email", email));
                    String[] parts = good.split("\\.");
                    String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                            StandardCharsets.UTF_8).replace(email, "admin@example.com");
                    return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                            .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
                }),
                Arguments.of("not a JWT at all", (TokenMaker) (oid, email) -> "not.a-jwt"));
    }

    interface TokenMaker {
        String make(String objectId, String email);
    }

    @ParameterizedTest(name = "a token {0} → 401")
    @MethodSource("badTokens")
    void shouldRefuseABadToken(String description, TokenMaker maker) {
        Map<String, Object> user = createUser("SYSTEM_ADMIN", unique("target") + "@example.com", null);

        ExtractableResponse<Response> r = bearer(maker.make(objectId(), (String) user.get("email")))
                .get("/api/v1/me").then().extract();

        assertProblem(r, 401, "unauthenticated");
        assertThat(r.header("WWW-Authenticate")).isNotBlank();
    }

    // ---- the gateway's own credentials beside OIDC

    @Test
    void shouldStillAcceptApiTokensAndPasswords() {
        Map<String, Object> user = createUser("USER", unique("local") + "@example.com", null);
        String token = asUser(user).body(Map.of("name", unique("bot"))).post("/api/v1/users/" + id(user) + "/tokens")
                .then().statusCode(201).extract().jsonPath().getString("token");

        bearer(token).get("/api/v1/me").then().statusCode(200).body("userId", equalTo((int) id(user)))
                .body("viaToken", equalTo(true));
        asUser(user).get("/api/v1/me").then().statusCode(200).body("userId", equalTo((int) id(user)))
                .body("viaToken", equalTo(false));
        assertProblem(bearer("pgw_" + unique("revoked-or-never")).get("/api/v1/me").then().extract(), 401,
                "unauthenticated");
        // no JWT request reached the issuer's token endpoint for these: OIDC verifies locally with the JWKS
        assertThat(EntraWireMock.server().findAll(postRequestedFor(urlPathEqualTo(EntraWireMock.TOKEN_PATH))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("pgw_")))).isEmpty();
    }

    static Stream<Arguments> operations() {
        return AuthenticationTest.operations();
    }

    @ParameterizedTest(name = "{0} without credentials → 401, not a redirect")
    @MethodSource("operations")
    void shouldAnswerEveryApiOperationWithoutCredentialsWith401(String operation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1).replace("{}", "1");
        RequestSpecification request = given().redirects().follow(false).contentType(ContentType.JSON);
        if (method.equals("POST") || method.equals("PUT")) {
            request = request.body("{}");
        }

        assertProblem(request.request(method, path).then().extract(), 401, "unauthenticated");
    }

    // ---- the browser: authorization-code flow

    @Test
    void shouldSignInThroughTheCodeFlowAndUseTheSessionCookieOnTheApi() {
        Map<String, Object> user = createUser("MANAGER", unique("browser") + "@example.com", null);

        // 1. the login path redirects to Entra's authorize endpoint, with state and PKCE in a state cookie
        ExtractableResponse<Response> start = given().redirects().follow(false).get("/login/microsoft").then()
                .extract();
        assertThat(start.statusCode()).as("body %s", start.asString()).isEqualTo(302);
        URI authorize = URI.create(start.header("Location"));
        Map<String, String> query = query(authorize);
        assertThat(authorize.getPath()).isEqualTo(EntraWireMock.AUTHORIZE_PATH);
        assertThat(query).containsEntry("client_id", EntraWireMock.CLIENT_ID).containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "code_challenge");
        assertThat(query.get("redirect_uri")).endsWith("/login/microsoft");
        assertThat(query.get("scope").split(" ")).contains("openid", "profile", "email");
        List<String> stateCookies = setCookies(start, "q_auth");
        assertThat(stateCookies).hasSize(1);
        assertThat(stateCookies.get(0)).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

        // 2. Entra redirects back with a code; the gateway exchanges it, sets the session cookie, drops the code
        String code = "code-" + UUID.randomUUID();
        EntraWireMock.answerCode(code, EntraWireMock.token(objectId(), Map.of("email", user.get("email"),
                "name", user.get("displayName"))));
        ExtractableResponse<Response> callback = given().redirects().follow(false)
                .header("Cookie", cookiePair(stateCookies.get(0)))
                .queryParam("code", code).queryParam("state", query.get("state"))
                .get("/login/microsoft").then().extract();
        assertThat(callback.statusCode()).as("body %s", callback.asString()).isEqualTo(302);
        assertThat(callback.header("Location")).endsWith("/login/microsoft");
        List<String> sessionCookies = setCookies(callback, "q_session");
        assertThat(sessionCookies).hasSize(1);
        assertThat(sessionCookies.get(0)).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Secure");
        LoggedRequest exchange = EntraWireMock.server().findAll(postRequestedFor(urlPathEqualTo(
                EntraWireMock.TOKEN_PATH)).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                "code=" + code))).get(0);
        assertThat(exchange.getBodyAsString()).contains("grant_type=authorization_code", "code_verifier=",
                "redirect_uri=");
        String session = cookiePair(sessionCookies.get(0));

        // 3. with the session the login path sends the browser home, and the API knows the user
        given().redirects().follow(false).header("Cookie", session).get("/login/microsoft").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/"));
        given().header("Cookie", session).get("/api/v1/me").then().statusCode(200)
                .body("userId", equalTo((int) id(user)))
                .body("role", equalTo("MANAGER"))
                .body("name", equalTo(user.get("username")))
                .body("viaToken", equalTo(false));

        // 4. a write with the SameSite=Lax session cookie needs the double-submit CSRF token (a bearer JWT does not)
        String csrf = given().get("/login/options").then().extract().cookie(io.profilegateway.web.CsrfFilter.COOKIE);
        assertProblem(given().header("Cookie", session).body(Map.of("profileId", 2)).contentType(ContentType.JSON)
                .put("/api/v1/users/" + id(user) + "/profile").then().extract(), 403, "csrf-token-missing");
        assertProblem(given().header("Cookie", session + "; pgw_csrf=" + csrf).header("X-CSRF-Token", "forged")
                .body(Map.of("profileId", 2)).contentType(ContentType.JSON)
                .put("/api/v1/users/" + id(user) + "/profile").then().extract(), 403, "csrf-token-missing");
        given().header("Cookie", session).get("/api/v1/users/" + id(user) + "/profile").then().statusCode(200)
                .body("source", org.hamcrest.Matchers.not(equalTo("MANUAL")));
        given().header("Cookie", session + "; pgw_csrf=" + csrf).header("X-CSRF-Token", csrf)
                .body(Map.of("profileId", 2)).contentType(ContentType.JSON)
                .put("/api/v1/users/" + id(user) + "/profile").then().statusCode(200).body("source", equalTo("MANUAL"));
    }

    @Test
    void shouldRefuseTheCodeFlowOfAnUnknownAccountWithoutASession() {
        ExtractableResponse<Response> start = given().redirects().follow(false).get("/login/microsoft").then()
                .extract();
        String state = query(URI.create(start.header("Location"))).get("state");
        String code = "code-" + UUID.randomUUID();
        EntraWireMock.answerCode(code, EntraWireMock.token(objectId(), Map.of("email",
                unique("nobody") + "@example.com")));

        ExtractableResponse<Response> callback = given().redirects().follow(false)
                .header("Cookie", cookiePair(setCookies(start, "q_auth").get(0)))
                .queryParam("code", code).queryParam("state", state).get("/login/microsoft").then().extract();

        assertProblem(callback, 403, "microsoft-account-unknown");
        assertThat(setCookies(callback, "q_session").stream().filter(c -> !c.startsWith("q_session=;")))
                .as("a session cookie").allMatch(c -> c.contains("Max-Age=0"));
    }

    @Test
    void shouldStartAgainAfterAForgedStateAndRefuseAnUnknownCode() {
        ExtractableResponse<Response> start = given().redirects().follow(false).get("/login/microsoft").then()
                .extract();
        String stateCookie = cookiePair(setCookies(start, "q_auth").get(0));
        String state = query(URI.create(start.header("Location"))).get("state");

        ExtractableResponse<Response> forged = given().redirects().follow(false).header("Cookie", stateCookie)
                .queryParam("code", "whatever").queryParam("state", "forged-" + state).get("/login/microsoft")
                .then().extract();
        ExtractableResponse<Response> unknownCode = given().redirects().follow(false).header("Cookie", stateCookie)
                .queryParam("code", "never-issued").queryParam("state", state).get("/login/microsoft").then()
                .extract();

        // a state that is not the cookie's: no code is exchanged, the sign-in starts over at Entra
        assertThat(forged.statusCode()).as("body %s", forged.asString()).isEqualTo(302);
        assertThat(URI.create(forged.header("Location")).getPath()).isEqualTo(EntraWireMock.AUTHORIZE_PATH);
        assertThat(EntraWireMock.server().findAll(postRequestedFor(urlPathEqualTo(EntraWireMock.TOKEN_PATH))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("code=whatever"))))
                .isEmpty();
        // Entra refuses the code: a clear 401, never a 5xx
        assertProblem(unknownCode, 401, "sign-in-failed");
        for (ExtractableResponse<Response> r : List.of(forged, unknownCode)) {
            assertThat(setCookies(r, "q_session").stream().filter(c -> !c.contains("Max-Age=0"))).isEmpty();
        }
    }

    // ---- helpers

    private static String objectId() {
        return UUID.randomUUID().toString();
    }

    private static Map<String, Object> createUser(String role, String email, String entraObjectId) {
        String username = unique("entra");
        Map<String, Object> body = new HashMap<>();
        body.put("extension", extension());
        body.put("displayName", "Entra " + username);
        body.put("username", username);
        body.put("password", io.profilegateway.testing.Api.PASSWORD);
        body.put("role", role);
        body.put("devices", List.of("PJSIP/" + username));
        if (email != null) {
            body.put("email", email);
        }
        if (entraObjectId != null) {
            body.put("entraObjectId", entraObjectId);
        }
        return asAdmin().body(body).post("/api/v1/users").then().statusCode(201).extract().jsonPath().getMap("");
    }

    private static long userCount() {
        return asAdmin().get("/api/v1/users?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static void assertProblem(ExtractableResponse<Response> r, int status, String errorId) {
        assertThat(r.statusCode()).as("status; body %s", r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("errorId")).isEqualTo(errorId);
        assertThat(r.asString()).doesNotContain("Exception", "at io.", "java.", EntraWireMock.CLIENT_SECRET);
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "",
                        StandardCharsets.UTF_8)));
    }

    /** The Set-Cookie headers whose cookie name starts with {@code prefix}. */
    private static List<String> setCookies(ExtractableResponse<Response> r, String prefix) {
        return r.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(prefix)).toList();
    }

    /** {@code name=value} of a Set-Cookie header. */
    private static String cookiePair(String setCookie) {
        return setCookie.substring(0, setCookie.contains(";") ? setCookie.indexOf(';') : setCookie.length());
    }

    private static Stream<String> logLines() throws IOException {
        return Files.readAllLines(Path.of(EntraWireMock.LOG_FILE)).stream();
    }
}
