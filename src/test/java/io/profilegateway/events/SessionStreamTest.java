package io.profilegateway.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.profilegateway.access.Secrets;
import io.profilegateway.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An event stream opened with the web page's session cookie does not outlive the session: sign-out, a deleted user,
 * a password change or an expired session end it with a last {@code session-ended} event within a few seconds; a
 * stream opened with Basic credentials is not touched.
 */
@QuarkusTest
class SessionStreamTest {

    private static final String CSRF = "csrf-stream-token";
    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/api/v1/events")
    URI events;

    private static String signIn(String username) {
        Response r = given().contentType(ContentType.JSON).cookie("pgw_csrf", CSRF).header("X-CSRF-Token", CSRF)
                .body(Map.of("username", username, "password", Api.PASSWORD)).post("/login");
        assertThat(r.statusCode()).isEqualTo(204);
        return r.cookie("pgw_session");
    }

    private SseClient openStream(String session) throws Exception {
        SseClient stream = SseClient.withSession(events, session);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.endsWithin(Duration.ofMillis(300))).as("open while the session counts").isFalse();
        return stream;
    }

    private static void assertEndedWithin5s(SseClient stream, String reason) throws Exception {
        SseClient.Event last = stream.next("session-ended", FIVE_SECONDS);
        assertThat(last).as("a session-ended event").isNotNull();
        assertThat(last.data()).contains("\"reason\":\"" + reason + "\"");
        assertThat(stream.endsWithin(FIVE_SECONDS)).as("the stream completes").isTrue();
    }

    @Test
    void signingOutEndsTheSessionsStreamAtOnce() throws Exception {
        Map<String, Object> user = Api.createUser("USER");
        String session = signIn((String) user.get("username"));
        try (SseClient stream = openStream(session);
                SseClient basic = new SseClient(events, (String) user.get("username"), Api.PASSWORD, null)) {
            long start = System.nanoTime();
            given().cookie("pgw_session", session).cookie("pgw_csrf", CSRF).header("X-CSRF-Token", CSRF)
                    .post("/logout").then().statusCode(204);

            assertEndedWithin5s(stream, "signed-out");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FIVE_SECONDS);
            assertThat(basic.endsWithin(Duration.ofSeconds(3))).as("a Basic stream has no session to end").isFalse();
        }
    }

    @Test
    void deletingTheUserEndsHisStreamWithinFiveSeconds() throws Exception {
        Map<String, Object> user = Api.createUser("USER");
        String session = signIn((String) user.get("username"));
        try (SseClient stream = openStream(session)) {
            Api.asAdmin().delete("/api/v1/users/" + Api.id(user)).then().statusCode(204);

            assertEndedWithin5s(stream, "session-ended");
        }
    }

    @Test
    void anIdleSessionEndsItsStreamWithinFiveSeconds() throws Exception {
        Map<String, Object> user = Api.createUser("USER");
        String session = signIn((String) user.get("username"));
        try (SseClient stream = openStream(session)) {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "UPDATE web_session SET last_seen = ? WHERE id_hash = ?")) {
                s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusHours(9));
                s.setString(2, Secrets.sha256(session));
                assertThat(s.executeUpdate()).isEqualTo(1);
            }

            assertEndedWithin5s(stream, "session-ended");
        }
    }

    @Test
    void aPasswordChangeEndsTheStreamOfTheOldSession() throws Exception {
        Map<String, Object> user = Api.createUser("USER");
        String session = signIn((String) user.get("username"));
        String other = signIn(Api.createUser("USER").get("username").toString());
        try (SseClient stream = openStream(session); SseClient untouched = openStream(other)) {
            Api.asAdmin().body(Map.of("password", "a-new-password-2026"))
                    .put("/api/v1/users/" + Api.id(user) + "/password").then().statusCode(204);

            assertEndedWithin5s(stream, "session-ended");
            assertThat(untouched.endsWithin(Duration.ofSeconds(1))).as("another user's session counts").isFalse();
        }
    }
}
