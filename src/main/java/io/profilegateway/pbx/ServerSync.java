package io.profilegateway.pbx;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.profilegateway.switching.DesiredPbxState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Keeps one Asterisk server in line with the desired state of its users (pbx.md): after every change it sends only
 * the difference, pipelined (many actions in flight, never a blocking round trip); on every (re)connect and
 * periodically it reads what Asterisk holds and repairs every difference. Failed actions are retried with backoff.
 * All bookkeeping runs on one planner thread per server, which keeps each user's actions in order.
 */
final class ServerSync implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServerSync.class);

    /** One user's desired state as loaded from the database. */
    record Desire(long userId, DesiredPbxState state) {
    }

    private final String server;
    private final AmiLink link;
    private final PbxNames names;
    private final Supplier<List<Desire>> loadAll;
    private final ScheduledExecutorService timer;
    private final ExecutorService loader;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final ExecutorService planner;
    private final Counter sent;
    private final Counter failed;
    private final Counter confirmed;

    private volatile Consumer<PbxEvent> phoneListener = event -> {
    };
    /** What the gateway's own recent actions will make Asterisk report, so that such events are not adopted. */
    private final EchoFilter echoes = new EchoFilter();

    // planner-thread state
    private final Map<Long, UserSync> users = new HashMap<>();
    private final Map<DbKey, Long> deviceClaims = new HashMap<>();
    /** Users by extension: Asterisk's events name extensions, and a scan of all users per event is quadratic. */
    private final Map<String, UserSync> byExtension = new HashMap<>();
    private long sendSequence;
    private long epoch;
    private final FullReconciles<FullRead> full;

    /** Told when a user's state goes in sync (confirmed, at {@code version}) or out of it (an action failed). */
    interface SyncListener {
        void changed(long userId, long version, boolean inSync, String reason);
    }

    private final List<SyncListener> syncListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile boolean reconciledSinceConnect;
    private volatile boolean everReconciled;

    ServerSync(String server, AmiLink link, PbxNames names, Supplier<List<Desire>> loadAll, AmiConfig config,
            ScheduledExecutorService timer, ExecutorService loader, MeterRegistry registry) {
        this.server = server;
        this.link = link;
        this.names = names;
        this.loadAll = loadAll;
        this.timer = timer;
        this.loader = loader;
        this.retryInitial = config.retryInitial();
        this.retryMax = config.retryMax();
        this.planner = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pbx-sync-" + server);
            thread.setDaemon(true);
            return thread;
        });
        this.sent = registry.counter("gateway.ami.actions", "server", server, "result", "sent");
        this.failed = registry.counter("gateway.ami.actions", "server", server, "result", "failed");
        this.confirmed = registry.counter("gateway.ami.confirmed", "server", server);
        this.full = new FullReconciles<>(server, planner, timer, config.fullReconcileTimeout(), retryInitial, retryMax,
                link::isConnected, this::readFull, this::finishFullReconcile);
        registry.gauge("gateway.ami.connected", List.of(io.micrometer.core.instrument.Tag.of("server", server)), this,
                s -> s.link.isConnected() ? 1 : 0);
        link.onEvent(event -> {
            if (event instanceof PbxEvent.Connected) {
                planner.execute(this::onConnected);
            } else if (event instanceof PbxEvent.Disconnected) {
                planner.execute(this::onDisconnected);
            } else {
                planner.execute(() -> onPbxEvent(event));
            }
        });
    }

    String server() {
        return server;
    }

    AmiLink link() {
        return link;
    }

    /** Connected and the full reconcile after the last (re)connect is done: readiness. */
    boolean isReady() {
        return link.isConnected() && reconciledSinceConnect;
    }

    boolean everReconciled() {
        return everReconciled;
    }

    Optional<String> lastFullReconcileError() {
        return full.lastError();
    }

    /** Receives the changes made on the PBX side (never the echoes of the gateway's own actions). */
    void onPhoneEvent(Consumer<PbxEvent> listener) {
        this.phoneListener = listener;
    }

    /** A user's newer desired state (older versions are ignored: events may arrive out of order). */
    void desire(long userId, DesiredPbxState state) {
        planner.execute(() -> {
            UserSync user = users.computeIfAbsent(userId, UserSync::new);
            if (setDesired(user, state)) {
                reconcile(user);
            }
        });
    }

    /**
     * A desired state read back from the database after another node changed it: taken only when newer than what this
     * server has (the change may have reached it already, or a newer one).
     */
    void desireIfNewer(long userId, DesiredPbxState state) {
        planner.execute(() -> {
            UserSync user = users.get(userId);
            if (user != null && user.desired != null && state.version() <= user.desired.version()) {
                return;
            }
            user = users.computeIfAbsent(userId, UserSync::new);
            if (setDesired(user, state)) {
                reconcile(user);
            }
        });
    }

    /** As {@link #withdraw(long, String)}, for a user this server knows (by the extension it wrote for him). */
    void withdrawIfKnown(long userId) {
        planner.execute(() -> {
            UserSync user = users.get(userId);
            if (user != null && user.desiredImage != null) {
                withdrawNow(userId, user.desiredImage.extension());
            }
        });
    }

    /** The user left this server (deleted, extension changed, moved): remove everything the gateway wrote for him. */
    void withdraw(long userId, String extension) {
        planner.execute(() -> withdrawNow(userId, extension));
    }

    private void withdrawNow(long userId, String extension) {
        UserSync user = users.remove(userId);
        if (user == null || user.desiredImage == null) {
            return;
        }
        releaseClaims(user);
        byExtension.remove(user.desiredImage.extension(), user);
        UserSync leaving = new UserSync(-userId);
        leaving.knownValid = user.knownValid;
        leaving.knownDb.putAll(user.knownDb);
        leaving.knownQueues.putAll(user.knownQueues);
        if (!user.knownValid) {
            user.desiredImage.astdb().forEach((key, value) -> leaving.knownDb.put(key, UserSync.UNKNOWN));
            user.desiredImage.queues().keySet().forEach(q -> leaving.knownQueues.put(q, UserSync.UNKNOWN_SEAT));
        }
        PbxImage nothing = PbxImage.empty(extension);
        leaving.desiredImage = nothing;
        for (AmiCommand command : ImageDiff.commands(leaving, nothing, names, this::claimed)) {
            send(leaving, command);
        }
    }

    /** The reconciliation status of one user, computed on the planner thread. */
    CompletableFuture<PbxStatus> status(long userId) {
        return CompletableFuture.supplyAsync(() -> {
            UserSync user = users.get(userId);
            if (user == null) {
                return new PbxStatus(server, null, null, false, reason(null), null);
            }
            return new PbxStatus(server, user.applied, user.applied == null ? null : user.applied.version(),
                    user.inSync() && link.isConnected(), reason(user), null);
        }, planner);
    }

    /** How many users Asterisk has confirmed at {@code version} or later (benchmarks, diagnostics). */
    CompletableFuture<Integer> countConfirmed(long version) {
        return CompletableFuture.supplyAsync(() -> (int) users.values().stream()
                .filter(u -> u.applied != null && u.applied.version() >= version && u.inSync()).count(), planner);
    }

    /** Why the first user not confirmed at {@code version} is not (diagnostics). */
    CompletableFuture<String> firstUnconfirmed(long version) {
        return CompletableFuture.supplyAsync(() -> users.values().stream()
                .filter(u -> !(u.applied != null && u.applied.version() >= version && u.inSync()))
                .findFirst().map(u -> "user " + u.userId + ": desired v" + (u.desired == null ? "-" : u.desired.version())
                        + ", applied v" + (u.applied == null ? "-" : u.applied.version()) + ", in flight " + u.inFlight
                        + ", error " + u.lastError + ", reason " + reason(u) + ", pending "
                        + ImageDiff.commands(u, u.desiredImage, names, key -> claimedByOther(key, u.userId)))
                .orElse("none"), planner);
    }

    /** Reads everything from Asterisk and repairs every difference; coalesces concurrent requests. */
    void fullReconcile() {
        planner.execute(full::request);
    }

    private String reason(UserSync user) {
        if (!link.isConnected()) {
            return "no AMI connection to server '" + server + "'";
        }
        if (user == null) {
            return reconciledSinceConnect ? "not yet applied" : "waiting for the full reconcile after connecting";
        }
        if (user.lastError != null) {
            return "Asterisk refused an action, retrying: " + user.lastError;
        }
        if (user.inFlight > 0 || (user.applied == null || user.applied.version() != user.desired.version())) {
            return reconciledSinceConnect ? "being applied" : "waiting for the full reconcile after connecting";
        }
        return null;
    }

    // ---- planner thread ---------------------------------------------------------------------------------

    private boolean setDesired(UserSync user, DesiredPbxState state) {
        if (user.desired != null && state.version() < user.desired.version()) {
            return false;
        }
        releaseClaims(user);
        if (user.desiredImage != null) {
            byExtension.remove(user.desiredImage.extension(), user);
        }
        user.desired = state;
        user.desiredImage = names.imageOf(state);
        byExtension.put(state.extension(), user);
        user.desiredImage.astdb().keySet().stream().filter(names::isDeviceUserKey)
                .forEach(key -> deviceClaims.put(key, user.userId));
        return true;
    }

    private void releaseClaims(UserSync user) {
        if (user.desiredImage != null) {
            user.desiredImage.astdb().keySet().stream().filter(names::isDeviceUserKey)
                    .forEach(key -> deviceClaims.remove(key, user.userId));
        }
    }

    private boolean claimed(DbKey key) {
        return deviceClaims.containsKey(key);
    }

    private void reconcile(UserSync user) {
        if (user.desiredImage == null || !link.isConnected()) {
            return;
        }
        List<AmiCommand> commands = ImageDiff.commands(user, user.desiredImage, names,
                key -> claimedByOther(key, user.userId));
        if (commands.isEmpty()) {
            if (user.inFlight == 0) {
                confirm(user);
            }
            return;
        }
        for (AmiCommand command : commands) {
            send(user, command);
        }
    }

    private boolean claimedByOther(DbKey key, long userId) {
        Long holder = deviceClaims.get(key);
        return holder != null && holder != userId;
    }

    private void send(UserSync user, AmiCommand command) {
        Known.applied(user, command);
        echoes.expect(command);
        user.inFlight++;
        user.lastSentSeq = ++sendSequence;
        long sentInEpoch = epoch;
        sent.increment();
        link.send(orderKey(user, command), command,
                reply -> planner.execute(() -> onReply(user, command, reply, sentInEpoch)));
    }

    /**
     * A user's commands keep their order (one AMI connection per extension). A hot-desk device's
     * {@code DEVICE/<dev>/user} is written for whichever user sits there, so its commands are ordered by the key.
     */
    private Object orderKey(UserSync user, AmiCommand command) {
        DbKey key = command instanceof AmiCommand.DbPut put ? put.key()
                : command instanceof AmiCommand.DbDel del ? del.key() : null;
        return key != null && names.isDeviceUserKey(key) ? key : user.desiredImage.extension();
    }

    private void onReply(UserSync user, AmiCommand command, AmiReply reply, long sentInEpoch) {
        if (sentInEpoch != epoch) {
            return; // the link was lost meanwhile; the reconnect's full reconcile settles this user
        }
        user.inFlight--;
        if (!reply.success()) {
            switch (Known.classify(command, reply)) {
                case ALREADY_DONE -> {
                }
                case MEMBER_PRESENT -> enforceSeat(user, (AmiCommand.QueueAdd) command);
                case MEMBER_MISSING -> {
                    user.knownQueues.remove(queueOf(command));
                    reconcile(user);
                }
                case FAILED -> fail(user, command, reply);
            }
        }
        if (user.inFlight == 0) {
            // confirms only: a failed entry is sent again by its backoff timer, never straight away
            confirmIfDone(user);
        }
    }

    private void enforceSeat(UserSync user, AmiCommand.QueueAdd add) {
        // "Already there": the member exists with unknown penalty and pause; set both as desired
        send(user, new AmiCommand.QueuePenalty(add.queue(), add.memberInterface(), add.seat().penalty()));
        send(user, new AmiCommand.QueuePause(add.queue(), add.memberInterface(), add.seat().paused(),
                add.seat().reason()));
    }

    private void fail(UserSync user, AmiCommand command, AmiReply reply) {
        failed.increment();
        Known.uncertain(user, command);
        user.failures++;
        user.lastError = command.headers().get("Action") + ": " + reply.message();
        if (user.failures == 1) {
            tell(user.userId, user.desired.version(), false, reason(user));
        }
        if (user.failures == 1 || user.failures % 10 == 0) {
            LOG.warnf("AMI %s: %s for user %d failed (%s); try %d, retrying with backoff", server,
                    command.headers().get("Action"), user.userId, reply.message(), user.failures);
        }
        if (!user.retryScheduled) {
            user.retryScheduled = true;
            long delay = Math.min(retryMax.toMillis(),
                    retryInitial.toMillis() << Math.min(user.failures - 1, 16));
            timer.schedule(() -> planner.execute(() -> {
                user.retryScheduled = false;
                if (users.get(user.userId) == user) {
                    reconcile(user);
                }
            }), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void confirmIfDone(UserSync user) {
        if (user.inFlight > 0 || user.desiredImage == null) {
            return;
        }
        if (ImageDiff.commands(user, user.desiredImage, names, key -> claimedByOther(key, user.userId)).isEmpty()) {
            confirm(user);
        }
    }

    void listen(SyncListener listener) {
        syncListeners.add(listener);
    }

    private void tell(long userId, long version, boolean inSync, String reason) {
        for (SyncListener listener : syncListeners) {
            listener.changed(userId, version, inSync, reason);
        }
    }

    /** Nothing in flight and nothing differs: Asterisk holds the desired state. */
    private void confirm(UserSync user) {
        boolean flipped = user.applied != user.desired || user.lastError != null;
        user.applied = user.desired;
        if (flipped) {
            confirmed.increment();
            tell(user.userId, user.applied.version(), true, null);
        }
        if (user.lastError != null) {
            LOG.infof("AMI %s: user %d back in sync after %d failed tries", server, user.userId, user.failures);
        }
        user.lastError = null;
        user.failures = 0;
    }

    private void onPbxEvent(PbxEvent event) {
        if (echoes.isEcho(event)) {
            return;
        }
        if (event instanceof PbxEvent.DeviceStateChanged change) {
            String ext = names.extensionOfDndDeviceState(change.device());
            if (ext == null) {
                return; // not a lamp the gateway owns
            }
            UserSync user = byExtension.get(ext);
            if (user != null && user.knownDeviceStates.containsKey(change.device())) {
                user.knownDeviceStates.put(change.device(), change.state());
            }
        } else if (event instanceof PbxEvent.MemberPaused pause) {
            String ext = names.extensionOfInterface(pause.memberInterface());
            if (ext == null) {
                return;
            }
            UserSync user = byExtension.get(ext);
            if (user != null) {
                user.knownQueues.computeIfPresent(pause.queue(),
                        (q, seat) -> new QueueSeat(seat.penalty(), pause.paused(), pause.reason()));
            }
        } else if (event instanceof PbxEvent.MemberAdded added) {
            UserSync user = byExtension.get(String.valueOf(names.extensionOfInterface(added.memberInterface())));
            if (user != null && user.knownValid) {
                user.knownQueues.put(added.queue(), new QueueSeat(added.penalty(), added.paused(), added.reason()));
            }
        } else if (event instanceof PbxEvent.MemberRemoved removed) {
            UserSync user = byExtension.get(String.valueOf(names.extensionOfInterface(removed.memberInterface())));
            if (user != null) {
                user.knownQueues.remove(removed.queue());
            }
        }
        phoneListener.accept(event);
    }

    private void onConnected() {
        full.request();
    }

    private void onDisconnected() {
        epoch++;
        reconciledSinceConnect = false;
        users.values().forEach(user -> {
            user.forgetKnown();
            user.applied = null; // unconfirmed until the reconnect's full reconcile has compared again
        });
        LOG.warnf("AMI %s: connection lost; %d users will be reconciled on reconnect", server, users.size());
    }

    /** What one full reconcile read, and when: what was sent before the read started is in what it read. */
    private record FullRead(List<Desire> desires, AsteriskHolds holds, long readSequence, long readEpoch,
            long started) {
    }

    private CompletableFuture<FullRead> readFull() {
        long readSequence = sendSequence;
        long readEpoch = epoch;
        long started = System.nanoTime();
        CompletableFuture<List<Desire>> desires = CompletableFuture.supplyAsync(loadAll, loader);
        // beside the database read, not queued behind it on the loader thread: both take seconds on a cold start
        CompletableFuture<AsteriskHolds> holds = AsteriskHolds.read(link, names, timer);
        desires.thenRun(() -> LOG.debugf("AMI %s: full reconcile: desired states loaded from the database in %d ms",
                server, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
        holds.thenRun(() -> LOG.debugf("AMI %s: full reconcile: what Asterisk holds read in %d ms", server,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
        return desires.thenCombine(holds, (d, h) -> new FullRead(d, h, readSequence, readEpoch, started));
    }

    private void finishFullReconcile(FullRead read) {
        if (read.readEpoch() != epoch) {
            return; // the link dropped while reading; the reconnect asks for a new one
        }
        List<Desire> desires = read.desires();
        int repaired = 0;
        for (Desire desire : desires) {
            UserSync user = users.computeIfAbsent(desire.userId(), UserSync::new);
            setDesired(user, desire.state());
            if (user.lastSentSeq <= read.readSequence()) {
                // nothing was sent for this user after the read: what Asterisk answered is what it holds
                user.setKnown(read.holds().imageOf(user.desired.extension(), names));
            }
            long before = sendSequence;
            reconcile(user);
            if (sendSequence != before) {
                repaired++;
            }
        }
        reconciledSinceConnect = true;
        everReconciled = true;
        LOG.infof("AMI %s: full reconcile of %d users read in %d ms; %d needed repairs", server, desires.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - read.started()), repaired);
    }

    private static String queueOf(AmiCommand command) {
        if (command instanceof AmiCommand.QueueAdd add) {
            return add.queue();
        }
        if (command instanceof AmiCommand.QueuePause pause) {
            return pause.queue();
        }
        if (command instanceof AmiCommand.QueuePenalty penalty) {
            return penalty.queue();
        }
        return command instanceof AmiCommand.QueueRemove remove ? remove.queue() : null;
    }

    @Override
    public void close() {
        planner.shutdownNow();
        link.close();
    }
}
