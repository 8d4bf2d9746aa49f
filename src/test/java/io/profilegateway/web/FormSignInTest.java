package io.profilegateway.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The web page's sign-in: a local account's form login ends in an HttpOnly, SameSite session cookie that /api accepts. */
@QuarkusTest
class FormSignInTest {

    private Response signIn(String password) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", password)
                .post("/j_security_check");
    }

    @Test
    void signInSetsAnHttpOnlySameSiteCookieThatTheApiAccepts() {
        Response r = signIn("admin-test-password");
        assertThat(r.statusCode()).isEqualTo(200);
        String setCookie = r.header("Set-Cookie");
        assertThat(setCookie).startsWith("pgw_session=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        String session = r.cookie("pgw_session");
        given().cookie("pgw_session", session).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aWrongPasswordIsRefusedWithoutACookie() {
        Response r = signIn("wrong");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.cookie("pgw_session")).isNull();
    }

    @Test
    void theApiWithoutCredentialsStaysA401AndNotARedirect() {
        Response r = given().redirects().follow(false).get("/api/v1/me");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.header("Location")).isNull();
    }

    @Test
    void thePageIsServedAtTheRoot() {
        Response r = given().get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("<script type=\"module\" src=\"app.js\">");
    }

    @Test
    void logoutClearsTheCookie() {
        String session = signIn("admin-test-password").cookie("pgw_session");
        Response r = given().cookie("pgw_session", session).cookie("pgw_csrf", "t").header("X-CSRF-Token", "t")
                .post("/logout");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.header("Set-Cookie")).startsWith("pgw_session=").contains("Max-Age=0");
    }

    @Test
    void aCookieAuthenticatedWriteWithoutTheCsrfTokenIsRefused() {
        String session = signIn("admin-test-password").cookie("pgw_session");
        given().cookie("pgw_session", session).post("/logout").then().statusCode(403);
        given().cookie("pgw_session", session).cookie("pgw_csrf", "abc").header("X-CSRF-Token", "other")
                .post("/logout").then().statusCode(403);
        given().cookie("pgw_session", session).cookie("pgw_csrf", "abc").header("X-CSRF-Token", "abc")
                .post("/logout").then().statusCode(204);
    }

    @Test
    void thePageHandsOutTheCsrfCookieAndACspWithoutInlineScripts() {
        Response r = given().get("/api/v1/me");
        String csp = given().get("/").header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(r.header("Set-Cookie")).startsWith("pgw_csrf=").containsIgnoringCase("SameSite=Strict");
    }
}
