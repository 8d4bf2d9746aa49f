package io.profilegateway.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.profilegateway.access.Secrets;
import io.profilegateway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web page's sign-in: sessions in the database behind an HttpOnly, SameSite=Strict cookie; sign-out, a password
 * change and a deleted user end them; idle and old sessions stop counting; login CSRF and password guessing refused.
 */
@QuarkusTest
class WebSessionTest {

    private static final String CSRF = "csrf-test-token";

    @Inject
    AgroalDataSource dataSource;

    static Response signIn(String username, String password) {
        return given().redirects().follow(false).contentType(ContentType.JSON).cookie("pgw_csrf", CSRF)
                .header("X-CSRF-Token", CSRF).body(Map.of("username", username, "password", password))
                .post("/login");
    }

    static String session(String username, String password) {
        Response r = signIn(username, password);
        assertThat(r.statusCode()).isEqualTo(204);
        return r.cookie("pgw_session");
    }

    private static int me(String session) {
        return given().cookie("pgw_session", session).get("/api/v1/me").statusCode();
    }

    private boolean stored(String session) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id_hash FROM web_session WHERE id_hash = ?")) {
            s.setString(1, Secrets.sha256(session));
            try (ResultSet found = s.executeQuery()) {
                return found.next();
            }
        }
    }

    private void set(String column, OffsetDateTime value, String session) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE web_session SET " + column + " = ? WHERE id_hash = ?")) {
            s.setObject(1, value);
            s.setString(2, Secrets.sha256(session));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void signInSetsAnHttpOnlySameSiteCookieThatTheApiAccepts() throws Exception {
        Response r = signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.header("Set-Cookie")).startsWith("pgw_session=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("Secure");
        String session = r.cookie("pgw_session");
        assertThat(session).hasSizeGreaterThanOrEqualTo(40);
        assertThat(given().cookie("pgw_session", session).get("/api/v1/me").then().statusCode(200)
                .extract().jsonPath().getString("role")).isEqualTo("SYSTEM_OWNER");
        assertThat(stored(session)).as("the id's hash is stored").isTrue();
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswerAndNoCookie() {
        Map<String, Object> user = Api.createUser("USER");
        Response wrong = signIn((String) user.get("username"), "wrong-password");
        Response unknown = signIn(Api.unique("nobody"), "wrong-password");
        for (Response r : new Response[] {wrong, unknown}) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.cookie("pgw_session")).isNull();
            assertThat(r.jsonPath().getString("errorId")).isEqualTo("sign-in-failed");
        }
        assertThat(wrong.jsonPath().getString("detail")).isEqualTo(unknown.jsonPath().getString("detail"));
    }

    @Test
    void anEmptyUserNameIsA400NamingTheField() {
        Response r = signIn("", "x");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.jsonPath().getString("violations[0].field")).isEqualTo("username");
    }

    @Test
    void theApiWithoutCredentialsOrWithAnUnknownSessionStaysA401AndNotARedirect() {
        Response r = given().redirects().follow(false).get("/api/v1/me");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.header("Location")).isNull();
        assertThat(me("no-such-session")).isEqualTo(401);
    }

    @Test
    void thePagesOwnCallsGetA401WithoutABasicChallengeSoNoBrowserPromptsForAPassword() {
        assertThat(given().get("/api/v1/me").header("WWW-Authenticate")).as("other clients").isNotBlank();
        Response r = given().header("X-Requested-With", "profile-gateway").get("/api/v1/me");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isNull();
        Response stream = given().header("Accept", "text/event-stream").get("/api/v1/events");
        assertThat(stream.statusCode()).isEqualTo(401);
        assertThat(stream.header("WWW-Authenticate")).isNull();
    }

    @Test
    void thePageIsServedAtTheRootWithACspWithoutInlineScripts() {
        Response r = given().get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("<script type=\"module\" src=\"app.js\">");
        assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
    }

    @Test
    void signInOptionsArePublicAndHandOutTheCsrfCookie() {
        Response r = given().get("/login/options");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.jsonPath().getBoolean("local")).isTrue();
        assertThat(r.jsonPath().getBoolean("microsoft")).isFalse();
        assertThat(r.header("Set-Cookie")).startsWith("pgw_csrf=").containsIgnoringCase("SameSite=Strict");
    }

    @Test
    void signOutEndsTheSessionOnTheServerNotOnlyInTheBrowser() throws Exception {
        String session = session(Api.ADMIN, Api.ADMIN_PASSWORD);
        Response r = given().cookie("pgw_session", session).cookie("pgw_csrf", "t").header("X-CSRF-Token", "t")
                .post("/logout");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.header("Set-Cookie")).startsWith("pgw_session=").contains("Max-Age=0");
        assertThat(me(session)).as("the old cookie, replayed").isEqualTo(401);
        assertThat(stored(session)).isFalse();
    }

    @Test
    void aCookieAuthenticatedWriteWithoutTheCsrfTokenIsRefused() {
        String session = session(Api.ADMIN, Api.ADMIN_PASSWORD);
        given().cookie("pgw_session", session).post("/logout").then().statusCode(403);
        given().cookie("pgw_session", session).cookie("pgw_csrf", "abc").header("X-CSRF-Token", "other")
                .post("/logout").then().statusCode(403);
        assertThat(me(session)).isEqualTo(200);
    }

    @Test
    void loginCsrfIsRefusedWithoutTheTokenAndFromAnotherOrigin() {
        Map<String, String> body = Map.of("username", Api.ADMIN, "password", Api.ADMIN_PASSWORD);
        Response noToken = given().contentType(ContentType.JSON).body(body).post("/login");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.cookie("pgw_session")).isNull();
        Response foreign = given().contentType(ContentType.JSON).cookie("pgw_csrf", CSRF).header("X-CSRF-Token", CSRF)
                .header("Origin", "https://evil.example").body(body).post("/login");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.jsonPath().getString("errorId")).isEqualTo("cross-origin-sign-in");
        assertThat(foreign.cookie("pgw_session")).isNull();
    }

    @Test
    void aPasswordChangeEndsTheUsersSessions() {
        Map<String, Object> user = Api.createUser("USER");
        String session = session((String) user.get("username"), Api.PASSWORD);
        assertThat(me(session)).isEqualTo(200);
        Api.asAdmin().body(Map.of("password", "a-new-password-2026"))
                .put("/api/v1/users/" + Api.id(user) + "/password").then().statusCode(204);
        assertThat(me(session)).isEqualTo(401);
    }

    @Test
    void deletingTheUserDeletesHisSessions() throws Exception {
        Map<String, Object> user = Api.createUser("USER");
        String session = session((String) user.get("username"), Api.PASSWORD);
        Api.asAdmin().delete("/api/v1/users/" + Api.id(user)).then().statusCode(204);
        assertThat(me(session)).isEqualTo(401);
        assertThat(stored(session)).isFalse();
    }

    @Test
    void anIdleSessionAndAnExpiredSessionStopCounting() throws Exception {
        String idle = session(Api.ADMIN, Api.ADMIN_PASSWORD);
        String old = session(Api.ADMIN, Api.ADMIN_PASSWORD);
        set("last_seen", OffsetDateTime.now(ZoneOffset.UTC).minusHours(9), idle);
        set("expires_at", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), old);
        assertThat(me(idle)).as("not seen for 9 h (timeout 8 h)").isEqualTo(401);
        assertThat(me(old)).as("past its maximum age").isEqualTo(401);
    }

    @Test
    void aSessionInUseIsNotedAsSeen() throws Exception {
        String session = session(Api.ADMIN, Api.ADMIN_PASSWORD);
        set("last_seen", OffsetDateTime.now(ZoneOffset.UTC).minusHours(7), session);
        assertThat(me(session)).isEqualTo(200);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT last_seen FROM web_session WHERE id_hash = ?")) {
            s.setString(1, Secrets.sha256(session));
            try (ResultSet row = s.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getObject(1, OffsetDateTime.class))
                        .isAfter(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
            }
        }
    }

    @Test
    void manyWrongPasswordsThrottleTheUserNameEvenForTheRightOne() {
        Map<String, Object> user = Api.createUser("USER");
        String username = (String) user.get("username");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(username, "guess-" + i).statusCode()).isEqualTo(401);
        }
        Response throttled = signIn(username, Api.PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.jsonPath().getString("errorId")).isEqualTo("sign-in-throttled");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 300L);
        assertThat(throttled.cookie("pgw_session")).isNull();
    }
}
