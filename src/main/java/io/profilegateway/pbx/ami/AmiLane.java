package io.profilegateway.pbx.ami;

import io.profilegateway.pbx.AmiConfig;
import java.io.IOException;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.PingThread;
import org.asteriskjava.manager.SendActionCallback;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.ManagerAction;

/**
 * One of a server's AMI connections, each with its own reader thread, reconnect and ping. The first lane hears
 * Asterisk's events and does the reads; the others only send actions, with events off, so that they do not parse
 * every event a second time.
 */
final class AmiLane {

    private final ManagerConnection connection;
    private final PingThread pinger;
    private final String events;
    private boolean pingerStarted;

    AmiLane(AmiConfig.Server address, AmiConfig config, boolean hearsEvents, ManagerEventListener listener) {
        connection = new ManagerConnectionFactory(address.host(), address.port(), address.username(),
                address.secret()).createManagerConnection();
        connection.setSocketReadTimeout((int) Math.max(config.pingInterval().toMillis() * 3, 10_000));
        if (connection instanceof DefaultManagerConnection reconnecting) {
            // a login refused after a reconnect (the secret changed on the PBX) is retried, not given up for good
            reconnecting.setKeepAliveAfterAuthenticationFailure(true);
        }
        if (hearsEvents) {
            connection.registerUserEventClass(DbGetTreeResponseEvent.class);
            connection.registerUserEventClass(DbGetTreeCompleteEvent.class);
            connection.registerUserEventClass(ProfileSwitchEvent.class);
            connection.registerUserEventClass(CallForwardEvent.class);
            connection.registerUserEventClass(PresenceStateChangeEvent.class);
            connection.registerUserEventClass(DeviceStateChangeEvent.class); // in place of asterisk-java's own
            connection.registerUserEventClass(DeviceStateListCompleteEvent.class);
        }
        connection.addEventListener(listener);
        events = hearsEvents ? "on" : "off";
        pinger = new PingThread(connection);
        pinger.setInterval(config.pingInterval().toMillis());
        pinger.setTimeout(config.responseTimeout().toMillis());
        pinger.setDaemon(true);
    }

    ManagerConnection connection() {
        return connection;
    }

    boolean isConnected() {
        return connection.getState() == ManagerConnectionState.CONNECTED;
    }

    /** Logs in unless already connected (asterisk-java reconnects by itself once it was). */
    synchronized void login() throws IOException, AuthenticationFailedException, TimeoutException {
        if (isConnected()) {
            return;
        }
        connection.login(events);
        if (!pingerStarted) {
            pingerStarted = true;
            pinger.start();
        }
    }

    void send(ManagerAction action, SendActionCallback callback) throws IOException {
        connection.sendAction(action, callback);
    }

    void close() {
        pinger.die();
        if (isConnected()) {
            connection.logoff();
        }
    }
}
