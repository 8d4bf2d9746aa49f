package io.profilegateway.switching;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.createGroup;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every refused switch leaves a history row (outcome REFUSED, the reason), bounded per user and minute. */
@QuarkusTest
class RefusedSwitchTest {

    @Inject
    SwitchService switches;


    @Test
    void shouldRecordASwitchTheCallerMayNotMake() {
        long group = createGroup("Europe/Berlin");
        long colleague = id(createUser("USER", group));
        Map<String, Object> user = createUser("USER", group);

        asUser(user).body(Map.of("profileId", 2)).put("/api/v1/users/" + colleague + "/profile").then()
                .statusCode(403);

        Map<String, Object> row = latest(colleague);
        assertThat(row).containsEntry("outcome", "REFUSED").containsEntry("toProfileId", 2)
                .containsEntry("source", "MANUAL").containsEntry("fromProfileId", 1);
        assertThat((String) row.get("detail")).startsWith("403 ");
        assertThat((String) row.get("actor")).contains((String) user.get("username"));
        // the refused one is no switch: the colleague is where he was
        asAdmin().get("/api/v1/users/" + colleague + "/profile").then().body("profileId",
                org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void shouldRecordBadRequestsOfTheApiWithTheReason() {
        long user = id(createUser("USER"));
        long personal = createProfile(Map.of("groupIds", List.of(createGroup("Europe/Berlin"))), List.of(),
                List.of());

        switchTo(user, 999_999).statusCode(400);
        assertThat(latest(user)).containsEntry("outcome", "REFUSED").containsEntry("toProfileId", 999_999)
                .doesNotContainKey("toProfileName");
        switchTo(user, personal).statusCode(400);
        assertThat(latest(user)).containsEntry("outcome", "REFUSED").containsEntry("toProfileId", (int) personal);
        asAdmin().body(Map.of("parameters", Map.of())).put("/api/v1/users/" + user + "/profile").then()
                .statusCode(400);
        assertThat(latest(user)).containsEntry("outcome", "REFUSED").doesNotContainKey("toProfileId");
        assertThat((String) latest(user).get("detail")).contains("profileId");
        asAdmin().body(Map.of("profileId", 2)).put("/api/v1/users/999999/profile").then().statusCode(404);
    }

    @Test
    void shouldRecordWhatATriggerCouldNotDo() {
        long user = id(createUser("USER"));
        // a Teams profile whose groups changed after the roster was read: the user may no longer use it
        long meeting = createProfile(Map.of("groupIds", List.of(createGroup("Europe/Berlin")), "triggers",
                List.of(Map.of("type", "TEAMS_MEETING"))), List.of(), List.of());

        assertThatThrownBy(() -> switches.switchProfile(new SwitchCommand(user, meeting, null, SwitchSource.TEAMS,
                "teams"))).hasMessageContaining("not available");

        Map<String, Object> row = latest(user);
        assertThat(row).containsEntry("outcome", "REFUSED").containsEntry("source", "TEAMS")
                .containsEntry("toProfileId", (int) meeting);
        assertThat((String) row.get("detail")).startsWith("400 ").contains("not available");
    }

    @Test
    void shouldBoundTheRefusalsRecordedPerUserAndMinute() {
        long group = createGroup("Europe/Berlin");
        long colleague = id(createUser("USER", group));
        Map<String, Object> user = createUser("USER", group);

        for (int i = 0; i < 30; i++) {
            asUser(user).body(Map.of("profileId", 2)).put("/api/v1/users/" + colleague + "/profile").then()
                    .statusCode(403);
        }

        var history = asAdmin().get("/api/v1/users/" + colleague + "/history?size=100").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("items.outcome")).filteredOn("REFUSED"::equals).hasSize(20);
    }

    private static Map<String, Object> latest(long userId) {
        return asAdmin().get("/api/v1/users/" + userId + "/history?size=1").then().statusCode(200).extract()
                .jsonPath().getMap("items[0]");
    }
}
