package io.profilegateway.switching;

import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.desired;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.profilegateway.testing.SwitchEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deleting a profile: its users move to Available through normal switches; system profiles stay. */
@QuarkusTest
class ProfileDeletionTest {

    @Inject
    SwitchEvents events;

    @Test
    void shouldMoveUsersOfADeletedProfileToAvailableThroughARecordedSwitch() {
        long first = id(createUser("USER"));
        long second = id(createUser("USER"));
        long bystander = id(createUser("USER"));
        long away = createProfile(List.of(action("SET_REDIRECT", "kind", "ALWAYS", "target", "2000"),
                action("SET_REACHABILITY", "enabled", false)),
                List.of(action("UNSET_REDIRECT", "kind", "ALWAYS")));
        String name = asAdmin().get("/api/v1/profiles/" + away).then().extract().path("name");
        switchTo(first, away).statusCode(200);
        switchTo(second, away).statusCode(200);
        switchTo(bystander, 2).statusCode(200);

        asAdmin().delete("/api/v1/profiles/" + away).then().statusCode(204);

        for (long user : List.of(first, second)) {
            asAdmin().get("/api/v1/users/" + user + "/profile").then().statusCode(200)
                    .body("profileId", equalTo(1)).body("source", equalTo("SYSTEM"));
            asAdmin().get("/api/v1/users/" + user + "/history").then()
                    .body("items[0].fromProfileName", equalTo(name))
                    .body("items[0].toProfileName", equalTo("Available"))
                    .body("items[0].source", equalTo("SYSTEM"))
                    .body("items[0].outcome", equalTo("SWITCHED"));
            assertThat(desired(user).getMap("redirects")).isEmpty();
            assertThat(desired(user).getBoolean("reachable")).isTrue();
            assertThat(events.forUser(user)).last().extracting(ProfileSwitched::toProfileId).isEqualTo(1L);
        }
        asAdmin().get("/api/v1/users/" + bystander + "/profile").then().body("profileId", equalTo(2));
        asAdmin().get("/api/v1/profiles/" + away).then().statusCode(404);
    }

    @Test
    void shouldForgetADeletedProfileAsSomeonesPreviousProfile() {
        long user = id(createUser("USER"));
        long p = createProfile(List.of(), List.of());
        switchTo(user, p).statusCode(200);
        switchTo(user, 2).statusCode(200);

        asAdmin().delete("/api/v1/profiles/" + p).then().statusCode(204);

        asAdmin().get("/api/v1/users/" + user + "/profile").then().statusCode(200)
                .body("profileId", equalTo(2)).body("previousProfileId", equalTo(null));
    }

    @Test
    void shouldNeverDeleteTheSystemProfiles() {
        asAdmin().delete("/api/v1/profiles/1").then().statusCode(409).body("errorId", equalTo("profile-not-deletable"));
        asAdmin().delete("/api/v1/profiles/2").then().statusCode(409).body("errorId", equalTo("profile-not-deletable"));
        asAdmin().get("/api/v1/profiles/1").then().statusCode(200).body("name", equalTo("Available"));
    }
}
