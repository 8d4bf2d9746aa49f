package io.profilegateway.pbx;

import io.micrometer.core.instrument.MeterRegistry;
import io.profilegateway.common.StartupProblem;
import io.profilegateway.events.EventHub;
import io.profilegateway.pbx.ami.AsteriskJavaLink;
import io.profilegateway.switching.DesiredStateChanged;
import io.profilegateway.switching.DesiredStates;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Connects to every configured Asterisk server (or starts the simulator in dev and tests) and keeps each in line
 * with the desired state of its users: after every committed change, on every (re)connect and periodically.
 */
@ApplicationScoped
public class PbxReconciler {

    private static final Logger LOG = Logger.getLogger(PbxReconciler.class);

    @Inject
    AmiConfig config;

    @Inject
    PbxNames names;

    @Inject
    PbxServers servers;

    @Inject
    DesiredStates desiredStates;

    @Inject
    SimulatorLauncher simulator;

    @Inject
    PbxAdoption adoption;

    @Inject
    MeterRegistry registry;

    @Inject
    EventHub events;

    @Inject
    PbxLinkLeases leases;

    @Inject
    PbxChanges changes;

    @Inject
    AppliedVersions appliedVersions;

    @Inject
    PbxNode node;

    @Inject
    PbxEventTap tap;

    /** Leases are about real time, whatever clock the rest of the gateway is given (tests move theirs). */
    private final java.time.Clock clock = java.time.Clock.systemUTC();

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** Every configured server (or the simulator), by name. */
    private final Map<String, AmiConfig.Server> targets = new LinkedHashMap<>();
    /** The servers whose AMI link this node holds (cluster: one node per server, {@link LinkOwnership}). */
    private final Map<String, ServerSync> syncs = new java.util.concurrent.ConcurrentSkipListMap<>();
    private ScheduledExecutorService timer;
    private ExecutorService loader;
    private LinkOwnership ownership;
    private ChangeFeed feed;
    private volatile boolean started;

    /**
     * The AMI settings, checked before anything else starts (Quarkus' scheduler starts at priority 0, and a job that
     * runs into a start being torn down fails with a stack trace): a missing or wrong one ends the start in one line.
     */
    void checkSettings(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 100) StartupEvent event) {
        names.checkPatterns();
        if (config.servers().isEmpty()) {
            if (!config.simulator().enabled()) {
                String key = "gateway.ami.servers." + config.defaultServer();
                String env = environmentName(key);
                throw new StartupProblem("No Asterisk server is configured: set " + key + ".host, " + key
                        + ".username and " + key + ".secret (environment " + env + "_HOST, " + env + "_USERNAME, "
                        + env + "_SECRET; the port is 5038 unless " + key + ".port says otherwise) in the environment"
                        + " or in config/application.properties; see README, 'Connect Asterisk'.");
            }
        } else if (!config.servers().containsKey(config.defaultServer())) {
            throw new StartupProblem("gateway.ami.default-server is '" + config.defaultServer()
                    + "', which is not one of the configured servers " + config.servers().keySet()
                    + ": set it to one of them (environment GATEWAY_AMI_DEFAULT_SERVER).");
        }
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        targets.putAll(config.servers());
        if (targets.isEmpty()) {
            targets.put(config.defaultServer(), simulator.start());
        }
        timer = Executors.newScheduledThreadPool(2, daemon("pbx-timer"));
        loader = Executors.newSingleThreadExecutor(daemon("pbx-loader"));
        appliedVersions.start();
        feed = new ChangeFeed(changes, desiredStates, node.id(), config.cluster().changePoll(), this::onRemoteChanges);
        // an embedded database (H2) is held by one process: no other node can exist, not even a killed one's lease
        boolean alone = "h2".equals(dbKind);
        ownership = new LinkOwnership(leases, node.id(), config.cluster().leaseDuration(), alone, clock, this::connect,
                this::disconnect);
        ownership.renew(targets.keySet()); // at once: a single node holds every link before it reports ready
        long renew = ownership.renewEvery().toMillis();
        timer.scheduleWithFixedDelay(this::renewLeases, renew, renew, TimeUnit.MILLISECONDS);
        long interval = config.reconcileInterval().toMillis();
        timer.scheduleAtFixedRate(() -> syncs.values().forEach(ServerSync::fullReconcile), interval, interval,
                TimeUnit.MILLISECONDS);
        started = true;
    }

    private void renewLeases() {
        try {
            ownership.renew(targets.keySet());
        } catch (RuntimeException e) {
            LOG.warnf("AMI: renewing the link leases failed: %s", e.getMessage());
        }
    }

    /** This node holds {@code name}'s link now: connect, and read the others' changes from now on. */
    private void connect(String name) {
        feed.activate(); // before the connect's full reconcile reads the database: no change falls in between
        AsteriskJavaLink link = new AsteriskJavaLink(name, targets.get(name), config, timer);
        ServerSync sync = new ServerSync(name, link, names, () -> load(name), config, timer, loader, registry);
        adoption.listen(sync);
        sync.listen((userId, version, inSync, reason) -> events.pbxSync(userId, inSync, reason));
        sync.listen((userId, version, inSync, reason) -> appliedVersions.note(userId, name, version, inSync, reason));
        link.onEvent(tap::publish);
        syncs.put(name, sync);
        link.connectInBackground(Duration.ofSeconds(5), this::loginRefused);
    }

    /** Another node holds {@code name}'s link now (or this one could not renew its lease): stop driving it. */
    private void disconnect(String name, String why) {
        LOG.warnf("AMI %s: node %s gives the AMI link up: %s", name, node.id(), why);
        ServerSync sync = syncs.remove(name);
        if (sync != null) {
            sync.close();
        }
        if (syncs.isEmpty()) {
            feed.deactivate();
        }
    }

    /** Users whose desired state another node changed, with their states as the database has them now. */
    private void onRemoteChanges(java.util.Set<Long> userIds, Map<Long, DesiredStates.Entry> entries) {
        syncs.forEach((name, sync) -> {
            for (long userId : userIds) {
                DesiredStates.Entry entry = entries.get(userId);
                if (entry != null && servers.serverOf(entry.server()).equals(name)) {
                    sync.desireIfNewer(userId, entry.state());
                } else {
                    sync.withdrawIfKnown(userId);
                }
            }
        });
    }

    /**
     * Asterisk refused the very first login of a server: a wrong user or secret, which no retry mends. The gateway says
     * so in one line and exits (a link that was up once keeps reconnecting instead: asterisk-java retries by itself).
     */
    private void loginRefused(String server, String why) {
        String key = "gateway.ami.servers." + server;
        String env = environmentName(key);
        LOG.errorf("AMI %s: Asterisk refused the login (%s): set %s.username and %s.secret (environment %s_USERNAME,"
                + " %s_SECRET) to an AMI user of that Asterisk's manager.conf; see README, 'Connect Asterisk'. Exiting.",
                server, why, key, key, env, env);
        Quarkus.asyncExit(1);
    }

    /** Quarkus' environment variable for a configuration key: {@code gateway.ami.servers.main} → GATEWAY_AMI_SERVERS_MAIN. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    void onStop(@Observes ShutdownEvent event) {
        syncs.values().forEach(ServerSync::close);
        syncs.clear();
        if (timer != null) {
            timer.shutdownNow();
            loader.shutdownNow();
            feed.close();
            ownership.release();
            appliedVersions.stop();
        }
        simulator.stop();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DesiredStateChanged change) {
        if (!started || syncs.isEmpty()) {
            // still starting (the first full reconcile reads every user from the database), or another node holds
            // the links: it reads this change from the change log
            return;
        }
        String server = servers.serverOf(change.server());
        String previous = servers.serverOf(change.previousServer());
        if (!previous.equals(server)) {
            sync(previous).ifPresent(s -> s.withdraw(change.userId(), change.extension()));
        }
        Optional<ServerSync> target = sync(server);
        if (change.desired() == null) {
            target.ifPresent(s -> s.withdraw(change.userId(), change.extension()));
        } else if (target.isPresent()) {
            target.get().desire(change.userId(), change.desired());
        } else if (!targets.containsKey(server)) {
            LOG.errorf("user %d names server '%s', which is not configured", change.userId(), server);
        }
    }

    /**
     * How far the user's desired state, at {@code desiredVersion} in the database now, has reached Asterisk: from the
     * link itself on the node that holds it, else from what that node wrote down ({@link AppliedVersions}).
     */
    public PbxStatus status(long userId, String pbxServer, long desiredVersion) {
        String server = servers.serverOf(pbxServer);
        if (!targets.containsKey(server)) {
            return new PbxStatus(server, null, null, false, "server '" + server + "' is not configured", null);
        }
        Optional<ServerSync> sync = sync(server);
        if (sync.isPresent()) {
            PbxStatus local = sync.get().status(userId).orTimeout(5, TimeUnit.SECONDS).join();
            return new PbxStatus(server, local.applied(), local.appliedVersion(), local.inSync(), local.reason(),
                    node.id()).against(desiredVersion);
        }
        Optional<PbxLinkLeases.Holder> holder = ownership.holder(server)
                .filter(h -> h.expiresAt() != null && h.expiresAt().isAfter(clock.instant()));
        if (holder.isEmpty()) {
            return new PbxStatus(server, null, null, false, "no gateway node holds the AMI link of server '" + server
                    + "'", null);
        }
        String holderNode = holder.get().nodeId();
        return appliedVersions.of(userId).filter(a -> a.server().equals(server))
                .map(a -> new PbxStatus(server, null, a.version(), a.inSync(), a.inSync() ? null : a.reason(),
                        holderNode))
                .orElse(new PbxStatus(server, null, null, false, "not yet applied", holderNode))
                .against(desiredVersion);
    }

    /** The node that holds {@code server}'s AMI link as far as this node knows (readiness). */
    Optional<String> linkHolder(String server) {
        return ownership == null ? Optional.empty() : ownership.holder(server)
                .filter(h -> h.expiresAt() != null && h.expiresAt().isAfter(clock.instant()))
                .map(PbxLinkLeases.Holder::nodeId);
    }

    /**
     * Whether this node holds {@code pbxServer}'s AMI link now (cluster: one node per server), for features that must
     * act for a server's users on one node only, such as Teams presence from the PBX.
     */
    public boolean holdsLink(String pbxServer) {
        return syncs.containsKey(servers.serverOf(pbxServer));
    }

    Set<String> configuredServers() {
        return targets.keySet();
    }

    /** Starts a full reconcile of every server now (also runs on every reconnect and periodically). */
    public void reconcileAll() {
        syncs.values().forEach(ServerSync::fullReconcile);
    }

    /**
     * Every entry of an AstDB family on a server ({@code DBGetTree}), for readers outside the reconcile such as the
     * directory import; fails when the server is not configured or its link is down.
     */
    public java.util.concurrent.CompletionStage<Map<DbKey, String>> readTree(String pbxServer, String family) {
        String server = servers.serverOf(pbxServer);
        return sync(server).map(s -> s.link().readTree(family)).orElseGet(() -> java.util.concurrent.CompletableFuture
                .failedFuture(new IllegalStateException("server '" + server + "' is not configured")));
    }

    /** Every PJSIP endpoint of a server, for the directory import; fails as {@link #readTree} does. */
    public java.util.concurrent.CompletionStage<List<PjsipEndpoint>> readEndpoints(String pbxServer) {
        String server = servers.serverOf(pbxServer);
        return sync(server).map(s -> s.link().readEndpoints()).orElseGet(() -> java.util.concurrent.CompletableFuture
                .failedFuture(new IllegalStateException("server '" + server + "' is not configured")));
    }

    Map<String, ServerSync> syncs() {
        return syncs;
    }

    private Optional<ServerSync> sync(String server) {
        return Optional.ofNullable(syncs.get(server));
    }

    private List<ServerSync.Desire> load(String server) {
        return desiredStates.all().stream().filter(e -> servers.serverOf(e.server()).equals(server))
                .map(e -> new ServerSync.Desire(e.userId(), e.state())).toList();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
