package io.profilegateway.pbx;

import static io.profilegateway.testing.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.pbx.simulator.DeviceState;
import io.profilegateway.pbx.simulator.QueueMemberSnapshot;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares what the simulator holds with a user's desired state as the API reports it, written out from pbx.md's
 * state table (deliberately not through the gateway's own mapping code).
 */
final class PbxAssertions {

    private PbxAssertions() {
    }

    /** The gateway's simulator, fault-free, once the gateway is connected and reconciled. */
    static AmiSimulator readySimulator(SimulatorLauncher launcher) {
        AmiSimulator pbx = launcher.simulator();
        pbx.faults().clear();
        await().atMost(Duration.ofSeconds(30)).until(() -> asAdmin().get("/q/health/ready").statusCode() == 200);
        return pbx;
    }

    static JsonPath pbxState(long userId) {
        return asAdmin().get("/api/v1/users/" + userId + "/pbx-state").then().statusCode(200).extract().jsonPath();
    }

    static void awaitInSync(long userId, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                pbxState(userId).getMap("")).describedAs("pbx-state of user " + userId).containsEntry("inSync", true));
    }

    /** The simulator holds exactly the user's desired state in every entry the gateway owns. */
    static void assertAsteriskHolds(AmiSimulator pbx, long userId) {
        JsonPath desired = pbxState(userId).setRootPath("desired");
        String ext = desired.getString("extension");
        Map<String, String> db = pbx.pbx().astDb();
        String describe = "user " + userId + " (" + ext + ")";
        if (desired.getBoolean("reachable")) {
            assertThat(db).describedAs(describe).doesNotContainKey("/DND/" + ext);
            assertThat(pbx.pbx().deviceState("Custom:DND" + ext)).describedAs(describe)
                    .isEqualTo(DeviceState.NOT_INUSE);
        } else {
            assertThat(db).describedAs(describe).containsEntry("/DND/" + ext, "YES");
            assertThat(pbx.pbx().deviceState("Custom:DND" + ext)).describedAs(describe).isEqualTo(DeviceState.BUSY);
        }
        Map<String, String> redirects = desired.getMap("redirects");
        Map<String, String> families = Map.of("ALWAYS", "CF", "BUSY", "CFB", "NO_ANSWER", "CFU");
        families.forEach((kind, family) -> {
            if (redirects.containsKey(kind)) {
                assertThat(db).describedAs(describe).containsEntry("/" + family + "/" + ext, redirects.get(kind));
            } else {
                assertThat(db).describedAs(describe).doesNotContainKey("/" + family + "/" + ext);
            }
        });
        assertThat(db).describedAs(describe).containsEntry("/PROFILE/" + ext + "/active",
                desired.getString("presence.profileId"));
        assertThat(pbx.pbx().presence("CustomPresence:" + ext).message()).describedAs(describe)
                .isEqualTo(desired.getString("presence.profileName"));

        Map<String, Map<String, Object>> wantedSeats = new HashMap<>();
        List<Map<String, Object>> teams = desired.getList("teams");
        teams.forEach(t -> wantedSeats.put(((String) t.get("queue")).toLowerCase(), t));
        String iface = "Local/" + ext + "@from-queue/n";
        for (String queue : pbx.pbx().queueNames()) {
            List<QueueMemberSnapshot> seats = pbx.pbx().queueMembers(queue).stream()
                    .filter(m -> m.iface().equals(iface)).toList();
            Map<String, Object> wanted = wantedSeats.get(queue.toLowerCase());
            if (wanted == null) {
                assertThat(seats).describedAs(describe + " in queue " + queue).isEmpty();
            } else {
                assertThat(seats).describedAs(describe + " in queue " + queue).hasSize(1);
                assertThat(seats.get(0).paused()).describedAs(describe + " paused in " + queue)
                        .isEqualTo(wanted.get("paused"));
                assertThat(seats.get(0).penalty()).describedAs(describe + " penalty in " + queue)
                        .isEqualTo(wanted.get("penalty"));
            }
        }
        wantedSeats.keySet().forEach(queue -> assertThat(pbx.pbx().queueNames().stream()
                .anyMatch(q -> q.equalsIgnoreCase(queue))).describedAs(describe + " queue " + queue).isTrue());
    }
}
