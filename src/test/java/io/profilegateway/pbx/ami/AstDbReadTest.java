package io.profilegateway.pbx.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.profilegateway.pbx.AmiConfig;
import io.profilegateway.pbx.DbKey;
import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.pbx.simulator.AmiSimulatorConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AsteriskJavaLink#readTree} over real AMI to the simulator: {@code database show} gives the same entries as
 * {@code DBGetTree}, values with blanks and colons included; an AMI user without the Command right falls back to
 * {@code DBGetTree}.
 */
class AstDbReadTest {

    private AmiSimulator pbx;
    private ScheduledExecutorService timer;
    private AsteriskJavaLink link;

    @BeforeEach
    void start() throws IOException {
        pbx = new AmiSimulator(AmiSimulatorConfig.builder().user("test", "test-secret")
                .authFailureDelay(Duration.ZERO).build()).start();
        pbx.pbx().seedDb("DND", "1001", "YES");
        pbx.pbx().seedDb("CustomPresence", "1001", "dnd,,In a meeting: 10:00 - 11:00");
        pbx.pbx().seedDb("AMPUSER", "1001/followme/grplist", "1001-0171555#");
        pbx.pbx().seedDb("CF", "1002", "");
        pbx.pbx().seedDb("CFB", "1001", "2000");
        for (int i = 0; i < 3000; i++) {
            pbx.pbx().seedDb("PROFILE", (10000 + i) + "/active", Integer.toString(i % 20));
        }
    }

    private void connect() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(AmiConfig.class)
                .withConverter(Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withDefaultValue("gateway.ami.servers.main.host", pbx.host())
                .withDefaultValue("gateway.ami.servers.main.port", Integer.toString(pbx.port()))
                .withDefaultValue("gateway.ami.servers.main.username", "test")
                .withDefaultValue("gateway.ami.servers.main.secret", "test-secret").build();
        AmiConfig ami = config.getConfigMapping(AmiConfig.class);
        timer = Executors.newScheduledThreadPool(2);
        link = new AsteriskJavaLink("main", ami.servers().get("main"), ami, timer);
        link.connectInBackground(Duration.ofMillis(200), (server, why) -> { });
        await().atMost(Duration.ofSeconds(20)).until(link::isConnected);
    }

    @AfterEach
    void stop() {
        if (link != null) {
            link.close();
            timer.shutdownNow();
        }
        pbx.stop();
    }

    @Test
    void databaseShowReadsEveryEntryOfAFamilyWithOneAnswer() throws Exception {
        connect();

        assertThat(read("CustomPresence")).containsExactlyEntriesOf(
                Map.of(new DbKey("CustomPresence", "1001"), "dnd,,In a meeting: 10:00 - 11:00"));
        assertThat(read("AMPUSER")).containsExactlyEntriesOf(
                Map.of(new DbKey("AMPUSER", "1001/followme/grplist"), "1001-0171555#"));
        assertThat(read("CF")).containsExactlyEntriesOf(Map.of(new DbKey("CF", "1002"), ""));
        assertThat(read("NOSUCHFAMILY")).isEmpty();
        Map<DbKey, String> profiles = read("PROFILE");
        assertThat(profiles).hasSize(3000).containsEntry(new DbKey("PROFILE", "12999/active"), "19");
        // "CF" is not a prefix of "CFB": the family is matched whole
        assertThat(read("CF")).doesNotContainKey(new DbKey("CFB", "1001"));

        assertThat(pbx.actionsReceived("Command")).isEqualTo(6);
        assertThat(pbx.actionsReceived("DBGetTree")).isZero();
    }

    @Test
    void withoutTheCommandRightItReadsTheSameWithDbGetTree() throws Exception {
        pbx.faults().failWhen(m -> "Command".equalsIgnoreCase(m.get("Action")), "Permission denied");
        connect();

        Map<DbKey, String> expected = new HashMap<>();
        expected.put(new DbKey("CustomPresence", "1001"), "dnd,,In a meeting: 10:00 - 11:00");
        assertThat(read("CustomPresence")).containsExactlyEntriesOf(expected);
        assertThat(read("PROFILE")).hasSize(3000);

        assertThat(pbx.actionsReceived("Command")).isEqualTo(1);
        assertThat(pbx.actionsReceived("DBGetTree")).isEqualTo(2);
    }

    private Map<DbKey, String> read(String family) throws Exception {
        return link.readTree(family).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
