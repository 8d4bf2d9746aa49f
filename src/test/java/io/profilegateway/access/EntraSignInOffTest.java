package io.profilegateway.access;

import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Without any OIDC setting the gateway behaves as before Microsoft sign-in existed: the OIDC tenant is disabled, its
 * start log has no OIDC warning (it contacted no issuer), a JWT is just a wrong credential, the login path is 404,
 * and API tokens and passwords work.
 */
@QuarkusTest
@TestProfile(OidcOffTestProfile.class)
class EntraSignInOffTest {

    private static final Pattern OIDC_TROUBLE = Pattern.compile(
            "(?i)\\b(WARN|ERROR)\\b.*(oidc|io\\.qua\\.oid|openid|issuer|well-known)");

    @Test
    void shouldKeepTheOidcTenantDisabled() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.oidc.tenant-enabled", Boolean.class)).isFalse();
        assertThat(ConfigProvider.getConfig().getValue("gateway.oidc.enabled", Boolean.class)).isFalse();
    }

    @Test
    void shouldStartWithoutAnyOidcWarning() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(OidcOffTestProfile.LOG_FILE));

        assertThat(lines).as("the start log").anyMatch(l -> l.contains("Installed features") && l.contains("oidc"));
        assertThat(lines).filteredOn(l -> OIDC_TROUBLE.matcher(l).find()).isEmpty();
    }

    @Test
    void shouldRefuseAJwtLikeAnyWrongCredential() {
        long now = Instant.now().getEpochSecond();
        String jwt = EntraWireMock.sign(Map.of("iss", "https://login.microsoftonline.com/some-tenant/v2.0",
                "aud", "some-client", "oid", UUID.randomUUID().toString(), "email", "admin@example.com",
                "iat", now, "exp", now + 3600), EntraWireMock.foreignKey());

        ExtractableResponse<Response> r = given().header("Authorization", "Bearer " + jwt).get("/api/v1/me").then()
                .extract();

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.jsonPath().getString("errorId")).isEqualTo("unauthenticated");
        assertThat(r.header("WWW-Authenticate")).isNotBlank();
    }

    @Test
    void shouldAnswerTheLoginPathWith404() {
        ExtractableResponse<Response> r = given().redirects().follow(false).get("/login/microsoft").then().extract();

        assertThat(r.statusCode()).as("body %s", r.asString()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("errorId")).isEqualTo("microsoft-sign-in-off");
    }

    @Test
    void shouldStillAcceptApiTokensAndPasswords() {
        Map<String, Object> user = createUser("USER");
        String token = asUser(user).body(Map.of("name", unique("bot"))).post("/api/v1/users/" + id(user) + "/tokens")
                .then().statusCode(201).extract().jsonPath().getString("token");

        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200)
                .body("userId", equalTo((int) id(user))).body("viaToken", equalTo(true));
        asUser(user).get("/api/v1/me").then().statusCode(200).body("viaToken", equalTo(false));
    }
}
