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
import io.profilegateway.pbx.simulator.PresenceState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Changes made on the phone are taken into the desired state and the history (DIALPLAN), never fought back. */
@QuarkusTest
class PbxAdoptionTest {

    @Inject
    SimulatorLauncher launcher;

    @Inject
    PbxReconciler reconciler;

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

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CF, ALWAYS", "CFB, BUSY", "CFU, NO_ANSWER"})
    void aCallForwardSetOnThePhoneIsAdoptedAndKeptByTheNextFullReconcile(String family, String kind) {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String ext = (String) user.get("extension");
        awaitInSync(userId, Duration.ofSeconds(20));

        // what the sample dialplan's *72 / *90 / *52 code does: the AstDB write, then the UserEvent
        pbx.phone().dbPut(family, ext, "2000");
        pbx.phone().userEvent("CallForward", ordered("Extension", ext, "Kind", family, "Target", "2000"));

        await().atMost(Duration.ofSeconds(20)).until(() -> "2000".equals(pbxState(userId).getString(
                "desired.redirects." + kind)));
        Map<String, Object> latest = latestHistory(userId);
        assertThat(latest).containsEntry("source", "DIALPLAN").containsEntry("outcome", "ADOPTED");
        assertThat((String) latest.get("detail")).contains("redirect " + kind + " to 2000");
        reconcileAndAwaitInSync(userId);
        assertThat(pbx.pbx().astDb()).containsEntry("/" + family + "/" + ext, "2000");

        // *73 / *91 / *53: removed on the phone
        pbx.phone().dbDel(family, ext);
        pbx.phone().userEvent("CallForward", ordered("Extension", ext, "Kind", family, "Target", ""));
        await().atMost(Duration.ofSeconds(20)).until(() -> pbxState(userId).getMap("desired.redirects").isEmpty());
        reconcileAndAwaitInSync(userId);
        assertThat(pbx.pbx().astDb()).doesNotContainKey("/" + family + "/" + ext);
    }

    @Test
    void aCallForwardEventWithABadTargetIsIgnored() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String ext = (String) user.get("extension");
        awaitInSync(userId, Duration.ofSeconds(20));

        pbx.phone().userEvent("CallForward", ordered("Extension", ext, "Kind", "CF", "Target", "20;00"));
        pbx.phone().userEvent("CallForward", ordered("Extension", ext, "Kind", "XY", "Target", "2000"));
        pbx.phone().userEvent("CallForward", ordered("Extension", ext, "Kind", "CFB", "Target", "3000"));

        await().atMost(Duration.ofSeconds(20)).until(() -> "3000".equals(pbxState(userId).getString(
                "desired.redirects.BUSY")));
        assertThat(pbxState(userId).getMap("desired.redirects")).containsOnlyKeys("BUSY");
    }

    @Test
    void aQueueLoginAndLogoutOnThePhoneAreAdoptedAndKeptByTheNextFullReconcile() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String ext = (String) user.get("extension");
        String team = createTeam(null);
        String iface = "Local/" + ext + "@from-queue/n";
        awaitInSync(userId, Duration.ofSeconds(20));

        // the sample dialplan's *451: AddQueueMember with the gateway's member interface
        assertThat(pbx.phone().addMember(team, iface, ext, "hint:" + ext + "@ext-local", 0, false)).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> pbxState(userId).getList("desired.teams.queue")
                .contains(team));
        Map<String, Object> latest = latestHistory(userId);
        assertThat(latest).containsEntry("source", "DIALPLAN").containsEntry("outcome", "ADOPTED");
        assertThat((String) latest.get("detail")).contains("logged in to queue " + team);
        reconcileAndAwaitInSync(userId);
        assertThat(pbx.pbx().queueMembers(team)).extracting(m -> m.iface()).containsExactly(iface);

        // *450: RemoveQueueMember
        assertThat(pbx.phone().removeMember(team, iface)).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> pbxState(userId).getList("desired.teams").isEmpty());
        assertThat((String) latestHistory(userId).get("detail")).contains("logged out of queue " + team);
        reconcileAndAwaitInSync(userId);
        assertThat(pbx.pbx().queueMembers(team)).isEmpty();
    }

    @Test
    void aPresenceSetOnThePhoneSwitchesToTheProfileItStandsFor() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String ext = (String) user.get("extension");
        String lunch = io.profilegateway.testing.Api.unique("Lunch");
        long lunchId = createProfile(Map.of("name", lunch, "presence", "xa"), List.of(), List.of());
        awaitInSync(userId, Duration.ofSeconds(20));

        // by type: *573 sets dnd -> the DND profile
        pbx.phone().setPresence("CustomPresence:" + ext, PresenceState.DND, null, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> activeProfile(userId) == 2);
        assertThat(latestHistory(userId)).containsEntry("source", "DIALPLAN").containsEntry("outcome", "SWITCHED")
                .containsEntry("toProfileId", 2);

        // by name: a presence whose message names a profile the user may use
        pbx.phone().setPresence("CustomPresence:" + ext, PresenceState.XA, null, lunch);
        await().atMost(Duration.ofSeconds(20)).until(() -> activeProfile(userId) == lunchId);
        reconcileAndAwaitInSync(userId);
        assertThat(pbx.pbx().presence("CustomPresence:" + ext).message()).isEqualTo(lunch);
    }

    @Test
    void theGatewaysOwnQueueLoginsAndPresencesAreNotMistakenForThePhones() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String team = createTeam(null);
        long login = createProfile(List.of(action("TEAM_LOGIN", "team", team)),
                List.of(action("TEAM_LOGOUT", "team", team)));
        for (int i = 0; i < 3; i++) {
            switchTo(userId, login).statusCode(200);
            switchTo(userId, 1).statusCode(200);
        }
        awaitInSync(userId, Duration.ofSeconds(20));
        JsonPath history = asAdmin().queryParam("size", 100).get("/api/v1/users/" + userId + "/history").then()
                .statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.outcome")).doesNotContain("ADOPTED");
        assertThat(history.getList("items.source")).doesNotContain("DIALPLAN");
        assertThat(activeProfile(userId)).isEqualTo(1);
    }

    private void reconcileAndAwaitInSync(long userId) {
        reconciler.reconcileAll();
        awaitInSync(userId, Duration.ofSeconds(20));
    }

    private static long activeProfile(long userId) {
        return asAdmin().get("/api/v1/users/" + userId + "/profile").then().statusCode(200).extract().jsonPath()
                .getLong("profileId");
    }

    private static Map<String, String> ordered(String... keyValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
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
