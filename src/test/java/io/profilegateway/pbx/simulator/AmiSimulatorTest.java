package io.profilegateway.pbx.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's protocol details, state, events and fault controls, seen over raw sockets. */
class AmiSimulatorTest {

    private static final String IFACE = "Local/1001@from-queue/n";

    private AmiSimulator sim;

    @BeforeEach
    void start() throws IOException {
        sim = new AmiSimulator(AmiSimulatorConfig.builder()
                .user("gateway", "gatewaysecret")
                .user("other", "othersecret")
                .queues("support", "sales")
                .hint("1001", "default", "Custom:DND1001,CustomPresence:1001")
                .hint("1002", "ext-local", "PJSIP/1002&Custom:DND1002")
                .authFailureDelay(Duration.ZERO)
                .build()).start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private AmiTestClient loggedIn(boolean events) throws IOException {
        AmiTestClient c = AmiTestClient.connect(sim.port());
        assertThat(c.login("gateway", "gatewaysecret", events).get("Message")).isEqualTo("Authentication accepted");
        return c;
    }

    /** Sends a Ping and returns everything that arrived before its answer (which must be the next answer). */
    private static List<AmiMessage> drain(AmiTestClient c) throws IOException {
        c.send("Action: Ping", "ActionID: drain");
        List<AmiMessage> all = c.readUntilResponse("drain");
        return all.subList(0, all.size() - 1);
    }

    private static List<String> eventNames(List<AmiMessage> messages) {
        List<String> names = new ArrayList<>();
        for (AmiMessage m : messages) {
            names.add(m.get("Event"));
        }
        return names;
    }

    @Test
    void refusesActionsBeforeLoginLikeAsterisk() throws IOException {
        try (AmiTestClient c = AmiTestClient.connect(sim.port())) {
            assertThat(c.banner()).isEqualTo("Asterisk Call Manager/11.0.0");
            AmiMessage ping = c.action("p1", "Action: Ping");
            assertThat(ping.get("Response")).isEqualTo("Error");
            assertThat(ping.get("Message")).isEqualTo("Permission denied");
            assertThat(c.action("u1", "Action: NoSuchAction").get("Message")).isEqualTo("Permission denied");

            c.send("Foo: bar", "ActionID: m1");
            AmiMessage missing = c.read();
            assertThat(missing.get("Message")).isEqualTo("Missing action in request");
            assertThat(missing.get("ActionID")).isEqualTo("m1");

            AmiMessage bye = c.action("bye", "Action: Logoff");
            assertThat(bye.get("Response")).isEqualTo("Goodbye");
            assertThat(c.closedWithin(Duration.ofSeconds(2), false)).isTrue();
        }
    }

    @Test
    void answersMalformedMessagesAndKeepsTheSession() throws IOException {
        try (AmiTestClient c = loggedIn(false)) {
            c.sendRaw("\r\n");
            assertThat(c.read().get("Message")).isEqualTo("Missing action in request");

            List<String> many = new ArrayList<>(List.of("Action: UserEvent", "UserEvent: Big"));
            for (int i = 0; i < 130; i++) {
                many.add("H" + i + ": " + i);
            }
            c.send(many);
            assertThat(c.read().get("Message")).isEqualTo("Too many lines in message or allocation failure");

            c.send("Action: DBPut", "Family: X", "Key: k", "Val: " + "v".repeat(2000));
            assertThat(c.read().get("Message")).isEqualTo("Failed to process message: Message line too long");
            assertThat(sim.pbx().dbGet("X", "k")).isNull();

            AmiMessage unknown = c.action("u", "Action: Frobnicate");
            assertThat(unknown.get("Message"))
                    .isEqualTo("Invalid/unknown command: Frobnicate. Use Action: ListCommands to show available commands.");
            assertThat(c.action("lower", "action: ping").get("Ping")).isEqualTo("Pong");
        }
    }

    @Test
    void failedLoginsWaitAndClose() throws IOException {
        sim.stop();
        sim = new AmiSimulator(AmiSimulatorConfig.builder().user("gateway", "gatewaysecret")
                .authFailureDelay(Duration.ofMillis(300)).build()).start();
        try (AmiTestClient c = AmiTestClient.connect(sim.port())) {
            long start = System.nanoTime();
            c.send("Action: Login", "Username: gateway", "Secret: wrong", "ActionID: bad");
            assertThat(c.silentFor(Duration.ofMillis(150))).isTrue();
            AmiMessage answer = c.read();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(answer.get("Response")).isEqualTo("Error");
            assertThat(answer.get("Message")).isEqualTo("Authentication failed");
            assertThat(c.closedWithin(Duration.ofSeconds(2), false)).isTrue();
        }
        try (AmiTestClient c = AmiTestClient.connect(sim.port())) {
            // An MD5 key without a challenge first cannot be right.
            c.send("Action: Login", "AuthType: MD5", "Username: gateway",
                    "Key: " + SessionActions.md5Hex("1gatewaysecret"), "ActionID: nochallenge");
            assertThat(c.read().get("Message")).isEqualTo("Authentication failed");
        }
        try (AmiTestClient c = AmiTestClient.connect(sim.port())) {
            String challenge = c.action("c", "Action: Challenge", "AuthType: MD5").get("Challenge");
            assertThat(c.action("c2", "Action: Challenge", "AuthType: MD5").get("Challenge")).isEqualTo(challenge);
            AmiMessage ok = c.action("l", "Action: Login", "AuthType: MD5", "Username: GATEWAY",
                    "Key: " + SessionActions.md5Hex(challenge + "gatewaysecret"), "Events: off");
            assertThat(ok.get("Message")).isEqualTo("Authentication accepted");
            assertThat(c.action("again", "Action: Login", "Username: gateway", "Secret: x").get("Message"))
                    .isEqualTo("Already authenticated");
        }
    }

    @Test
    void deliversEventsToOtherSessionsByTheirEventMask() throws IOException {
        try (AmiTestClient agentOnly = loggedIn(false); AmiTestClient actor = loggedIn(false)) {
            assertThat(agentOnly.action("e", "Action: Events", "EventMask: agent").get("Events")).isEqualTo("On");
            actor.action("add", "Action: QueueAdd", "Queue: support", "Interface: " + IFACE, "Paused: true",
                    "Reason: login");
            actor.action("ue", "Action: UserEvent", "UserEvent: Hello");

            List<AmiMessage> seen = drain(agentOnly);
            assertThat(eventNames(seen)).containsExactly("QueueMemberAdded");
            assertThat(seen.get(0).get("PausedReason")).isEqualTo("login");
            assertThat(seen.get(0).get("Privilege")).isEqualTo("agent,all");
            assertThat(drain(actor)).isEmpty();

            assertThat(agentOnly.action("off", "Action: Events", "EventMask: off").get("Events")).isEqualTo("Off");
            assertThat(agentOnly.action("bad", "Action: Events", "EventMask: ").get("Message"))
                    .isEqualTo("Invalid event mask");
        }
    }

    @Test
    void followsDeviceStatesInHintsAndQueueMembers() throws IOException {
        try (AmiTestClient c = loggedIn(false)) {
            c.action("add", "Action: QueueAdd", "Queue: support", "Interface: " + IFACE,
                    "StateInterface: Custom:DND1001");
            c.action("on", "Action: Events", "EventMask: on");

            c.action("busy", "Action: Setvar", "Variable: DEVICE_STATE(Custom:DND1001)", "Value: BUSY");
            List<AmiMessage> events = drain(c);
            assertThat(eventNames(events)).containsExactly("ExtensionStatus", "DeviceStateChange", "QueueMemberStatus");
            assertThat(events.get(0).get("Status")).isEqualTo("2");
            assertThat(events.get(2).get("Status")).isEqualTo("3");

            c.action("same", "Action: Setvar", "Variable: DEVICE_STATE(Custom:DND1001)", "Value: BUSY");
            assertThat(drain(c)).as("an unchanged device state publishes nothing").isEmpty();

            assertThat(c.action("bad", "Action: Setvar", "Variable: DEVICE_STATE(Custom:DND1001)", "Value: bogus")
                    .get("Message")).isEqualTo("Variable not set");
            assertThat(c.action("pjsip", "Action: Setvar", "Variable: DEVICE_STATE(PJSIP/1002)", "Value: BUSY")
                    .get("Message")).isEqualTo("Variable not set");
            assertThat(c.action("chan", "Action: Setvar", "Channel: PJSIP/1001-0001", "Variable: X", "Value: 1")
                    .get("Message")).isEqualTo("No such channel");

            sim.phone().setDeviceState("PJSIP/1002", DeviceState.INUSE);
            List<AmiMessage> phone = drain(c);
            assertThat(eventNames(phone)).containsExactly("ExtensionStatus", "DeviceStateChange");
            assertThat(phone.get(0).get("StatusText")).isEqualTo("InUse");
            assertThat(sim.pbx().extensionState("1002", "ext-local")).isEqualTo(1);
            assertThat(sim.pbx().deviceState("hint:1002@ext-local")).isEqualTo(DeviceState.INUSE);
            assertThat(sim.pbx().dbGet("CustomDevstate", "DND1001")).isEqualTo("BUSY");
        }
    }

    @Test
    void keepsPresenceWithSubtypeMessageAndBase64() throws IOException {
        try (AmiTestClient c = loggedIn(true)) {
            drain(c);
            c.action("set", "Action: Setvar", "Variable: PRESENCE_STATE(CustomPresence:1001)",
                    "Value: away,lunch,Back at 2");
            List<AmiMessage> events = drain(c);
            assertThat(eventNames(events)).containsExactly("PresenceStatus", "PresenceStateChange");
            assertThat(events.get(1).get("Presentity")).isEqualTo("CustomPresence:1001");
            assertThat(events.get(1).get("Subtype")).isEqualTo("lunch");

            AmiMessage state = c.action("ps", "Action: PresenceState", "Provider: CustomPresence:1001");
            assertThat(state.names()).containsExactly("Response", "ActionID", "Message", "State", "Subtype",
                    "Message", "PresenceMessage");
            assertThat(state.getAll("Message")).containsExactly("Presence State", "Back at 2");

            c.action("enc", "Action: Setvar", "Variable: PRESENCE_STATE(CustomPresence:1001)",
                    "Value: dnd," + PresenceValues.encode("a,b") + "," + PresenceValues.encode("x, y") + ",e");
            assertThat(sim.pbx().presence("CustomPresence:1001"))
                    .isEqualTo(new Presence(PresenceState.DND, "a,b", "x, y"));
            assertThat(c.action("m", "Action: Getvar", "Variable: PRESENCE_STATE(CustomPresence:1001,message)")
                    .get("Value")).isEqualTo("x, y");
            assertThat(c.action("m64", "Action: Getvar",
                    "Variable: PRESENCE_STATE(CustomPresence:1001,message,e)").get("Value"))
                    .isEqualTo(PresenceValues.encode("x, y"));

            assertThat(c.action("inv", "Action: PresenceState", "Provider: Foo:1").get("Message"))
                    .isEqualTo("Invalid provider Foo:1 or provider in invalid state");
            assertThat(c.action("none", "Action: PresenceState").get("Message")).isEqualTo("No provider specified");
        }
    }

    @Test
    void listsEveryCachedDeviceStateAsResManagerDevicestateDoes() throws IOException {
        sim.pbx().seedDeviceState("PJSIP/list-1", DeviceState.INUSE);
        sim.pbx().seedDeviceState("Custom:DNDlist", DeviceState.BUSY);
        try (AmiTestClient c = loggedIn(false)) {
            c.send("Action: DeviceStateList", "ActionID: dl");
            List<AmiMessage> answer = c.readUntilResponse("dl");
            AmiMessage ack = answer.get(answer.size() - 1);
            assertThat(ack.get("EventList")).isEqualTo("start");
            assertThat(ack.get("Message")).isEqualTo("Device State Changes will follow");
            java.util.Map<String, String> listed = new java.util.HashMap<>();
            AmiMessage m;
            while ((m = c.read()).get("Event").equals("DeviceStateChange")) {
                assertThat(m.get("ActionID")).isEqualTo("dl");
                assertThat(m.get("Privilege")).as("a cache entry, not a broadcast event").isNull();
                listed.put(m.get("Device"), m.get("State"));
            }
            assertThat(listed).containsEntry("PJSIP/list-1", "INUSE").containsEntry("Custom:DNDlist", "BUSY");
            assertThat(m.get("Event")).isEqualTo("DeviceStateListComplete");
            assertThat(m.get("ActionID")).isEqualTo("dl");
            assertThat(m.get("EventList")).isEqualTo("Complete");
            assertThat(m.get("ListItems")).isEqualTo(String.valueOf(listed.size()));
        }
    }

    @Test
    void astDbTreesMatchCaseInsensitivelyAndSortByKey() throws IOException {
        try (AmiTestClient c = loggedIn(false)) {
            c.action("1", "Action: DBPut", "Family: AMPUSER", "Key: 1001/followme/grplist", "Val: 1001");
            c.action("2", "Action: DBPut", "Family: AMPUSER", "Key: 1001/cidname", "Val: Alice");
            c.action("3", "Action: DBPut", "Family: AMPUSER", "Key: 10010/cidname", "Val: Other");
            c.send("Action: DBGetTree", "Family: ampuser", "Key: 1001", "ActionID: t");
            List<AmiMessage> tree = c.readUntilResponse("t");
            tree.add(c.read());
            tree.add(c.read());
            tree.add(c.read());
            assertThat(tree.get(1).get("Key")).isEqualTo("/AMPUSER/1001/cidname");
            assertThat(tree.get(2).get("Key")).isEqualTo("/AMPUSER/1001/followme/grplist");
            assertThat(tree.get(3).get("Event")).isEqualTo("DBGetTreeComplete");
            assertThat(tree.get(3).get("ListItems")).isEqualTo("2");

            c.send("Action: DBGetTree", "Family: NOTHING", "ActionID: empty");
            c.readUntilResponse("empty");
            AmiMessage complete = c.read();
            assertThat(complete.get("ListItems")).isEqualTo("0");

            assertThat(c.action("get", "Action: Getvar", "Variable: DB(AMPUSER/1001/cidname)").get("Value"))
                    .isEqualTo("Alice");
            c.action("set", "Action: Setvar", "Variable: DB(DND/1001)", "Value: YES");
            assertThat(sim.pbx().dbGet("DND", "1001")).isEqualTo("YES");

            assertThat(c.action("dt", "Action: DBDelTree", "Family: AmpUser", "Key: 1001").get("Message"))
                    .isEqualTo("Key tree deleted successfully");
            assertThat(sim.pbx().astDb()).containsOnlyKeys("/AMPUSER/10010/cidname", "/DND/1001");
            assertThat(c.action("nf", "Action: DBPut", "Key: x").get("Message")).isEqualTo("No family specified");
        }
    }

    @Test
    void injectsFailuresAndDelays() throws IOException {
        try (AmiTestClient c = loggedIn(false)) {
            AmiFaults.Fault fault = sim.faults().failWhen(m -> "LOCKED".equals(m.get("Family")), "Database locked");
            assertThat(c.action("1", "Action: DBPut", "Family: LOCKED", "Key: a", "Val: 1").get("Message"))
                    .isEqualTo("Database locked");
            assertThat(c.action("2", "Action: DBPut", "Family: LOCKED", "Key: a", "Val: 1").get("Response"))
                    .isEqualTo("Error");
            assertThat(c.action("3", "Action: DBPut", "Family: OPEN", "Key: a", "Val: 1").get("Response"))
                    .isEqualTo("Success");
            fault.cancel();
            assertThat(c.action("4", "Action: DBPut", "Family: LOCKED", "Key: a", "Val: 1").get("Response"))
                    .isEqualTo("Success");

            sim.faults().failNext("Login", "Too many sessions");
            try (AmiTestClient second = AmiTestClient.connect(sim.port())) {
                assertThat(second.login("gateway", "gatewaysecret", false).get("Message"))
                        .isEqualTo("Too many sessions");
                assertThat(second.closedWithin(Duration.ofSeconds(2), false)).isTrue();
            }

            sim.faults().delay("Ping", Duration.ofMillis(200));
            long start = System.nanoTime();
            assertThat(c.action("slow", "Action: Ping").get("Ping")).isEqualTo("Pong");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            sim.faults().clear();
            assertThat(sim.actionsReceived("dbput")).isEqualTo(4);
        }
    }

    @Test
    void restartRefusesConnectionsThenKeepsPersistentStateOnly() throws Exception {
        try (AmiTestClient c = loggedIn(false)) {
            c.action("db", "Action: DBPut", "Family: DND", "Key: 1001", "Val: YES");
            c.action("q", "Action: QueueAdd", "Queue: support", "Interface: " + IFACE);
            c.action("d", "Action: Setvar", "Variable: DEVICE_STATE(Custom:DND1001)", "Value: BUSY");
            c.action("p", "Action: Setvar", "Variable: PRESENCE_STATE(CustomPresence:1001)", "Value: dnd,,Meeting");
            c.action("g", "Action: Setvar", "Variable: GLOBALVAR", "Value: 1");

            sim.restart(Duration.ofMillis(1500));

            assertThat(c.closedWithin(Duration.ofSeconds(2), false)).isTrue();
            assertThat(sim.isAccepting()).isFalse();
            assertThatThrownBy(() -> new Socket("127.0.0.1", sim.port()).close())
                    .isInstanceOf(ConnectException.class);
        }
        await().atMost(Duration.ofSeconds(5)).until(sim::isAccepting);
        try (AmiTestClient c = loggedIn(false)) {
            assertThat(sim.pbx().queueMembers("support")).isEmpty();
            assertThat(sim.pbx().dbGet("DND", "1001")).isEqualTo("YES");
            assertThat(c.action("d", "Action: Getvar", "Variable: DEVICE_STATE(Custom:DND1001)").get("Value"))
                    .isEqualTo("BUSY");
            assertThat(c.action("p", "Action: PresenceState", "Provider: CustomPresence:1001").get("State"))
                    .isEqualTo("dnd");
            assertThat(c.action("g", "Action: Getvar", "Variable: GLOBALVAR").get("Value")).isEmpty();
        }
        int port = sim.port();
        sim.stop();
        assertThat(sim.isRunning()).isFalse();
        sim.start();
        assertThat(sim.port()).isEqualTo(port);
        assertThat(sim.pbx().dbGet("DND", "1001")).isEqualTo("YES");
    }

    @Test
    void logsEveryReceivedAction() throws IOException {
        try (AmiTestClient c = loggedIn(false)) {
            c.action("x", "Action: DBPut", "Family: F", "Key: K", "Val: V");
        }
        List<AmiMessage> log = sim.receivedActions();
        assertThat(log).hasSize(2);
        assertThat(log.get(1).names()).containsExactly("Action", "Family", "Key", "Val", "ActionID");
        assertThat(log.get(1).get("Val")).isEqualTo("V");
        assertThat(sim.actionsReceived()).isEqualTo(2);
        sim.clearActionLog();
        assertThat(sim.receivedActions()).isEmpty();
        assertThat(sim.actionsReceived()).isZero();
    }

    @Test
    void answersPipelinedActionsInOrderOnSeveralConnections() throws Exception {
        int perConnection = 20_000;
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int conn = 0; conn < 3; conn++) {
            int id = conn;
            Thread t = new Thread(() -> {
                try {
                    pipeline(id, perConnection);
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(120_000);
        }
        assertThat(failure.get()).isNull();
        assertThat(sim.pbx().astDb()).hasSize(3 * perConnection);
        assertThat(sim.actionsReceived("DBPut")).isEqualTo(3L * perConnection);
    }

    private void pipeline(int id, int count) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            Thread writer = new Thread(() -> {
                try {
                    StringBuilder sb = new StringBuilder("Action: Login\r\nUsername: gateway\r\nSecret: gatewaysecret\r\n"
                            + "Events: off\r\n\r\n");
                    for (int i = 0; i < count; i++) {
                        sb.append("Action: DBPut\r\nFamily: P").append(id).append("\r\nKey: ").append(i)
                                .append("\r\nVal: ").append(i).append("\r\nActionID: ").append(i).append("\r\n\r\n");
                        if (sb.length() > 60_000) {
                            out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
                            sb.setLength(0);
                        }
                    }
                    out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            StringBuilder text = new StringBuilder();
            byte[] buf = new byte[64 * 1024];
            int expected = 0;
            int scanned = 0;
            while (expected < count) {
                int n = in.read(buf);
                assertThat(n).as("connection %d closed after %d answers", id, expected).isPositive();
                text.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
                int at;
                while ((at = text.indexOf("ActionID: ", scanned)) >= 0) {
                    int end = text.indexOf("\r\n", at);
                    if (end < 0) {
                        break;
                    }
                    assertThat(text.substring(at + 10, end)).isEqualTo(Integer.toString(expected));
                    expected++;
                    scanned = end;
                }
                if (scanned > 1_000_000) {
                    text.delete(0, scanned);
                    scanned = 0;
                }
            }
            writer.join();
        }
    }
}
