package io.profilegateway.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.profilegateway.pbx.ami.AsteriskJavaLink;
import io.profilegateway.pbx.simulator.AmiMessage;
import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.pbx.simulator.AmiSimulatorConfig;
import io.profilegateway.profile.PresenceType;
import io.profilegateway.switching.DesiredPbxState;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The full reconcile when Asterisk does not answer its reads: it gives up after its time-out instead of waiting
 * forever, reports why, and is tried again until it succeeds. One {@link ServerSync} on the simulator, without
 * Quarkus, so that the time-out can be short.
 */
class PbxFullReconcileTest {

    private static final String EXT = "4711";

    private AmiSimulator pbx;
    private ScheduledExecutorService timer;
    private ExecutorService loader;
    private AsteriskJavaLink link;
    private ServerSync sync;
    private PbxNames names;

    @BeforeEach
    void start() throws IOException {
        pbx = new AmiSimulator(AmiSimulatorConfig.builder().user("test", "test-secret").acceptAnyQueue()
                .authFailureDelay(Duration.ZERO).build()).start();
    }

    /**
     * The link and the sync, with this time-out of a whole full reconcile: short only where the time-out is tested,
     * since on a loaded machine an answered read can take longer than a short one.
     */
    private void connect(String fullReconcileTimeout) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(AmiConfig.class)
                .withConverter(Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withDefaultValue("gateway.ami.servers.main.host", pbx.host())
                .withDefaultValue("gateway.ami.servers.main.port", Integer.toString(pbx.port()))
                .withDefaultValue("gateway.ami.servers.main.username", "test")
                .withDefaultValue("gateway.ami.servers.main.secret", "test-secret")
                .withDefaultValue("gateway.ami.full-reconcile-timeout", fullReconcileTimeout)
                .withDefaultValue("gateway.ami.retry-initial", "100ms")
                .withDefaultValue("gateway.ami.retry-max", "500ms").build();
        AmiConfig ami = config.getConfigMapping(AmiConfig.class);
        timer = Executors.newScheduledThreadPool(2);
        loader = Executors.newSingleThreadExecutor();
        link = new AsteriskJavaLink("main", ami.servers().get("main"), ami, timer);
        names = new PbxNames(ami.names());
        sync = new ServerSync("main", link, names, () -> List.of(new ServerSync.Desire(1, dnd())),
                ami, timer, loader, new SimpleMeterRegistry());
        link.connectInBackground(Duration.ofMillis(200),
                (server, why) -> System.err.println("AMI login refused: " + why));
    }

    @AfterEach
    void stop() {
        if (sync != null) {
            sync.close();
            timer.shutdownNow();
            loader.shutdownNow();
        }
        pbx.stop();
    }

    @Test
    void aFullReconcileWithoutAnswerGivesUpAfterItsTimeOutAndIsTriedAgainUntilItSucceeds() {
        // Asterisk answers the AstDB reads ("database show") far later than the time-out: as if the answer had been lost
        pbx.faults().delay("Command", Duration.ofSeconds(5));
        connect("300ms");

        await().atMost(Duration.ofSeconds(30)).until(() -> sync.lastFullReconcileError().isPresent());
        assertThat(sync.lastFullReconcileError().orElseThrow()).contains("full reconcile failed")
                .contains("within");
        assertThat(sync.isReady()).isFalse();
        assertThat(pbx.pbx().astDb()).doesNotContainKey("/DND/" + EXT);

        pbx.faults().clear();
        awaitReconciled();
        assertThat(pbx.actionsReceived("Command")).isGreaterThan(names.families().size() + 2L);
    }

    @Test
    void aFullReconcileWhoseReadAsteriskRefusesIsTriedAgainUntilItSucceeds() {
        pbx.faults().failWhen(m -> isDatabaseShow(m, "CF"), "Command blacklisted");
        connect("20s");

        await().atMost(Duration.ofSeconds(30)).until(() -> sync.lastFullReconcileError().isPresent());
        assertThat(sync.lastFullReconcileError().orElseThrow()).contains("database show CF")
                .contains("Command blacklisted");
        assertThat(sync.isReady()).isFalse();
        long tries = pbx.actionsReceived("Command");
        await().atMost(Duration.ofSeconds(30)).until(() -> pbx.actionsReceived("Command") > tries);

        pbx.faults().clear();
        awaitReconciled();
    }

    @Test
    void anAmiUserWithoutTheCommandRightReadsAstDbWithDbGetTree() {
        // the sample manager.conf grants no "command" write class: Asterisk answers the Command action so
        pbx.faults().failWhen(m -> "Command".equalsIgnoreCase(m.get("Action")), "Permission denied");
        connect("20s");

        awaitReconciled();
        assertThat(pbx.actionsReceived("Command")).as("refused once, then not asked again").isEqualTo(1);
        assertThat(pbx.actionsReceived("DBGetTree")).isEqualTo(names.families().size() + 2L);
    }

    @Test
    void aFullReconcileReadsEachAstDbFamilyWithOneCommandAndNoDbGetTree() {
        connect("20s");

        awaitReconciled();
        assertThat(pbx.actionsReceived("Command")).isEqualTo(names.families().size() + 2L);
        assertThat(pbx.actionsReceived("DBGetTree")).isZero();
    }

    private static boolean isDatabaseShow(AmiMessage m, String family) {
        return "Command".equalsIgnoreCase(m.get("Action")) && ("database show " + family).equals(m.get("Command"));
    }

    @Test
    void aReconnectWhileAFullReconcileReadsEndsReconciled() {
        pbx.faults().delay("QueueStatus", Duration.ofMillis(200));
        connect("20s");
        await().atMost(Duration.ofSeconds(30)).until(() -> pbx.actionsReceived("Command") > 0);
        pbx.dropConnections();
        pbx.faults().clear();

        awaitReconciled();
    }

    private void awaitReconciled() {
        await().atMost(Duration.ofSeconds(60)).until(() -> sync.isReady());
        assertThat(sync.lastFullReconcileError()).isEmpty();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "YES".equals(pbx.pbx().astDb().get("/DND/" + EXT)) && sync.status(1).join().inSync());
    }

    /** Off for calls, present as "dnd". */
    private static DesiredPbxState dnd() {
        return new DesiredPbxState(1, EXT, false, List.of("PJSIP/" + EXT), Map.of(),
                new DesiredPbxState.FollowMe(false, List.of(), 0, 7), new DesiredPbxState.Gsm(false, null), List.of(),
                null, new DesiredPbxState.Presence(PresenceType.DND, 1, "Do not disturb"));
    }
}
