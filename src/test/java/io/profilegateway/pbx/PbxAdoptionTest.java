package io.profilegateway.pbx;

import static io.profilegateway.pbx.PbxAssertions.awaitInSync;
import static io.profilegateway.pbx.PbxAssertions.pbxState;
import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createTeam;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.pbx.simulator.DeviceState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes made on the phone are taken into the desired state and the history (DIALPLAN), never fought back. */
@QuarkusTest
class PbxAdoptionTest {

    @Inject
    SimulatorLauncher launcher;

    AmiSimulator pbx;

    @BeforeEach
    void ready() {
        pbx = PbxAssertions.readySimulator(launcher);
    }

    @Test
    void thePauseKeyOnThePhoneIsAdopted() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String ext = (String) user.get("extension");
        String team = createTeam(null);
        switchTo(userId, createProfile(List.of(action("TEAM_LOGIN", "team", team)), List.of())).statusCode(200);
        awaitInSync(userId, Duration.ofSeconds(20));

        pbx.phone().pauseMember(team, "Local/" + ext + "@from-queue/n", "coffee");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Object> seat = pbxState(userId).<Map<String, Object>>getList("desired.teams").get(0);
            assertThat(seat).containsEntry("paused", true).containsEntry("reason", "coffee");
        });
        Map<String, Object> latest = latestHistory(userId);
        assertThat(latest).containsEntry("source", "DIALPLAN").containsEntry("outcome", "ADOPTED");
        assertThat((String) latest.get("detail")).contains("paused").contains(team);
        awaitInSync(userId, Duration.ofSeconds(20));
        // not fought back: still paused in Asterisk
        assertThat(pbx.pbx().queueMembers(team).get(0).paused()).isTrue();
    }

    @Test
    void aDndFeatureCodeOnThePhoneIsAdopted() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String ext = (String) user.get("extension");
        awaitInSync(userId, Duration.ofSeconds(20));

        pbx.phone().setDeviceState("Custom:DND" + ext, DeviceState.BUSY);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !pbxState(userId).getBoolean("desired.reachable"));
        assertThat(latestHistory(userId)).containsEntry("source", "DIALPLAN").containsEntry("outcome", "ADOPTED");
        awaitInSync(userId, Duration.ofSeconds(20));
        assertThat(pbx.pbx().deviceState("Custom:DND" + ext)).isEqualTo(DeviceState.BUSY);
        assertThat(pbx.pbx().astDb()).containsEntry("/DND/" + ext, "YES");

        pbx.phone().setDeviceState("Custom:DND" + ext, DeviceState.NOT_INUSE);
        await().atMost(Duration.ofSeconds(20)).until(() -> pbxState(userId).getBoolean("desired.reachable"));
    }

    @Test
    void theGatewaysOwnChangesAreNotMistakenForThePhones() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        long dnd = 2;
        for (int i = 0; i < 3; i++) {
            switchTo(userId, dnd).statusCode(200);
            switchTo(userId, 1).statusCode(200);
        }
        awaitInSync(userId, Duration.ofSeconds(20));
        JsonPath history = asAdmin().queryParam("size", 100).get("/api/v1/users/" + userId + "/history").then()
                .statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.outcome")).doesNotContain("ADOPTED");
    }

    @Test
    void aFeatureCodeSwitchesTheProfileThroughAUserEvent() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String ext = (String) user.get("extension");

        pbx.phone().userEvent("ProfileSwitch", Map.of("Extension", ext, "Profile", "2"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAdmin()
                .get("/api/v1/users/" + userId + "/profile").then().statusCode(200)
                .body("profileId", org.hamcrest.Matchers.equalTo(2))
                .body("source", org.hamcrest.Matchers.equalTo("DIALPLAN")));
    }

    @Test
    void aFeatureCodeWithoutAProfileIdIsRecordedAsRefused() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);

        pbx.phone().userEvent("ProfileSwitch", Map.of("Extension", (String) user.get("extension"), "Profile", "DND"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(latestHistory(userId))
                .containsEntry("outcome", "REFUSED").containsEntry("source", "DIALPLAN")
                .doesNotContainKey("toProfileId"));
        assertThat((String) latestHistory(userId).get("detail")).contains("Profile");
    }

    @Test
    void aFeatureCodeForAnUnknownProfileIsRecordedAsRefused() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);

        pbx.phone().userEvent("ProfileSwitch", Map.of("Extension", (String) user.get("extension"), "Profile",
                "999999"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(latestHistory(userId))
                .containsEntry("outcome", "REFUSED").containsEntry("source", "DIALPLAN")
                .containsEntry("toProfileId", 999999));
    }

    private static Map<String, Object> latestHistory(long userId) {
        return asAdmin().get("/api/v1/users/" + userId + "/history").then().statusCode(200).extract().jsonPath()
                .getMap("items[0]");
    }
}
