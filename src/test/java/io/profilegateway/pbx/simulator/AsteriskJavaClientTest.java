package io.profilegateway.pbx.simulator;

import io.profilegateway.pbx.ami.ProfileSwitchEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.DbGetAction;
import org.asteriskjava.manager.action.DbPutAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.action.UserEventAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DbGetResponseEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator against the client the gateway uses: asterisk-java 3.42.2's {@code DefaultManagerConnection}
 * (login with MD5 challenge, version detection, blocking and asynchronous actions, event listeners, reconnect).
 */
class AsteriskJavaClientTest {

    private static final String IFACE = "Local/1001@from-queue/n";

    private AmiSimulator sim;
    private ManagerConnection connection;
    private final List<ManagerEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sim = new AmiSimulator(AmiSimulatorConfig.builder()
                .user("gateway", "gatewaysecret")
                .queues("support", "sales")
                .hint("1001", "default", "Custom:DND1001,CustomPresence:1001")
                .authFailureDelay(Duration.ZERO)
                .build()).start();
        connection = connect("gatewaysecret");
        connection.addEventListener(events::add);
    }

    private void login() throws Exception {
        connection.login();
        connection.registerUserEventClass(ProfileSwitchEvent.class);
    }

    @AfterEach
    void stop() {
        if (connection != null && connection.getState() == ManagerConnectionState.CONNECTED) {
            connection.logoff();
        }
        sim.stop();
    }

    private ManagerConnection connect(String secret) {
        return new ManagerConnectionFactory("127.0.0.1", sim.port(), "gateway", secret).createManagerConnection();
    }

    @Test
    void logsInDetectsAsterisk22AndRunsActions() throws Exception {
        login();
        assertThat(connection.getVersion()).isEqualTo(AsteriskVersion.ASTERISK_22);

        ManagerResponse put = connection.sendAction(new DbPutAction("DND", "1001", "YES"));
        assertThat(put.getResponse()).isEqualTo("Success");
        assertThat(put.getMessage()).isEqualTo("Updated database successfully");

        ResponseEvents get = connection.sendEventGeneratingAction(new DbGetAction("DND", "1001"));
        assertThat(get.getResponse().getResponse()).isEqualTo("Success");
        assertThat(get.getEvents()).filteredOn(DbGetResponseEvent.class::isInstance)
                .singleElement().extracting(e -> ((DbGetResponseEvent) e).getVal()).isEqualTo("YES");

        ResponseEvents missing = connection.sendEventGeneratingAction(new DbGetAction("DND", "9999"));
        assertThat(missing.getResponse()).isInstanceOf(ManagerError.class);
        assertThat(missing.getResponse().getMessage()).isEqualTo("Database entry not found");

        QueueAddAction add = new QueueAddAction("support", IFACE, 2);
        add.setMemberName("Alice 1001");
        add.setStateInterface("Custom:DND1001");
        add.setPaused(false);
        assertThat(connection.sendAction(add).getMessage()).isEqualTo("Added interface to queue");
        ManagerResponse again = connection.sendAction(add);
        assertThat(again).isInstanceOf(ManagerError.class);
        assertThat(again.getMessage()).isEqualTo("Unable to add interface: Already there");
        assertThat(connection.sendAction(new QueueAddAction("nosuch", IFACE)).getMessage())
                .isEqualTo("Unable to add interface to queue: No such queue");

        QueuePauseAction pause = new QueuePauseAction(IFACE, "support", true);
        pause.setReason("lunch");
        assertThat(connection.sendAction(pause).getMessage()).isEqualTo("Interface paused successfully");
        assertThat(connection.sendAction(new QueuePauseAction("Local/9999@from-queue/n", true)).getMessage())
                .isEqualTo("Interface not found");

        QueueStatusAction status = new QueueStatusAction();
        status.setQueue("support");
        ResponseEvents statusEvents = connection.sendEventGeneratingAction(status);
        assertThat(statusEvents.getEvents()).filteredOn(QueueParamsEvent.class::isInstance).hasSize(1);
        QueueMemberEvent member = statusEvents.getEvents().stream().filter(QueueMemberEvent.class::isInstance)
                .map(QueueMemberEvent.class::cast).findFirst().orElseThrow();
        assertThat(member.getLocation()).isEqualTo(IFACE);
        assertThat(member.getName()).isEqualTo("Alice 1001");
        assertThat(member.getPaused()).isTrue();
        assertThat(member.getPausedreason()).isEqualTo("lunch");
        assertThat(member.getPenalty()).isEqualTo(2);

        assertThat(connection.sendAction(new SetVarAction("DEVICE_STATE(Custom:DND1001)", "BUSY")).getMessage())
                .isEqualTo("Variable Set");
        ManagerResponse var = connection.sendAction(new GetVarAction("DEVICE_STATE(Custom:DND1001)"));
        assertThat(var).isInstanceOf(GetVarResponse.class);
        assertThat(((GetVarResponse) var).getValue()).isEqualTo("BUSY");

        ProfileSwitchEvent userEvent = new ProfileSwitchEvent(this);
        userEvent.setExtension("1001");
        userEvent.setProfile("DND");
        connection.sendAction(new UserEventAction(userEvent));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(events).filteredOn(QueueMemberAddedEvent.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((QueueMemberAddedEvent) e).getMemberName()).isEqualTo("Alice 1001"));
            assertThat(events).filteredOn(QueueMemberPauseEvent.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((QueueMemberPauseEvent) e).getPausedreason()).isEqualTo("lunch"));
            assertThat(events).filteredOn(DeviceStateChangeEvent.class::isInstance)
                    .anySatisfy(e -> {
                        assertThat(((DeviceStateChangeEvent) e).getDevice()).isEqualTo("Custom:DND1001");
                        assertThat(((DeviceStateChangeEvent) e).getState()).isEqualTo("BUSY");
                    });
            assertThat(events).filteredOn(ProfileSwitchEvent.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((ProfileSwitchEvent) e).getProfile()).isEqualTo("DND"));
        });
        assertThat(sim.pbx().deviceState("Custom:DND1001")).isEqualTo(DeviceState.BUSY);
        assertThat(sim.pbx().queueMembers("support")).singleElement()
                .satisfies(m -> assertThat(m.pausedReason()).isEqualTo("lunch"));
    }

    @Test
    void answersAsynchronousActionsInOrder() throws Exception {
        login();
        int count = 2000;
        CountDownLatch done = new CountDownLatch(count);
        ConcurrentLinkedQueue<ManagerResponse> responses = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < count; i++) {
            connection.sendAction(new DbPutAction("BENCH", Integer.toString(i), "v" + i), r -> {
                responses.add(r);
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(responses).allSatisfy(r -> assertThat(r.getResponse()).isEqualTo("Success"));
        assertThat(sim.pbx().astDb()).hasSize(count).containsEntry("/BENCH/1999", "v1999");
        assertThat(sim.actionsReceived("DBPut")).isEqualTo(count);
    }

    @Test
    void reportsAWrongSecret() {
        ManagerConnection wrong = connect("wrong");
        assertThatThrownBy(wrong::login).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("Authentication failed");
    }

    @Test
    void failNextAnswersAnErrorOnce() throws Exception {
        login();
        sim.faults().failNext("QueueAdd", "Out of memory");
        ManagerResponse failed = connection.sendAction(new QueueAddAction("support", IFACE));
        assertThat(failed).isInstanceOf(ManagerError.class);
        assertThat(failed.getMessage()).isEqualTo("Out of memory");
        assertThat(sim.pbx().queueMembers("support")).isEmpty();
        assertThat(connection.sendAction(new QueueAddAction("support", IFACE)).getResponse()).isEqualTo("Success");
    }

    @Test
    void reconnectsAfterARestartThatKeepsAstDbAndForgetsMembers() throws Exception {
        login();
        connection.sendAction(new DbPutAction("DND", "1001", "YES"));
        connection.sendAction(new QueueAddAction("support", IFACE));
        connection.sendAction(new SetVarAction("DEVICE_STATE(Custom:DND1001)", "BUSY"));

        sim.restart(Duration.ofMillis(300));

        await().atMost(Duration.ofSeconds(20)).until(
                () -> events.stream().filter(ConnectEvent.class::isInstance).count() >= 2
                        && connection.getState() == ManagerConnectionState.CONNECTED && sim.loggedInSessionCount() == 1);
        ResponseEvents get = connection.sendEventGeneratingAction(new DbGetAction("DND", "1001"));
        assertThat(get.getEvents()).filteredOn(DbGetResponseEvent.class::isInstance).singleElement()
                .extracting(e -> ((DbGetResponseEvent) e).getVal()).isEqualTo("YES");
        QueueStatusAction status = new QueueStatusAction();
        status.setQueue("support");
        assertThat(connection.sendEventGeneratingAction(status).getEvents())
                .noneMatch(QueueMemberEvent.class::isInstance);
        ManagerResponse var = connection.sendAction(new GetVarAction("DEVICE_STATE(Custom:DND1001)"));
        assertThat(((GetVarResponse) var).getValue()).isEqualTo("BUSY");
    }

    @Test
    void reconnectsAfterDroppedConnectionsWithStateIntact() throws Exception {
        login();
        connection.sendAction(new QueueAddAction("support", IFACE));

        sim.dropConnections();

        await().atMost(Duration.ofSeconds(20)).until(
                () -> events.stream().filter(ConnectEvent.class::isInstance).count() >= 2
                        && connection.getState() == ManagerConnectionState.CONNECTED && sim.loggedInSessionCount() == 1);
        assertThat(sim.pbx().queueMembers("support")).hasSize(1);
        assertThat(connection.sendAction(new QueueAddAction("support", IFACE)).getMessage())
                .isEqualTo("Unable to add interface: Already there");
    }

    @Test
    void phoneSideChangesArriveAsEvents() throws Exception {
        login();
        connection.sendAction(new QueueAddAction("support", IFACE));

        sim.phone().pauseMember("support", IFACE, "phone-pause");
        sim.phone().setDeviceState("Custom:DND1001", DeviceState.BUSY);
        sim.phone().userEvent("ProfileSwitch", Map.of("Extension", "1001"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(events).filteredOn(QueueMemberPauseEvent.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((QueueMemberPauseEvent) e).getPausedreason())
                            .isEqualTo("phone-pause"));
            assertThat(events).filteredOn(DeviceStateChangeEvent.class::isInstance)
                    .anySatisfy(e -> assertThat(((DeviceStateChangeEvent) e).getDevice()).isEqualTo("Custom:DND1001"));
            assertThat(events).filteredOn(ProfileSwitchEvent.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((ProfileSwitchEvent) e).getExtension()).isEqualTo("1001"));
        });
    }
}
