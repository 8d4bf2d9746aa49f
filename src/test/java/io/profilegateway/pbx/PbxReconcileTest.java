package io.profilegateway.pbx;

import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createTeam;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.createWorkplace;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.pbx.simulator.DeviceState;
import io.profilegateway.pbx.simulator.QueueMemberSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every action type end to end: API switch → AMI actions over TCP (asterisk-java) → the simulator's AstDB, device
 * states, presence and queue members equal what pbx.md's state table says for the desired state.
 */
@QuarkusTest
class PbxReconcileTest {

    @Inject
    SimulatorLauncher launcher;

    AmiSimulator pbx;

    @BeforeEach
    void simulator() {
        pbx = PbxAssertions.readySimulator(launcher);
    }

    @Test
    void everyActionTypeReachesAsterisk() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String ext = (String) user.get("extension");
        String device = ((List<?>) user.get("devices")).get(0).toString();
        String support = createTeam(null);
        String sales = createTeam(null);
        Map<String, Object> desk = createWorkplace(null);
        long away = createProfile(Map.of("presence", "away"), List.of(
                action("SET_REACHABILITY", "enabled", false),
                action("SET_REDIRECT", "kind", "ALWAYS", "target", "2000"),
                action("SET_REDIRECT", "kind", "BUSY", "target", "2001"),
                action("SET_REDIRECT", "kind", "NO_ANSWER", "target", "+4930123456"),
                action("FOLLOW_ME", "enabled", true, "targets", List.of("1001", "+4930123456"), "ringSeconds", 25,
                        "preRingSeconds", 4),
                action("GSM_MODE", "enabled", true),
                action("TEAM_LOGIN", "team", support, "penalty", 3),
                action("TEAM_LOGIN", "team", sales),
                action("TEAM_PAUSE", "team", support, "reason", "lunch"),
                action("SET_WORKPLACE", "workplace", desk.get("name"))), List.of(
                action("UNSET_REDIRECT", "kind", "BUSY"),
                action("UNSET_WORKPLACE"),
                action("GSM_MODE", "enabled", false),
                action("TEAM_LOGOUT", "team", support)));

        switchTo(userId, away).statusCode(200);
        awaitInSync(userId);

        String deskDevice = (String) desk.get("device");
        Map<String, String> db = pbx.pbx().astDb();
        assertThat(db).containsEntry("/DND/" + ext, "YES")
                .containsEntry("/CF/" + ext, "2000")
                .containsEntry("/CFB/" + ext, "2001")
                .containsEntry("/CFU/" + ext, "+4930123456")
                .containsEntry("/AMPUSER/" + ext + "/followme/ddial", "DIRECT")
                .containsEntry("/AMPUSER/" + ext + "/followme/grplist", "1001-+4930123456#")
                .containsEntry("/AMPUSER/" + ext + "/followme/grptime", "25")
                .containsEntry("/AMPUSER/" + ext + "/followme/prering", "4")
                .containsEntry("/PROFILE/" + ext + "/gsm", "+4915100000001")
                .containsEntry("/AMPUSER/" + ext + "/device", device + "&" + deskDevice)
                .containsEntry("/DEVICE/" + deskDevice + "/user", ext)
                .containsEntry("/DEVICE/" + device + "/user", ext)
                .containsEntry("/PROFILE/" + ext + "/active", Long.toString(away));
        assertThat(pbx.pbx().deviceState("Custom:DND" + ext)).isEqualTo(DeviceState.BUSY);
        assertThat(pbx.pbx().deviceState("Custom:CF" + ext)).isEqualTo(DeviceState.BUSY);
        assertThat(pbx.pbx().deviceState("Custom:FOLLOWME" + ext)).isEqualTo(DeviceState.BUSY);
        assertThat(pbx.pbx().presence("CustomPresence:" + ext).state().toString().toLowerCase()).isEqualTo("away");
        QueueMemberSnapshot supportSeat = member(support, ext).orElseThrow();
        assertThat(supportSeat.penalty()).isEqualTo(3);
        assertThat(supportSeat.paused()).isTrue();
        assertThat(supportSeat.pausedReason()).isEqualTo("lunch");
        assertThat(supportSeat.stateInterface()).isEqualTo("hint:" + ext + "@ext-local");
        QueueMemberSnapshot salesSeat = member(sales, ext).orElseThrow();
        assertThat(salesSeat.paused()).isFalse();

        // back to Available: the leave chain undoes what it names, Available's enter chain makes him reachable
        switchTo(userId, 1).statusCode(200);
        awaitInSync(userId);
        db = pbx.pbx().astDb();
        assertThat(db).doesNotContainKeys("/DND/" + ext, "/CFB/" + ext, "/PROFILE/" + ext + "/gsm",
                "/DEVICE/" + deskDevice + "/user");
        assertThat(db).containsEntry("/CF/" + ext, "2000").containsEntry("/AMPUSER/" + ext + "/device", device)
                .containsEntry("/PROFILE/" + ext + "/active", "1");
        assertThat(pbx.pbx().deviceState("Custom:DND" + ext)).isEqualTo(DeviceState.NOT_INUSE);
        assertThat(member(support, ext)).isEmpty();
        assertThat(member(sales, ext)).isPresent();
        assertThat(pbx.pbx().presence("CustomPresence:" + ext).message()).isEqualTo("Available");
    }

    @Test
    void aFullReconcileOfAUserInSyncWritesNothing() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String team = createTeam(null);
        long busy = createProfile(List.of(action("TEAM_LOGIN", "team", team),
                action("SET_REDIRECT", "kind", "ALWAYS", "target", "2000")), List.of());
        switchTo(userId, busy).statusCode(200);
        awaitInSync(userId);
        String ext = (String) user.get("extension");
        long writesBefore = writesFor(ext);
        long readsBefore = pbx.actionsReceived("Command"); // one "database show" per AstDB family

        reconciler.reconcileAll();

        await().atMost(Duration.ofSeconds(20)).until(() -> pbx.actionsReceived("Command") >= readsBefore + 9);
        awaitInSync(userId);
        assertThat(writesFor(ext)).isEqualTo(writesBefore).isGreaterThan(0);
        assertThat(pbx.pbx().queueMembers(team)).hasSize(1);
    }

    // ---------------------------------------------------------------- helpers

    @Inject
    PbxReconciler reconciler;

    /** State-changing actions received that concern {@code ext}. */
    private long writesFor(String ext) {
        List<String> writes = List.of("dbput", "dbdel", "setvar", "queueadd", "queueremove", "queuepause",
                "queuepenalty");
        return pbx.receivedActions().stream()
                .filter(m -> m.get("Action") != null && writes.contains(m.get("Action").toLowerCase()))
                .filter(m -> m.headers().stream().anyMatch(h -> h.value().contains(ext)))
                .count();
    }

    private Optional<QueueMemberSnapshot> member(String queue, String ext) {
        if (!pbx.pbx().queueNames().stream().anyMatch(q -> q.equalsIgnoreCase(queue))) {
            return Optional.empty();
        }
        return pbx.pbx().queueMembers(queue).stream()
                .filter(m -> m.iface().equals("Local/" + ext + "@from-queue/n")).findFirst();
    }

    private static void awaitInSync(long userId) {
        PbxAssertions.awaitInSync(userId, Duration.ofSeconds(20));
    }
}
