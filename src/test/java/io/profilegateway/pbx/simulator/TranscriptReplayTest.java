package io.profilegateway.pbx.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the transcripts recorded from a real Asterisk 22.10.1 (src/test/resources/ami/*.txt; database-show.txt and
 * pjsip-endpoints.txt are derived from Asterisk 22's source instead, see its header) against the simulator
 * over a raw socket: every client message is sent as recorded, and every message that came back must come back from
 * the simulator in the same order, with the same header names in the same order and the same values.
 *
 * <p>Values that cannot be the same are treated as variable; their presence and position are still checked:
 * <ul>
 * <li>{@code Challenge}: a random number per connection ({@code ast_random()}); the MD5 {@code Key} of the Login
 * that follows is therefore recomputed from the challenge the simulator sent, as asterisk-java does;</li>
 * <li>{@code Timestamp} (Ping), {@code Uptime} and {@code LastReload} (FullyBooted), {@code CoreStartupDate},
 * {@code CoreStartupTime}, {@code CoreReloadDate}, {@code CoreReloadTime} (CoreStatus), {@code EventTV} and
 * {@code SessionTV} (SuccessfulAuth): wall-clock times;</li>
 * <li>{@code SessionID} (a memory address in Asterisk), {@code LocalAddress}, {@code RemoteAddress} (ports);</li>
 * <li>{@code LoginTime} and {@code LastPause} of queue members: epoch seconds; zero must stay zero and non-zero
 * must be a time.</li>
 * </ul>
 *
 * <p>Each transcript runs against a fresh simulator configured like the recording Asterisk (user
 * {@code gateway}/{@code gatewaysecret}, queues {@code support} and {@code sales}, hints {@code 1001} and
 * {@code 1002} in context {@code default}, the recorded {@code core show version} line, a one-second delay on failed
 * logins). Where a recording depended on what an earlier recording had left in Asterisk, that state is seeded: see
 * {@link #SEEDS}.
 *
 * <p>{@code Originate} steps of originate-dialplan.txt are skipped: the simulator has no channels or dialplan (and
 * the gateway does not originate calls); the events they produced belong to their steps and are skipped with them.
 */
class TranscriptReplayTest {

    private static final Set<String> VARIABLE = Set.of("Challenge", "Timestamp", "Uptime", "LastReload",
            "CoreStartupDate", "CoreStartupTime", "CoreReloadDate", "CoreReloadTime", "EventTV", "SessionTV",
            "SessionID", "LocalAddress", "RemoteAddress");
    private static final Set<String> EPOCH_SECONDS = Set.of("LoginTime", "LastPause");
    private static final Set<String> SKIPPED_ACTIONS = Set.of("originate");

    private static final String SECRET = "gatewaysecret";

    /**
     * State an earlier recording had left in the recording Asterisk:
     * <ul>
     * <li>queues.txt ran after states.txt, which left {@code Custom:DND1001} at NOT_INUSE (the member with that state
     * interface shows {@code Status: 1});</li>
     * <li>events-on.txt ran after queues.txt, which left the cached device
     * {@code Queue:support_pause_Local/1001@from-queue/n} at NOT_INUSE (so adding the member unpaused published no
     * DeviceStateChange) and {@code Custom:DND1001} at NOT_INUSE;</li>
     * <li>originate-dialplan.txt was recorded while {@code Custom:DND1001} was BUSY and
     * {@code CustomPresence:1001} was not {@code available} (setting them published ExtensionStatus and
     * PresenceStatus).</li>
     * </ul>
     */
    private static final Map<String, Consumer<SimulatedPbx>> SEEDS = Map.of(
            "pjsip-endpoints.txt", pbx -> {
                pbx.seedEndpoint("1001", "1001", "\"Anna Schmidt\" <1001>");
                pbx.seedEndpoint("1002", "1002", "");
            },
            "queues.txt", pbx -> pbx.seedDeviceState("Custom:DND1001", DeviceState.NOT_INUSE),
            "events-on.txt", pbx -> {
                pbx.seedDeviceState("Custom:DND1001", DeviceState.NOT_INUSE);
                pbx.seedDeviceState("Queue:support_pause_Local/1001@from-queue/n", DeviceState.NOT_INUSE);
            },
            "originate-dialplan.txt", pbx -> {
                pbx.seedDeviceState("Custom:DND1001", DeviceState.BUSY);
                pbx.seedPresence("CustomPresence:1001", new Presence(PresenceState.DND, "", "Teams meeting"));
            });

    static Stream<Arguments> transcripts() throws IOException {
        List<Arguments> args = new ArrayList<>();
        for (String file : List.of("login-failure.txt", "login-md5-version.txt", "ping.txt", "astdb.txt",
                "queues.txt", "states.txt", "events-on.txt", "originate-dialplan.txt", "database-show.txt",
                "pjsip-endpoints.txt")) {
            args.add(Arguments.of(AmiTranscript.load(file)));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void replaysLikeAsterisk(AmiTranscript transcript) throws Exception {
        assertThat(transcript.sessions()).isNotEmpty();
        try (AmiSimulator sim = new AmiSimulator(AmiSimulatorConfig.builder()
                .user("gateway", SECRET)
                .queues("support", "sales")
                .hint("1001", "default", "Custom:DND1001,CustomPresence:1001")
                .hint("1002", "default", "Custom:DND1002,CustomPresence:1002")
                .versionLine("Asterisk 22.10.1 built by root @ vm on a x86_64 running Linux on 2026-11-22 21:25:53 UTC")
                .authFailureDelay(Duration.ofSeconds(1))
                .build())) {
            SEEDS.getOrDefault(transcript.name(), pbx -> { }).accept(sim.pbx());
            sim.start();
            int replayed = 0;
            for (AmiTranscript.Session session : transcript.sessions()) {
                replayed += replay(sim, transcript.name(), session);
            }
            assertThat(replayed).as("steps replayed").isPositive();
        }
    }

    private int replay(AmiSimulator sim, String file, AmiTranscript.Session session) throws IOException {
        int replayed = 0;
        try (AmiTestClient client = AmiTestClient.connect(sim.port())) {
            if (session.banner() != null) {
                assertThat(client.banner()).isEqualTo(session.banner());
            } else {
                assertThat(client.banner()).isEqualTo("Asterisk Call Manager/11.0.0");
            }
            String challenge = null;
            boolean closed = false;
            for (AmiTranscript.Step step : session.steps()) {
                if (SKIPPED_ACTIONS.contains(step.action().toLowerCase())) {
                    continue;
                }
                String where = file + " " + step.action() + " " + step.sent().get("ActionID");
                client.send(withKey(step.sentLines(), challenge));
                replayed++;
                if (step.expected().isEmpty()) {
                    // Recorded: nothing within half a second (a failed login answers after one second).
                    assertThat(client.silentFor(Duration.ofMillis(500))).as(where + ": silent").isTrue();
                } else {
                    for (int i = 0; i < step.expected().size(); i++) {
                        AmiMessage expected = step.expected().get(i);
                        AmiMessage actual = client.read();
                        assertSame(where + " message " + (i + 1), expected, actual);
                        if (actual.get("Challenge") != null) {
                            challenge = actual.get("Challenge");
                        }
                    }
                }
                if (step.closesConnection()) {
                    // After a login the recording did not wait for, its late error answer may still come.
                    assertThat(client.closedWithin(Duration.ofSeconds(3), step.expected().isEmpty()))
                            .as(where + ": connection closed").isTrue();
                    closed = true;
                    break;
                }
            }
            if (!closed) {
                // Nothing unexpected may follow: the next message must be the answer to a final Ping.
                client.send("Action: Ping", "ActionID: replay-end");
                AmiMessage next = client.read();
                assertThat(next.get("ActionID")).as(file + ": message after the last step").isEqualTo("replay-end");
            }
        }
        return replayed;
    }

    /** Replaces the recorded MD5 key by the one for the challenge the simulator sent. */
    private static List<String> withKey(List<String> lines, String challenge) {
        List<String> result = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Key: ") && challenge != null) {
                result.add("Key: " + SessionActions.md5Hex(challenge + SECRET));
            } else {
                result.add(line);
            }
        }
        return result;
    }

    private static void assertSame(String where, AmiMessage expected, AmiMessage actual) {
        assertThat(actual.names()).as(where + " header names\nexpected:\n" + expected + "actual:\n" + actual)
                .isEqualTo(expected.names());
        for (int i = 0; i < expected.size(); i++) {
            AmiMessage.Header e = expected.headers().get(i);
            AmiMessage.Header a = actual.headers().get(i);
            String what = where + " header " + e.name();
            if (VARIABLE.contains(e.name())) {
                assertThat(a.value()).as(what).isNotNull();
            } else if (EPOCH_SECONDS.contains(e.name())) {
                if ("0".equals(e.value())) {
                    assertThat(a.value()).as(what).isEqualTo("0");
                } else {
                    assertThat(Long.parseLong(a.value())).as(what).isGreaterThan(1_600_000_000L);
                }
            } else {
                assertThat(a.value()).as(what + "\nexpected:\n" + expected + "actual:\n" + actual)
                        .isEqualTo(e.value());
            }
        }
    }
}
