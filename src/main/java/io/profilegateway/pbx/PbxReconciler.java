package io.profilegateway.pbx;

import io.micrometer.core.instrument.MeterRegistry;
import io.profilegateway.events.EventHub;
import io.profilegateway.pbx.ami.AsteriskJavaLink;
import io.profilegateway.switching.DesiredStateChanged;
import io.profilegateway.switching.DesiredStates;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
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

    void onStart(@Observes @Priority(100) StartupEvent event) {
        names.checkPatterns();
        Map<String, AmiConfig.Server> targets = new LinkedHashMap<>(config.servers());
        if (targets.isEmpty()) {
            if (!config.simulator().enabled()) {
                throw new IllegalStateException("No Asterisk server is configured. Set gateway.ami.servers."
                        + config.defaultServer() + ".host, .port, .username and .secret (environment: GATEWAY_AMI_"
                        + "SERVERS_" + config.defaultServer().toUpperCase() + "_HOST etc.); see README, 'Connect Asterisk'.");
            }
            targets.put(config.defaultServer(), simulator.start());
        }
        if (!targets.containsKey(config.defaultServer())) {
            throw new IllegalStateException("gateway.ami.default-server '" + config.defaultServer()
                    + "' is not one of the configured servers " + targets.keySet());
        }
        timer = Executors.newScheduledThreadPool(2, daemon("pbx-timer"));
        loader = Executors.newSingleThreadExecutor(daemon("pbx-loader"));
        targets.forEach((name, server) -> {
            AsteriskJavaLink link = new AsteriskJavaLink(name, server, config, timer);
            ServerSync sync = new ServerSync(name, link, names, () -> load(name), config, timer, loader, registry);
            adoption.listen(sync);
            sync.listen(events::pbxSync);
            syncs.put(name, sync);
            link.connectInBackground(Duration.ofSeconds(5));
        });
        long interval = config.reconcileInterval().toMillis();
        timer.scheduleAtFixedRate(() -> syncs.values().forEach(ServerSync::fullReconcile), interval, interval,
                TimeUnit.MILLISECONDS);
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
