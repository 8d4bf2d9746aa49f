package io.profilegateway.switching;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A manual switch "for how long": PUT /users/{id}/profile with until. */
@QuarkusTest
class ManualUntilTest {

    @Inject
    UntilExpiry expiry;

    @Inject
    Clock clock;

    @Test
    void shouldReturnAtUntilToWhatWasBeforeAndRecordTheSwitchAndTheReturn() {
        long user = id(createUser("USER"));
        long desk = createProfile(List.of(), List.of());
        switchTo(user, desk).statusCode(200);
        Instant until = clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);

        asAdmin().body(Map.of("profileId", 2, "until", until.toString())).put("/api/v1/users/" + user + "/profile")
                .then().statusCode(200).body("profileId", equalTo(2)).body("until", equalTo(until.toString()));
        asAdmin().get("/api/v1/users/" + user + "/profile").then().body("until", equalTo(until.toString()));
        // stored, not held in memory: what a restarted gateway (or another node) finds
        QuarkusTransaction.requiringNew().run(() -> {
            UserState stored = UserState.findById(user);
            assertThat(stored.activeKind).isEqualTo(ActivationKind.MANUAL_UNTIL);
            assertThat(stored.activeUntil).isEqualTo(until);
            assertThat(stored.beneath()).singleElement().satisfies(a -> assertThat(a.profile.id).isEqualTo(desk));
        });

        expiry.expire(until.minusSeconds(1));
        asAdmin().get("/api/v1/users/" + user + "/profile").then().body("profileId", equalTo(2));
        expiry.expire(until);

        asAdmin().get("/api/v1/users/" + user + "/profile").then().body("profileId", equalTo((int) desk))
                .body("until", nullValue());
        var history = asAdmin().get("/api/v1/users/" + user + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.toProfileId")).startsWith((int) desk, 2);
        assertThat(history.getList("items.source")).startsWith("SYSTEM", "MANUAL");
        assertThat(history.getList("items.actor").get(0)).isEqualTo("until");
        assertThat(history.getList("items.outcome")).startsWith("SWITCHED", "SWITCHED");
    }

    @Test
    void shouldLetALaterSwitchByHandStandAfterUntil() {
        long user = id(createUser("USER"));
        long desk = createProfile(List.of(), List.of());
        Instant until = clock.instant().plus(Duration.ofMinutes(10));
        asAdmin().body(Map.of("profileId", 2, "until", until.toString())).put("/api/v1/users/" + user + "/profile")
                .then().statusCode(200);
        switchTo(user, desk).statusCode(200).body("until", nullValue());

        assertThat(expiry.expire(until.plusSeconds(1))).isZero();

        asAdmin().get("/api/v1/users/" + user + "/profile").then().body("profileId", equalTo((int) desk));
    }

    @Test
    void shouldReplaceARunningUntilWithANewOne() {
        long user = id(createUser("USER"));
        long desk = createProfile(List.of(), List.of());
        long lunch = createProfile(List.of(), List.of());
        switchTo(user, desk).statusCode(200);
        Instant first = clock.instant().plus(Duration.ofMinutes(10));
        Instant second = clock.instant().plus(Duration.ofMinutes(20));
        asAdmin().body(Map.of("profileId", 2, "until", first.toString())).put("/api/v1/users/" + user + "/profile")
                .then().statusCode(200);
        asAdmin().body(Map.of("profileId", lunch, "until", second.toString()))
                .put("/api/v1/users/" + user + "/profile").then().statusCode(200);

        expiry.expire(first.plusSeconds(1));
        asAdmin().get("/api/v1/users/" + user + "/profile").then().body("profileId", equalTo((int) lunch));
        expiry.expire(second.plusSeconds(1));

        asAdmin().get("/api/v1/users/" + user + "/profile").then().body("profileId", equalTo((int) desk));
    }

    @Test
    void shouldRefuseAnUntilThatIsPastTooFarOrNoInstantNamingIt() {
        long user = id(createUser("USER"));
        for (String until : List.of(clock.instant().minusSeconds(1).toString(),
                clock.instant().plus(Duration.ofDays(32)).toString(), "tomorrow", "12:45")) {
            asAdmin().body(Map.of("profileId", 2, "until", until)).put("/api/v1/users/" + user + "/profile").then()
                    .statusCode(400).body("violations[0].field", equalTo("until"));
        }
        asAdmin().get("/api/v1/users/" + user + "/profile").then().body("profileId", equalTo(1));
    }
}
