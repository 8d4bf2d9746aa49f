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

    private final Map<String, ServerSync> syncs = new LinkedHashMap<>();
    private ScheduledExecutorService timer;
    private ExecutorService loader;

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
        Map<String, AmiConfig.Server> targets = new LinkedHashMap<>(config.servers());
        if (targets.isEmpty()) {
            targets.put(config.defaultServer(), simulator.start());
        }
        timer = Executors.newScheduledThreadPool(2, daemon("pbx-timer"));
        loader = Executors.newSingleThreadExecutor(daemon("pbx-loader"));
        targets.forEach((name, server) -> {
            AsteriskJavaLink link = new AsteriskJavaLink(name, server, config, timer);
            ServerSync sync = new ServerSync(name, link, names, () -> load(name), config, timer, loader, registry);
            adoption.listen(sync);
            sync.listen(events::pbxSync);
            syncs.put(name, sync);
            link.connectInBackground(Duration.ofSeconds(5), this::loginRefused);
        });
        long interval = config.reconcileInterval().toMillis();
        timer.scheduleAtFixedRate(() -> syncs.values().forEach(ServerSync::fullReconcile), interval, interval,
                TimeUnit.MILLISECONDS);
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
        if (timer != null) {
            timer.shutdownNow();
            loader.shutdownNow();
        }
        simulator.stop();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DesiredStateChanged change) {
        if (syncs.isEmpty()) {
            return; // still starting: the first full reconcile reads every user from the database
        }
        String server = servers.serverOf(change.server());
        String previous = servers.serverOf(change.previousServer());
        if (!previous.equals(server)) {
            sync(previous).ifPresent(s -> s.withdraw(change.userId(), change.extension()));
        }
        Optional<ServerSync> target = sync(server);
        if (change.desired() == null) {
            target.ifPresent(s -> s.withdraw(change.userId(), change.extension()));
        } else {
            target.ifPresentOrElse(s -> s.desire(change.userId(), change.desired()),
                    () -> LOG.errorf("user %d names server '%s', which is not configured", change.userId(), server));
        }
    }

    /** How far the user's desired state has reached Asterisk. */
    public PbxStatus status(long userId, String pbxServer) {
        String server = servers.serverOf(pbxServer);
        return sync(server).map(s -> s.status(userId).orTimeout(5, TimeUnit.SECONDS).join())
                .orElse(new PbxStatus(server, null, false, "server '" + server + "' is not configured"));
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
