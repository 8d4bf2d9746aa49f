package io.profilegateway.trigger.teams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.profilegateway.pbx.PbxEvent;
import io.profilegateway.pbx.PbxEventTap;
import io.profilegateway.pbx.PbxReconciler;
import io.profilegateway.profile.PresenceType;
import io.profilegateway.switching.DesiredStateChanged;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Teams presence from the PBX: while a user with an Entra id is on a call (a device of his INUSE, BUSY, ONHOLD, and
 * RINGING when configured) or in a DND profile, his Teams presence is set with the gateway's own session
 * (Busy/InACall, DoNotDisturb/Presenting), renewed before it lapses, and cleared when neither holds any longer. Changes
 * within a few milliseconds go together as {@code $batch}es of 20, inside {@link WriteBudget}; Graph failures pause all
 * writes (Retry-After, else backoff) and are logged once. Everything runs on one thread. Off unless
 * {@code gateway.graph.publish.enabled} and a tenant is configured.
 * <p>
 * In a cluster a user's presence is written only by the node that holds his Asterisk server's AMI link
 * ({@link PbxReconciler#holdsLink}); a node that gains a link reads the server's users at once and, from the
 * {@code DeviceStateList} of every (re)connect, the calls already running, so it sets them again (it cannot know how
 * long the former holder's session has left) and clears them when they end. A node that loses a link forgets those
 * users without clearing: their sessions belong to the new holder now.
 */
@ApplicationScoped
public class PresencePublisher {

    private static final Logger LOG = Logger.getLogger(PresencePublisher.class);
    /** Changes arriving within this time are sent together. */
    private static final Duration GATHER = Duration.ofMillis(20);

    @Inject
    GraphConfig config;

    @Inject
    GraphClients clients;

    @Inject
    PublishRoster roster;

    @Inject
    OwnPresence own;

    @Inject
    PbxEventTap tap;

    @Inject
    PbxReconciler links;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private volatile boolean running;
    private ScheduledExecutorService worker;
    private PresenceWrites writes;
    private WriteBudget budget;
    private Timer latency;
    private final Map<Long, PublishedUser> users = new HashMap<>();
    private final Map<String, Set<Long>> byDevice = new HashMap<>();
    private final Map<String, String> deviceStates = new HashMap<>();
    private boolean flushPlanned;
    private Instant pausedUntil = Instant.MIN;
    private int failures;
    private volatile int userCount;

    void onStart(@Observes StartupEvent event) {
        if (!config.publish().enabled()) {
            return;
        }
        if (!clients.configured()) {
            LOG.warn("gateway.graph.publish.enabled is set but gateway.graph.tenant-id is not: Teams presence from "
                    + "the PBX stays off");
            return;
        }
        clients.checkConfiguration();
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "graph-publish");
            t.setDaemon(true);
            return t;
        });
        budget = new WriteBudget(config.throttleLimit(), config.throttleWindow(), config.publish().throttleShare());
        latency = Timer.builder("gateway.graph.publish.latency").publishPercentiles(0.5, 0.95, 0.99)
                .description("PBX device state or profile change to the presence write sent").register(registry);
        io.micrometer.core.instrument.Gauge.builder("gateway.graph.publish.users", this, p -> p.userCount)
                .description("users whose Teams presence the gateway may set").register(registry);
        running = true;
        tap.listen(this::onPbxEvent);
        worker.execute(this::connect);
        LOG.infof("Teams presence from the PBX on: calls set Busy/InACall, DND profiles DoNotDisturb/Presenting "
                + "(session %s, expiration %s)", config.clientId().orElseThrow(), PresenceWrites.clamp(
                config.publish().expiration()));
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /** Whether presence writes are on. */
    public boolean isRunning() {
        return running;
    }

    private void connect() {
        writes = new PresenceWrites(clients.application().credential(), config.baseUrl(),
                config.clientId().orElseThrow(), config.publish().expiration(), config.requestTimeout());
        long refresh = config.publish().rosterRefresh().toMillis();
        worker.scheduleWithFixedDelay(this::refreshRoster, 0, refresh, TimeUnit.MILLISECONDS);
        worker.scheduleWithFixedDelay(this::flush, 1000, 1000, TimeUnit.MILLISECONDS);
    }

    private void onPbxEvent(PbxEvent event) {
        if (!running) {
            return;
        }
        long at = System.nanoTime();
        if (event instanceof PbxEvent.DeviceStateChanged change && change.device() != null) {
            worker.execute(() -> deviceChanged(change.device(), change.state(), at));
        } else if (event instanceof PbxEvent.Connected) {
            worker.execute(this::refreshRoster); // a link gained (or back): its users, before its device states
        } else if (event instanceof PbxEvent.DeviceStatesListed listed) {
            worker.execute(() -> devicesListed(listed, at));
        }
    }

    /**
     * A server's device states as the link found them on (re)connect: every device of its users takes the listed
     * state, or none when not listed, so a call that started or ended while no link was there is seen now.
     */
    private void devicesListed(PbxEvent.DeviceStatesListed listed, long at) {
        Map<String, String> states = new HashMap<>();
        listed.states().forEach((device, state) -> states.put(device.toLowerCase(Locale.ROOT),
                state.toUpperCase(Locale.ROOT)));
        for (PublishedUser user : users.values()) {
            if (!listed.server().equals(user.server) || user.gone) {
                continue;
            }
            for (String device : user.devices) {
                String state = states.get(device);
                if (state == null) {
                    deviceStates.remove(device);
                } else {
                    deviceStates.put(device, state);
                }
            }
            recompute(user, at);
        }
    }

    void onDesiredState(@Observes(during = TransactionPhase.AFTER_SUCCESS) DesiredStateChanged change) {
        if (!running) {
            return;
        }
        long at = System.nanoTime();
        worker.execute(() -> {
            PublishedUser user = users.get(change.userId());
            if (user == null) {
                return; // not (yet) known with an Entra id, or his server's link is held elsewhere
            }
            if (change.desired() == null) {
                user.gone = true;
                unindex(user);
            } else {
                unindex(user);
                user.devices = normalise(change.desired().devices());
                user.dnd = change.desired().presence() != null
                        && change.desired().presence().type() == PresenceType.DND;
                index(user);
            }
            recompute(user, at);
        });
    }

    private void deviceChanged(String device, String state, long at) {
        String key = device.toLowerCase(Locale.ROOT);
        Set<Long> ids = byDevice.get(key);
        if (ids == null) {
            return;
        }
        deviceStates.put(key, state == null ? "UNKNOWN" : state.toUpperCase(Locale.ROOT));
        for (long id : ids) {
            recompute(users.get(id), at);
        }
    }

    private void refreshRoster() {
        List<PublishRoster.Target> targets;
        try {
            targets = roster.load();
        } catch (RuntimeException e) {
            LOG.warnf("Reading the users for Teams presence failed (kept the last list): %s", e.getMessage());
            return;
        }
        long at = System.nanoTime();
        Set<Long> present = new HashSet<>();
        Set<Long> elsewhere = new HashSet<>();
        for (PublishRoster.Target t : targets) {
            if (!links.holdsLink(t.server())) {
                elsewhere.add(t.userId()); // another node holds his server's link: it writes his presence
                continue;
            }
            present.add(t.userId());
            PublishedUser user = users.computeIfAbsent(t.userId(), PublishedUser::new);
            unindex(user);
            user.entraId = t.entraId();
            user.server = t.server();
            user.devices = normalise(t.devices());
            user.dnd = t.dnd();
            user.gone = false;
            index(user);
            recompute(user, at);
        }
        for (Iterator<PublishedUser> it = users.values().iterator(); it.hasNext();) {
            PublishedUser user = it.next();
            if (elsewhere.contains(user.userId)) {
                forget(user, it);
            } else if (!present.contains(user.userId) && !user.gone) {
                user.gone = true; // his session is cleared, then he is forgotten
                unindex(user);
                recompute(user, at);
            }
        }
        deviceStates.keySet().retainAll(byDevice.keySet());
        userCount = present.size();
    }

    private void recompute(PublishedUser user, long at) {
        TeamsPresence wanted = user.wanted(deviceStates, config.publish().ringing());
        if (wanted != user.wanted) {
            user.wanted = wanted;
            user.changedNanos = at;
            user.refused = false;
            if (wanted == null && user.sent == null && user.entraId != null) {
                own.cleared(user.entraId, clock.instant()); // a set that never reached Graph
            }
        }
        if (user.due(clock.instant())) {
            planFlush(GATHER);
        }
    }

    private void planFlush(Duration in) {
        if (!flushPlanned && running) {
            flushPlanned = true;
            worker.schedule(this::flush, Math.max(1, in.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        flushPlanned = false;
        if (writes == null) {
            return;
        }
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.error("Setting Teams presence failed unexpectedly", e);
        }
    }

    private void sendDue() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            planFlush(Duration.between(now, pausedUntil));
            return;
        }
        List<PublishedUser> due = new ArrayList<>();
        Map<String, Boolean> held = new HashMap<>();
        for (Iterator<PublishedUser> it = users.values().iterator(); it.hasNext();) {
            PublishedUser user = it.next();
            if (user.gone && user.sent == null) {
                it.remove();
            } else if (user.server != null && !held.computeIfAbsent(user.server, links::holdsLink)) {
                forget(user, it); // the link went to another node
            } else if (user.entraId != null && user.due(now)) {
                due.add(user);
            }
        }
        int from = 0;
        while (from < due.size()) {
            int size = Math.min(PresenceWrites.MAX_BATCH, due.size() - from);
            if (budget.available() < size) {
                planFlush(budget.waitFor(size));
                registry.counter("gateway.graph.publish.waited").increment();
                return;
            }
            budget.take(size);
            if (!send(due.subList(from, from + size))) {
                planFlush(Duration.between(clock.instant(), pausedUntil));
                return;
            }
            from += size;
        }
    }

    /** Sends one batch; false when Graph failed and writes pause. */
    private boolean send(List<PublishedUser> batch) {
        List<PresenceWrites.Write> list = new ArrayList<>(batch.size());
        for (PublishedUser user : batch) {
            if (user.wanted != null) {
                own.set(user.entraId, user.wanted); // before Graph holds it: a poll meanwhile is an echo too
            }
            list.add(new PresenceWrites.Write(user.entraId, user.wanted));
        }
        long sentNanos = System.nanoTime();
        Map<String, GraphFailure> failed;
        try {
            failed = writes.send(list);
        } catch (GraphFailure failure) {
            pause(failure);
            count(failure.outcome(), batch.size());
            return false;
        }
        Instant now = clock.instant();
        GraphFailure retry = null;
        for (int i = 0; i < batch.size(); i++) {
            PublishedUser user = batch.get(i);
            GraphFailure f = failed.get(list.get(i).entraId());
            if (f == null) {
                applied(user, list.get(i).presence(), now, sentNanos);
            } else if (f.kind() == GraphFailure.Kind.REJECTED) {
                user.refused = true;
                LOG.warnf("Graph refused the Teams presence of user %d: %s", user.userId, f.getMessage());
                count(f.outcome(), 1);
            } else {
                retry = f;
                count(f.outcome(), 1);
            }
        }
        if (retry != null) {
            pause(retry);
            return false;
        }
        if (failures > 0) {
            LOG.info("Setting Teams presence recovered");
            failures = 0;
        }
        return true;
    }

    private void applied(PublishedUser user, TeamsPresence presence, Instant now, long sentNanos) {
        if (user.sent == null && presence != null || presence != null && user.sent != presence) {
            latency.record(Math.max(0, sentNanos - user.changedNanos), TimeUnit.NANOSECONDS);
        }
        user.sent = presence;
        if (presence == null) {
            own.cleared(user.entraId, now);
            user.renewAt = null;
        } else {
            Duration life = writes.expiration();
            Duration before = config.publish().renewBefore();
            user.renewAt = now.plus(before.compareTo(life) < 0 ? life.minus(before) : life.dividedBy(2));
        }
        count("ok", 1);
    }

    private void pause(GraphFailure failure) {
        failures++;
        Duration wait = failure.retryAfter();
        if (wait == null) {
            long base = config.backoffInitial().toMillis() << Math.min(failures - 1, 16);
            long capped = Math.min(base, config.backoffMax().toMillis());
            wait = Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
        }
        pausedUntil = clock.instant().plus(wait);
        if (failures == 1) {
            LOG.warnf("Setting Teams presence failed: %s; trying again in %d ms", failure.getMessage(),
                    wait.toMillis());
        } else {
            LOG.debugf("Setting Teams presence failed again: %s; pause %d ms", failure.getMessage(), wait.toMillis());
        }
    }

    private void count(String outcome, int n) {
        registry.counter("gateway.graph.requests", "kind", "publish", "outcome", outcome).increment(n);
    }

    /**
     * His server's link is held by another node now: no write for him from here, not even a clear (the session is the
     * new holder's; what this node set stays known as the gateway's own to its poller).
     */
    private void forget(PublishedUser user, Iterator<PublishedUser> it) {
        unindex(user);
        it.remove();
    }

    private void index(PublishedUser user) {
        for (String device : user.devices) {
            byDevice.computeIfAbsent(device, k -> new HashSet<>()).add(user.userId);
        }
    }

    private void unindex(PublishedUser user) {
        for (String device : user.devices) {
            Set<Long> ids = byDevice.get(device);
            if (ids != null && ids.remove(user.userId) && ids.isEmpty()) {
                byDevice.remove(device);
            }
        }
    }

    private static List<String> normalise(List<String> devices) {
        return devices == null ? List.of()
                : devices.stream().filter(d -> d != null).map(d -> d.toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
