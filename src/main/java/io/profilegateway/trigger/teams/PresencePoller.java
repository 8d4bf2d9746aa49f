package io.profilegateway.trigger.teams;

import io.profilegateway.common.NodeName;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Polls the Teams presence of this node's users: one batch (≤ 650 ids) at a time, spread evenly over the interval, on
 * a small pool so a slow answer never delays the next slot. A 429 pauses for Retry-After, 5xx / time-outs / a failing
 * token endpoint back off with jitter; polling never stops for good. Answers go to the {@link MeetingTracker}, its
 * decisions to the {@link MeetingSwitcher}. Off when no tenant is configured.
 */
@ApplicationScoped
public class PresencePoller {

    private static final Logger LOG = Logger.getLogger(PresencePoller.class);
    private static final int MAX_IN_FLIGHT = 8;

    @Inject
    GraphConfig config;

    @Inject
    GraphClients clients;

    @Inject
    TeamsRoster roster;

    @Inject
    PollLeases leases;

    @Inject
    MeetingSwitcher switcher;

    @Inject
    PresenceSubscriptions subscriptions;

    @Inject
    OwnPresence own;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private volatile boolean running;
    private volatile PollTargets targets;
    private volatile GraphPresence graph;
    private MeetingTracker tracker;
    private PollStatus status;
    private volatile RosterRefresher refresher;
    private volatile String nodeId;
    private volatile boolean rosterRead;
    private ScheduledExecutorService timer;
    private ExecutorService http;
    private ExecutorService rosterWorker;
    private final Set<List<String>> inFlight = ConcurrentHashMap.newKeySet();
    private int next;

    void onStart(@Observes StartupEvent event) {
        if (!clients.configured()) {
            LOG.info("Teams meeting trigger off: gateway.graph.tenant-id is not set");
            return;
        }
        clients.checkConfiguration();
        nodeId = NodeName.of(config.nodeId());
        if (config.subscriptions().enabled()) {
            subscriptions.start();
        }
        tracker = new MeetingTracker(config.holdDown());
        status = new PollStatus(config.backoffInitial(), config.backoffMax(), config.throttleWindow());
        targets = PollTargets.none(config.pollInterval());
        timer = Executors.newSingleThreadScheduledExecutor(daemon("graph-poll-timer"));
        http = Executors.newFixedThreadPool(MAX_IN_FLIGHT, daemon("graph-poll"));
        rosterWorker = Executors.newSingleThreadExecutor(daemon("graph-roster"));
        Gauge.builder("gateway.graph.polled.users", this, p -> p.targets.polledUsers()).register(registry);
        Gauge.builder("gateway.graph.poll.interval", this, p -> p.currentInterval().toMillis() / 1000.0)
                .baseUnit("seconds").register(registry);
        Gauge.builder("gateway.graph.poll.failures.consecutive", this, p -> p.status.consecutiveFailures())
                .register(registry);
        running = true;
        // the Graph SDK is large: build its client off the start-up path, then refresh and poll
        rosterWorker.execute(this::connect);
    }

    private void connect() {
        graph = new GraphPresence(clients.application());
        refresher = new RosterRefresher(config, roster, leases, graph, tracker, registry, clock, nodeId);
        targets = PollTargets.none(refresher.configuredInterval());
        timer.scheduleWithFixedDelay(() -> rosterWorker.execute(this::refreshRoster), 0,
                config.rosterRefresh().toMillis(), TimeUnit.MILLISECONDS);
        timer.execute(this::tick);
        LOG.infof("Teams meeting trigger on: polling Graph as node %s", nodeId);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        subscriptions.stop();
        timer.shutdownNow();
        http.shutdownNow();
        rosterWorker.shutdownNow();
        try {
            leases.release(nodeId);
        } catch (RuntimeException e) {
            LOG.debugf("leases not released (they expire by themselves): %s", e.getMessage());
        }
    }

    /** Whether polling runs (a tenant is configured and the service has started). */
    public boolean isRunning() {
        return running;
    }

    /** Whether the Graph client is built and the roster read at least once. */
    boolean connected() {
        return graph != null && refresher != null && rosterRead;
    }

    PollStatus status() {
        return status;
    }

    PollTargets targets() {
        return targets;
    }

    MeetingTracker tracker() {
        return tracker;
    }

    /** The application credential; empty while the client is still being built. */
    Optional<RenewableCredential> credential() {
        GraphPresence g = graph;
        return g == null ? Optional.empty() : Optional.of(g.credential());
    }

    /** The interval in force: planned, doubled for a while after a 429. */
    Duration currentInterval() {
        return targets.interval().multipliedBy(status.penalty(clock.instant()));
    }

    /** Reads the presence of these users now (after change notifications), outside the regular slots. */
    void readNow(List<String> entraIds) {
        if (!running) {
            return;
        }
        PollTargets t = targets;
        List<String> known = entraIds.stream().map(id -> id.toLowerCase(Locale.ROOT))
                .filter(t.userByEntraId()::containsKey).distinct().toList();
        PollPlan.batches(known, GraphPresence.MAX_IDS).forEach(batch -> http.execute(() -> poll(batch, t)));
    }

    private void refreshRoster() {
        if (!running) {
            return;
        }
        try {
            targets = refresher.refresh();
            rosterRead = true;
            if (config.subscriptions().enabled()) {
                subscriptions.syncSoon(List.copyOf(targets.userByEntraId().keySet()));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Refreshing the Teams poll list failed (kept the last one): %s", e.getMessage());
        }
    }

    private void tick() {
        if (!running) {
            return;
        }
        Duration wait;
        try {
            wait = sendNext();
        } catch (RuntimeException e) {
            LOG.error("Teams polling slot failed", e);
            wait = Duration.ofSeconds(1);
        }
        if (running) {
            timer.schedule(this::tick, Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private Duration sendNext() {
        Duration pause = status.pauseLeft(clock.instant());
        if (!pause.isZero()) {
            return pause;
        }
        PollTargets t = targets;
        Duration interval = currentInterval();
        if (t.batches().isEmpty()) {
            return interval.compareTo(Duration.ofSeconds(1)) < 0 ? interval : Duration.ofSeconds(1);
        }
        List<String> batch = t.batches().get(Math.floorMod(next++, t.batches().size()));
        if (inFlight.size() < MAX_IN_FLIGHT && inFlight.add(batch)) {
            http.execute(() -> {
                try {
                    poll(batch, t);
                } finally {
                    inFlight.remove(batch);
                }
            });
        } else {
            registry.counter("gateway.graph.poll.skipped").increment();
        }
        return interval.dividedBy(t.batches().size());
    }

    private void poll(List<String> batch, PollTargets t) {
        List<PresenceReading> readings;
        try {
            readings = graph.read(batch);
        } catch (GraphFailure failure) {
            failed(failure);
            return;
        } catch (RuntimeException e) {
            failed(new GraphFailure(GraphFailure.Kind.UNREACHABLE, 0, null, "Graph request failed unexpectedly"));
            LOG.debug("unexpected Graph failure", e);
            return;
        }
        long arrived = System.nanoTime();
        boolean recovered = status.consecutiveFailures() > 0;
        status.success(clock.instant());
        registry.counter("gateway.graph.requests", "kind", "presence", "outcome", "ok").increment();
        if (recovered) {
            LOG.info("Graph presence polling recovered");
        }
        Instant now = clock.instant();
        for (PresenceReading reading : readings) {
            Long userId = reading.entraId() == null ? null
                    : t.userByEntraId().get(reading.entraId().toLowerCase(Locale.ROOT));
            if (userId != null && own.isEcho(reading.entraId(), reading.availability(), reading.activity(), now)) {
                registry.counter("gateway.graph.presence.own").increment();
            } else if (userId != null) {
                tracker.observe(userId, reading.activity(), now).ifPresent(d -> act(d, arrived));
            }
        }
    }

    private void failed(GraphFailure failure) {
        boolean first = status.consecutiveFailures() == 0;
        Duration pause = status.failure(failure, clock.instant());
        registry.counter("gateway.graph.requests", "kind", "presence", "outcome", failure.outcome()).increment();
        if (first) {
            LOG.warnf("Graph presence polling failed: %s; trying again in %d ms", failure.getMessage(),
                    pause.toMillis());
        } else {
            LOG.debugf("Graph presence polling failed again: %s; pause %d ms", failure.getMessage(), pause.toMillis());
        }
    }

    private void act(Decision decision, long arrivedNanos) {
        if (decision.kind() != Decision.Kind.DEFER) {
            switcher.dispatch(decision, tracker, arrivedNanos);
            return;
        }
        long delay = Math.max(1, Duration.between(clock.instant(), decision.notBefore()).toMillis());
        timer.schedule(() -> {
            Optional<Decision> again = tracker.reevaluate(decision.userId(), clock.instant());
            again.filter(d -> d.kind() != Decision.Kind.DEFER)
                    .ifPresent(d -> switcher.dispatch(d, tracker, System.nanoTime()));
        }, delay, TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
