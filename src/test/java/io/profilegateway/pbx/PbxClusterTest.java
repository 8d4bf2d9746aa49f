package io.profilegateway.pbx;

import static io.profilegateway.pbx.PbxAssertions.awaitInSync;
import static io.profilegateway.pbx.PbxAssertions.pbxState;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.profilegateway.pbx.simulator.AmiSimulator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster side of the PBX layer inside one gateway: the link lease of a server, a desired state committed by
 * another node (written into the database as that node would: the state row and its change-log row) reaching
 * Asterisk through the change feed, and pbx-state comparing with the database's state version. The two-node run
 * with a node killed is {@code PbxClusterIT}.
 */
@QuarkusTest
class PbxClusterTest {

    @Inject
    SimulatorLauncher launcher;

    @Inject
    PbxLinkLeases leases;

    @Inject
    PbxNode node;

    @Inject
    EntityManager em;

    AmiSimulator pbx;

    @BeforeEach
    void ready() {
        pbx = PbxAssertions.readySimulator(launcher);
    }

    @Test
    void aLeaseIsHeldByOneNodeUntilItExpiresThenTheOtherTakesItOver() {
        String server = "lease-test-" + System.nanoTime();
        Instant now = Instant.now();
        Duration lease = Duration.ofSeconds(10);

        assertThat(leases.renew(server, "node-x", now, lease)).satisfies(h -> {
            assertThat(h.nodeId()).isEqualTo("node-x");
            assertThat(h.previous()).isNull();
        });
        assertThat(leases.renew(server, "node-y", now.plusSeconds(5), lease).nodeId()).isEqualTo("node-x");
        assertThat(leases.renew(server, "node-x", now.plusSeconds(9), lease).nodeId()).isEqualTo("node-x");
        assertThat(leases.renew(server, "node-y", now.plusSeconds(18), lease).nodeId())
                .describedAs("renewed at +9 s, so still held at +18 s").isEqualTo("node-x");
        PbxLinkLeases.Holder taken = leases.renew(server, "node-y", now.plusSeconds(20), lease);
        assertThat(taken.nodeId()).isEqualTo("node-y");
        assertThat(taken.previous()).isEqualTo("node-x");
        assertThat(leases.renew(server, "node-x", now.plusSeconds(21), lease).nodeId()).isEqualTo("node-y");
        leases.release("node-y");
        assertThat(leases.renew(server, "node-x", now.plusSeconds(22), lease).nodeId())
                .describedAs("released on shutdown: free at once").isEqualTo("node-x");
    }

    @Test
    void onAnEmbeddedDatabaseTheOnlyNodeTakesTheLeaseAtOnceEvenFromItsKilledPredecessor() {
        String server = "alone-test-" + System.nanoTime();
        Instant now = Instant.now();
        Duration lease = Duration.ofSeconds(10);
        leases.renew(server, "killed-process", now, lease);

        assertThat(leases.renew(server, "restarted-process", now.plusSeconds(1), lease).nodeId())
                .isEqualTo("killed-process");
        PbxLinkLeases.Holder alone = leases.renew(server, "restarted-process", now.plusSeconds(1), lease, true);
        assertThat(alone.nodeId()).isEqualTo("restarted-process");
        assertThat(alone.previous()).isEqualTo("killed-process");
    }

    @Test
    void thisNodeHoldsTheLinkOfItsOnlyServer() {
        assertThat(leases.renew("main", node.id(), Instant.now(), Duration.ofSeconds(10)).nodeId())
                .isEqualTo(node.id());
        assertThat(pbxState(id(createUser("USER"))).getString("node")).isEqualTo(node.id());
    }

    @Test
    void aChangeCommittedByAnotherNodeReachesAsteriskThroughTheChangeLog() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String ext = (String) user.get("extension");
        awaitInSync(userId, Duration.ofSeconds(20));

        commitAsAnotherNode(userId, "redirect_always = '+4930999'", true);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> "+4930999".equals(pbx.pbx().astDb().get("/CF/" + ext)));
        awaitInSync(userId, Duration.ofSeconds(10));
        assertThat(pbxState(userId).getMap("desired.redirects")).containsEntry("ALWAYS", "+4930999");
    }

    @Test
    void pbxStateIsNotInSyncWhileTheDatabaseHoldsAVersionAsteriskHasNotConfirmed() {
        Map<String, Object> user = createUser("USER");
        long userId = id(user);
        String ext = (String) user.get("extension");
        awaitInSync(userId, Duration.ofSeconds(20));
        long confirmed = pbxState(userId).getLong("appliedVersion");

        // a newer version in the database whose change-log row is not visible yet (its transaction still open)
        commitAsAnotherNode(userId, "redirect_busy = '2000'", false);

        var state = pbxState(userId);
        assertThat(state.getBoolean("inSync")).isFalse();
        assertThat(state.getLong("desired.version")).isEqualTo(confirmed + 1);
        assertThat(state.getLong("appliedVersion")).isEqualTo(confirmed);
        assertThat(state.getString("reason")).contains("being applied");
        assertThat(pbx.pbx().astDb()).doesNotContainKey("/CFB/" + ext);

        // its row shows up: the feed picks it up
        QuarkusTransaction.requiringNew().run(() -> insertChange(userId));
        awaitInSync(userId, Duration.ofSeconds(10));
        assertThat(pbx.pbx().astDb()).containsEntry("/CFB/" + ext, "2000");
    }

    @Test
    void everyConfirmedStateIsCounted() {
        double before = confirmedCount();
        long userId = id(createUser("USER"));
        awaitInSync(userId, Duration.ofSeconds(20));
        io.profilegateway.testing.Api.switchTo(userId, 2).statusCode(200);
        awaitInSync(userId, Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(5)).until(() -> confirmedCount() >= before + 2);
    }

    private static double confirmedCount() {
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("gateway_ami_confirmed_total{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** What another node's switch commits: the state row with a new version and, with it, the change-log row. */
    private void commitAsAnotherNode(long userId, String assignment, boolean withChangeRow) {
        QuarkusTransaction.requiringNew().run(() -> {
            int updated = em.createNativeQuery("update user_state set " + assignment
                    + ", state_version = state_version + 1 where user_id = " + userId).executeUpdate();
            assertThat(updated).isEqualTo(1);
            if (withChangeRow) {
                insertChange(userId);
            }
        });
    }

    private void insertChange(long userId) {
        em.createNativeQuery("insert into pbx_change (user_id, node_id, created_at) values (?1, 'node-elsewhere', ?2)")
                .setParameter(1, userId).setParameter(2, java.time.OffsetDateTime.now()).executeUpdate();
    }
}
