package io.profilegateway.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.Actor;
import io.profilegateway.access.Sight;
import io.profilegateway.access.relationship.OwnerFacts;
import io.profilegateway.access.relationship.RelationshipLog.RelationshipsChanged;
import io.profilegateway.access.relationship.Relationships;
import io.profilegateway.access.relationship.Right;
import io.profilegateway.directory.group.OfficeTransition;
import io.profilegateway.directory.user.User;
import io.profilegateway.switching.PresenceView;
import io.profilegateway.switching.ProfileSwitched;
import io.profilegateway.trigger.TriggerFired;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The live event stream: profile switches, PBX sync changes and office transitions, each sent to every connected
 * client cut to what he may see of the user it is about (the same {@link AccessPolicy} as the REST reads).
 *
 * <p>A switch only hands its event over (a non-blocking offer to a bounded queue, after its commit); one dispatcher
 * thread numbers the events, keeps the last {@code gateway.events.replay} of them for clients that reconnect with
 * {@code Last-Event-ID}, and writes to the clients without waiting for them: a client that has more than
 * {@code gateway.events.client-buffer} events unwritten is dropped. The dispatcher works in rounds (what is waiting,
 * up to {@link #ROUND} tasks): each distinct cut of an event is rendered once into frame bytes, and each client's
 * frames of a round go out as one write. Each client's relationships are read at connect
 * and again after {@code relations-refresh} or any recorded relationship change. Other nodes' switches arrive through
 * {@link EventRelay}.
 */
@ApplicationScoped
public class EventHub {

    private static final Logger LOG = Logger.getLogger(EventHub.class);

    /** At most this many tasks per round before the round's writes go out (bounds the latency they add). */
    static final int ROUND = 256;

    @Inject
    EventsConfig config;

    @Inject
    AccessPolicy access;

    @Inject
    Relationships relationships;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    private final BlockingQueue<Runnable> inbox = new ArrayBlockingQueue<>(100_000);
    private final long firstId = System.currentTimeMillis() * 1000;
    private long lastId = firstId;
    /** Dispatcher thread only, as everything below. */
    private final ArrayDeque<LiveEvent> recent = new ArrayDeque<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    /** Clients with frames queued in this round. */
    private final List<Subscriber> toFlush = new ArrayList<>();
    private Audiences audiences;
    private volatile int connected;
    private Counter dropped;
    private Counter overflow;
    private Thread dispatcher;
    private ScheduledExecutorService heartbeat;

    void onStart(@Observes StartupEvent start) {
        audiences = new Audiences(this::readOwner, this::sightOf, config.relationsRefresh().toNanos());
        dropped = registry.counter("gateway.events.clients.dropped");
        overflow = registry.counter("gateway.events.overflow");
        registry.gauge("gateway.events.clients", this, hub -> hub.connected);
        dispatcher = new Thread(this::dispatch, "event-stream");
        dispatcher.setDaemon(true);
        dispatcher.start();
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-stream-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = config.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(() -> offer(this::beat), every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        offer(() -> {
            subscribers.forEach(Subscriber::close);
            subscribers.clear();
            Thread.currentThread().interrupt();
        });
    }

    // ---- what happens

    void onSwitched(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProfileSwitched switched) {
        publish("profile", switched.userId(), null, switched.presence());
    }

    void onOffice(@Observes OfficeTransition transition) {
        publish("office", null, transition.groupId(), transition);
    }

    /** Trigger firings go to the staff: receptionists and up (who may see whom a trigger switched). */
    void onTrigger(@Observes TriggerFired fired) {
        publish("trigger", null, fired.groupId(), fired);
    }

    void onRelationships(@Observes(during = TransactionPhase.AFTER_SUCCESS) RelationshipsChanged changed) {
        offer(() -> {
            subscribers.forEach(s -> s.stale = true);
            audiences.forget();
        });
    }

    /** Another node switched the user: his presence as the database has it now (the relay calls this). */
    void switchedElsewhere(long userId, PresenceView presence) {
        publish("profile", userId, null, presence);
    }

    /** A user's PBX state went in or out of sync (the reconciler calls this; never blocks). */
    public void pbxSync(long userId, boolean inSync, String reason) {
        publish("pbx-sync", userId, null, new PbxSync(userId, inSync, reason));
    }

    /** The payload of a {@code pbx-sync} event. */
    public record PbxSync(long userId, boolean inSync, String reason) {
    }

    private void publish(String name, Long userId, Long groupId, Object data) {
        offer(() -> dispatch(new LiveEvent(++lastId, name, userId, groupId, data)));
    }

    private void offer(Runnable task) {
        if (!inbox.offer(task)) {
            overflow.increment();
        }
    }

    // ---- clients

    /**
     * Connects a client; with {@code lastEventId} he first gets what he missed, or a {@code reset} if too much. With a
     * {@code sessionKey} the stream lasts only as long as that web session (see {@link #endSessions}).
     */
    public void subscribe(Actor actor, String sessionKey, SseEventSink sink, Sse sse, HttpServerResponse response,
            Long lastEventId) {
        // the sink's first write sends the response head (status, content type): done here, on the request's thread,
        // before the dispatcher writes frames to the same response
        sink.send(sse.newEventBuilder().comment("connected").build()).toCompletableFuture().join();
        Subscriber s = new Subscriber(actor, sessionKey, sink, response, config.clientBuffer());
        offer(() -> {
            subscribers.add(s);
            audiences.joined(s);
            connected = subscribers.size();
            if (lastEventId == null) {
                return;
            }
            if (lastEventId < firstId || lastEventId > lastId
                    || (!recent.isEmpty() && lastEventId < recent.peekFirst().id() - 1)) {
                deliver(s, Frames.event(lastId, "reset", "{\"reason\":\"event " + lastEventId
                        + " is no longer kept: read the current state again\"}"));
                return;
            }
            Map<Long, Optional<OwnerFacts>> owners = new HashMap<>();
            for (LiveEvent e : recent) {
                if (e.id() > lastEventId && !replay(e, s, owners)) {
                    return;
                }
            }
        });
    }

    /** The web sessions behind the open streams of this node (read on the dispatcher thread). */
    public CompletableFuture<Set<String>> sessionKeys() {
        CompletableFuture<Set<String>> keys = new CompletableFuture<>();
        offer(() -> keys.complete(subscribers.stream().map(s -> s.sessionKey).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet())));
        return keys;
    }

    /**
     * The web sessions ended (sign-out, expiry, password change, user deleted): each of their streams gets a last
     * {@code session-ended} event ({@code {"reason": …}}) and then completes.
     */
    public void endSessions(Set<String> sessionKeys, String reason) {
        if (sessionKeys.isEmpty()) {
            return;
        }
        offer(() -> {
            Buffer last = Frames.event(null, "session-ended", render(Map.of("reason", reason)));
            for (Subscriber s : List.copyOf(subscribers)) {
                if (s.sessionKey != null && sessionKeys.contains(s.sessionKey)) {
                    subscribers.remove(s);
                    s.end(last);
                }
            }
            connected = subscribers.size();
        });
    }

    private void dispatch() {
        while (!Thread.currentThread().isInterrupted()) {
            Runnable task;
            try {
                task = inbox.take();
            } catch (InterruptedException e) {
                return;
            }
            int done = 0;
            do {
                run(task);
            } while (++done < ROUND && !Thread.currentThread().isInterrupted() && (task = inbox.poll()) != null);
            flushRound();
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Event stream: an event could not be delivered");
        }
    }

    /** Queues a frame for a client; false when he is gone (he is then dropped). */
    private boolean deliver(Subscriber s, Buffer frame) {
        if (s.queue(frame)) {
            toFlush.add(s);
        }
        if (s.closed) {
            gone(s);
            return false;
        }
        return true;
    }

    /** The round's writes: one per client that got frames. */
    private void flushRound() {
        for (Subscriber s : toFlush) {
            if (!s.flush()) {
                gone(s);
            }
        }
        toFlush.clear();
    }

    private void gone(Subscriber s) {
        if (subscribers.remove(s)) {
            drop(s);
        }
    }

    private void dispatch(LiveEvent event) {
        recent.addLast(event);
        while (recent.size() > config.replay()) {
            recent.removeFirst();
        }
        if (event.userId() == null) {
            Buffer frame = frame(event, event.data());
            for (Subscriber s : List.copyOf(subscribers)) {
                if (mayGet(event, s)) {
                    deliver(s, frame);
                }
            }
        } else {
            Map<Sight, Optional<Buffer>> frames = new HashMap<>();
            for (Audiences.Member m : audiences.of(event.userId(), subscribers)) {
                frames.computeIfAbsent(m.sight(), sight -> frameFor(event, sight))
                        .ifPresent(frame -> deliver(m.subscriber(), frame));
            }
        }
    }

    /** Sends a kept event to one client (who reconnected) as he may see it; false when he is gone. */
    private boolean replay(LiveEvent event, Subscriber s, Map<Long, Optional<OwnerFacts>> owners) {
        if (event.userId() == null) {
            return !mayGet(event, s) || deliver(s, frame(event, event.data()));
        }
        Optional<OwnerFacts> owner = owners.computeIfAbsent(event.userId(), id -> Optional.ofNullable(readOwner(id)));
        if (owner.isEmpty()) {
            return true;
        }
        return frameFor(event, sightOf(s, owner.get())).map(frame -> deliver(s, frame)).orElse(true);
    }

    /** Events about no one user: office transitions to everyone, trigger firings to receptionists and up. */
    private static boolean mayGet(LiveEvent event, Subscriber s) {
        return !event.name().equals("trigger") || s.actor.role().hasReceptionistRights();
    }

    /** The event as a viewer with this sight of its user sees it; empty when he may not see it. */
    private Optional<Buffer> frameFor(LiveEvent event, Sight sight) {
        Object data = switch (event.name()) {
            case "profile" -> sight.may(Right.SEE_PRESENCE_ICON) ? ((PresenceView) event.data()).cutFor(sight) : null;
            case "pbx-sync" -> sight.may(Right.SEE_DETAILED_PRESENCE) ? event.data() : null;
            default -> null;
        };
        return data == null ? Optional.empty() : Optional.of(frame(event, data));
    }

    private Buffer frame(LiveEvent event, Object data) {
        return Frames.event(event.id(), event.name(), render(data));
    }

    private void beat() {
        for (Subscriber s : List.copyOf(subscribers)) {
            deliver(s, Frames.HEARTBEAT);
        }
    }

    private void drop(Subscriber s) {
        connected = subscribers.size();
        if (s.tooSlow) {
            dropped.increment();
            LOG.infof("Event stream: dropped %s's client, which had %d events unwritten (it may reconnect with "
                    + "Last-Event-ID)", s.actor.label(), config.clientBuffer());
        }
    }

    private Sight sightOf(Subscriber s, OwnerFacts owner) {
        long now = System.nanoTime();
        if (s.sights == null || s.stale || now - s.sightsReadAt > config.relationsRefresh().toNanos()) {
            s.stale = false;
            s.sights = QuarkusTransaction.requiringNew().call(() -> access.sights(s.actor,
                    relationships.snapshot(s.actor.userId(), s.actor.groupIds())));
            s.sightsReadAt = now;
        }
        return s.sights.of(owner);
    }

    private OwnerFacts readOwner(long userId) {
        return QuarkusTransaction.requiringNew().call(() -> User.<User>findByIdOptional(userId)
                .map(OwnerFacts::of).orElse(null));
    }

    private String render(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + data.getClass().getSimpleName(), e);
        }
    }
}
