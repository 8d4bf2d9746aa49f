package io.profilegateway.pbx.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A TCP server that speaks the Asterisk Manager Interface as Asterisk 22 does, backed by an in-memory
 * {@link SimulatedPbx}, for tests, benchmarks and the dev profile. Plain Java; one reader and one writer thread per
 * connection.
 *
 * <pre>{@code
 * AmiSimulator sim = new AmiSimulator(AmiSimulatorConfig.builder()
 *         .user("gateway", "secret").queues("support", "sales")
 *         .hint("1001", "default", "Custom:DND1001,CustomPresence:1001")
 *         .build()).start();
 * int port = sim.port();
 * ...
 * sim.faults().failNext("QueueAdd", "Out of memory");
 * sim.restart();                    // drops connections, forgets queue members, keeps AstDB and custom states
 * sim.phone().pauseMember("support", "Local/1001@from-queue/n", "lunch");
 * sim.pbx().astDb();                // inspect
 * sim.stop();
 * }</pre>
 *
 * <p>Supported actions: Challenge, Login (MD5 key or plain secret), Logoff, Ping, Events, CoreSettings, CoreStatus,
 * Command ({@code core show version}), UserEvent, DBPut, DBGet, DBDel, DBDelTree, DBGetTree, QueueAdd, QueueRemove,
 * QueuePause, QueueStatus, Setvar, Getvar ({@code DEVICE_STATE}, {@code PRESENCE_STATE}, {@code DB}, globals),
 * PresenceState, ExtensionState. Any other action is answered as unknown, as Asterisk answers an unknown action.
 */
public final class AmiSimulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AmiSimulator.class.getName());

    private final AmiSimulatorConfig config;
    private final SimulatedPbx pbx;
    private final PhoneSide phone;
    private final AmiFaults faults = new AmiFaults();
    private static final Consumer<AmiMessage> IGNORE = m -> { };

    private final ActionLog actionLog;
    private volatile Consumer<AmiMessage> observer = IGNORE;
    private final ActionDispatcher dispatcher;
    private final CopyOnWriteArrayList<AmiSession> sessions = new CopyOnWriteArrayList<>();
    private final Object lifecycle = new Object();

    private ServerSocket server;
    private Thread acceptor;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> pendingReopen;
    private boolean running;
    private boolean startedBefore;
    private volatile int boundPort = -1;
    private volatile long startedMillis = System.currentTimeMillis();

    /**
     * Creates a simulator; nothing listens until {@link #start()}.
     *
     * @param config the configuration
     */
    public AmiSimulator(AmiSimulatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.pbx = new SimulatedPbx(config);
        this.pbx.setEventSink(this::publish);
        this.phone = new PhoneSide(pbx);
        this.actionLog = new ActionLog(config.actionLogCapacity());
        this.dispatcher = new ActionDispatcher(this);
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /**
     * Starts listening. After a {@link #stop()}, starting again reuses the port bound before and behaves like an
     * Asterisk that was stopped and started: queue members are gone, AstDB and custom states are kept.
     *
     * @return this simulator
     * @throws IOException when the port cannot be bound
     * @throws IllegalStateException when already running
     */
    public AmiSimulator start() throws IOException {
        synchronized (lifecycle) {
            if (running) {
                throw new IllegalStateException("AMI simulator already running on port " + boundPort);
            }
            if (startedBefore) {
                pbx.restart();
                startedMillis = System.currentTimeMillis();
            }
            listen(boundPort >= 0 ? boundPort : config.port());
            running = true;
            startedBefore = true;
            LOG.log(System.Logger.Level.INFO, "AMI simulator listening on " + config.bindAddress() + ":" + boundPort);
            return this;
        }
    }

    /** Stops listening and closes every connection abruptly. Idempotent. */
    public void stop() {
        synchronized (lifecycle) {
            running = false;
            cancelReopen();
            closeListener();
            dropConnections();
            if (scheduler != null) {
                scheduler.shutdownNow();
                scheduler = null;
            }
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** @return whether started and not stopped (it may still be refusing connections after a restart) */
    public boolean isRunning() {
        synchronized (lifecycle) {
            return running;
        }
    }

    /** @return whether connections are accepted right now */
    public boolean isAccepting() {
        synchronized (lifecycle) {
            return server != null && !server.isClosed();
        }
    }

    /**
     * @return the port listened on
     * @throws IllegalStateException when never started
     */
    public int port() {
        int p = boundPort;
        if (p < 0) {
            throw new IllegalStateException("AMI simulator not started");
        }
        return p;
    }

    /** @return the address listened on */
    public String host() {
        return config.bindAddress();
    }

    /** @return the configuration */
    public AmiSimulatorConfig config() {
        return config;
    }

    // ------------------------------------------------------------------------------------------------ state

    /** @return the simulated PBX state, to inspect or seed */
    public SimulatedPbx pbx() {
        return pbx;
    }

    /** @return changes as a phone user would make them, with events */
    public PhoneSide phone() {
        return phone;
    }

    /** @return the fault controls */
    public AmiFaults faults() {
        return faults;
    }

    /**
     * @return copies of the received messages (actions as sent, secrets included), oldest first, at most
     *         {@link AmiSimulatorConfig#actionLogCapacity()}
     */
    public List<AmiMessage> receivedActions() {
        return actionLog.messages();
    }

    /** @return how many messages were received since start or {@link #clearActionLog()} */
    public long actionsReceived() {
        return actionLog.total();
    }

    /**
     * @param action an action name (case-insensitive)
     * @return how many actions of that name were received
     */
    public long actionsReceived(String action) {
        return actionLog.count(action);
    }

    /**
     * Calls {@code observer} with every message received from now on, on the session's reader thread before the
     * action runs (benchmarks time the gateway's actions with it). It must be quick and must not throw.
     */
    public void observeActions(Consumer<AmiMessage> observer) {
        this.observer = observer == null ? IGNORE : observer;
    }

    void observe(AmiMessage message) {
        observer.accept(message);
    }

    /** Empties the action log and resets the counters. */
    public void clearActionLog() {
        actionLog.clear();
    }

    /** @return the number of open connections */
    public int sessionCount() {
        return sessions.size();
    }

    /** @return the number of open connections that are logged in */
    public int loggedInSessionCount() {
        int n = 0;
        for (AmiSession s : sessions) {
            if (s.isAuthenticated()) {
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------------ faults

    /** Closes every connection abruptly (TCP reset) and keeps listening. */
    public void dropConnections() {
        for (AmiSession s : sessions) {
            sessions.remove(s);
            s.abort();
        }
    }

    /**
     * Simulates an Asterisk restart: closes every connection abruptly, forgets dynamic queue members, cached device
     * states and global variables, keeps AstDB and thereby custom device and presence states (as Asterisk reloads
     * them from its database), and accepts connections again at once.
     *
     * @throws IllegalStateException when not running
     */
    public void restart() {
        restart(Duration.ZERO);
    }

    /**
     * Like {@link #restart()}, but refuses connections (port closed) for {@code downtime} first. Returns at once;
     * {@link #isAccepting()} tells when the simulator is back.
     *
     * @param downtime how long connections are refused
     * @throws IllegalStateException when not running
     */
    public void restart(Duration downtime) {
        Objects.requireNonNull(downtime, "downtime");
        synchronized (lifecycle) {
            if (!running) {
                throw new IllegalStateException("AMI simulator not running");
            }
            cancelReopen();
            closeListener();
            dropConnections();
            pbx.restart();
            startedMillis = System.currentTimeMillis();
            LOG.log(System.Logger.Level.INFO, "AMI simulator restarted, down for " + downtime.toMillis() + " ms");
            if (downtime.isZero() || downtime.isNegative()) {
                reopen();
            } else {
                if (scheduler == null) {
                    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "ami-sim-restart");
                        t.setDaemon(true);
                        return t;
                    });
                }
                pendingReopen = scheduler.schedule(() -> {
                    synchronized (lifecycle) {
                        if (running) {
                            reopen();
                        }
                    }
                }, downtime.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ internals

    ActionDispatcher dispatcher() {
        return dispatcher;
    }

    ActionLog actionLog() {
        return actionLog;
    }

    long startedMillis() {
        return startedMillis;
    }

    void sessionClosed(AmiSession session) {
        sessions.remove(session);
    }

    /** Delivers an event to every session whose event mask takes it; serialises it once. */
    void publish(EventCategory category, AmiMessage event) {
        byte[] bytes = null;
        for (AmiSession s : sessions) {
            if (s.isAuthenticated() && (s.eventMask() & category.flag()) != 0) {
                if (bytes == null) {
                    bytes = event.toBytes();
                }
                s.deliverEvent(category, bytes);
            }
        }
    }

    private void reopen() {
        try {
            listen(boundPort);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "AMI simulator could not listen again on port " + boundPort, e);
        }
    }

    private void listen(int port) throws IOException {
        ServerSocket ss = port != 0 ? bindAgain(port) : bindOutsideEphemeralRange();
        server = ss;
        boundPort = ss.getLocalPort();
        acceptor = new Thread(() -> acceptLoop(ss), "ami-sim-accept-" + boundPort);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Binds a given port, retrying for up to two seconds while the kernel still holds it from the last listener. */
    private ServerSocket bindAgain(int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (true) {
            try {
                return bind(port);
            } catch (java.net.BindException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private ServerSocket bind(int port) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        try {
            ss.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), port), 128);
            return ss;
        } catch (IOException e) {
            ss.close();
            throw e;
        }
    }

    /**
     * "Any free port", but below Linux's ephemeral range (32768 and up): a port from that range, once released by a
     * stop or restart, can be taken by any outgoing connection meanwhile, and starting again on it would fail.
     */
    private ServerSocket bindOutsideEphemeralRange() throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return bind(random.nextInt(20_000, 32_000));
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private void acceptLoop(ServerSocket ss) {
        while (!ss.isClosed()) {
            Socket socket;
            try {
                socket = ss.accept();
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "AMI simulator accept failed: " + e.getMessage());
                continue;
            }
            try {
                socket.setTcpNoDelay(true);
                AmiSession session = new AmiSession(this, socket);
                sessions.add(session);
                session.start();
                if (ss.isClosed()) {
                    // Accepted while the listener was being closed for a stop or restart: that connection goes too.
                    sessions.remove(session);
                    session.abort();
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "AMI simulator could not open a session: " + e.getMessage());
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Nothing more to do for a socket that never became a session.
                }
            }
        }
    }

    private void closeListener() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "Closing AMI simulator listener: " + e.getMessage());
            }
            server = null;
        }
        awaitAcceptorExit();
    }

    /**
     * The JDK closes a listening socket only once the thread blocked in {@code accept()} has left it, so the port
     * stays in LISTEN a moment after {@code close()} returns; binding it again before that fails with "Address
     * already in use" on a loaded machine. Waiting for the acceptor makes stop, restart and start deterministic.
     */
    private void awaitAcceptorExit() {
        Thread t = acceptor;
        acceptor = null;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cancelReopen() {
        if (pendingReopen != null) {
            pendingReopen.cancel(false);
            pendingReopen = null;
        }
    }
}
