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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The live event stream: profile switches, PBX sync changes and office transitions, each sent to every connected
 * client cut to what he may see of the user it is about (the same {@link AccessPolicy} as the REST reads).
 *
 * <p>A switch only hands its event over (a non-blocking offer to a bounded queue, after its commit); one dispatcher
 * thread numbers the events, keeps the last {@code gateway.events.replay} of them for clients that reconnect with
 * {@code Last-Event-ID}, and writes to the clients without waiting for them: a client that has more than
 * {@code gateway.events.client-buffer} events unwritten is dropped. Each client's relationships are read at connect
 * and again after {@code relations-refresh} or any recorded relationship change. Other nodes' switches arrive through
 * {@link EventRelay}.
 */
@ApplicationScoped
public class EventHub {

    private static final Logger LOG = Logger.getLogger(EventHub.class);

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
    private Audiences audiences;
    private volatile int connected;
    private Counter dropped;
    private Counter overflow;
    private Thread dispatcher;
    private ScheduledExecutorService heartbeat;

    private volatile Sse sse;

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

    /** Connects a client; with {@code lastEventId} he first gets what he missed, or a {@code reset} if too much. */
    public void subscribe(Actor actor, SseEventSink sink, Sse sse, Long lastEventId) {
        subscribe(actor, null, sink, sse, lastEventId);
    }

    /**
     * Connects a client whose stream lasts only as long as the web session {@code sessionKey} (null: no session):
     * see {@link #endSessions}.
     */
    public void subscribe(Actor actor, String sessionKey, SseEventSink sink, Sse sse, Long lastEventId) {
        // the first write sends the response head: done here, on the request's thread, before any other thread writes
        sink.send(sse.newEventBuilder().comment("connected").build()).toCompletableFuture().join();
        this.sse = sse;
        Subscriber s = new Subscriber(actor, sessionKey, sink, sse, config.clientBuffer());
        offer(() -> {
            subscribers.add(s);
            audiences.joined(s);
            connected = subscribers.size();
            if (lastEventId == null) {
                return;
            }
            if (lastEventId < firstId || lastEventId > lastId
                    || (!recent.isEmpty() && lastEventId < recent.peekFirst().id() - 1)) {
                s.send(sse.newEventBuilder().id(Long.toString(lastId)).name("reset").data("{\"reason\":\"event "
                        + lastEventId + " is no longer kept: read the current state again\"}").build());
                return;
            }
            Map<Long, Optional<OwnerFacts>> owners = new HashMap<>();
            for (LiveEvent e : recent) {
                if (e.id() > lastEventId && !replay(e, s, owners)) {
                    subscribers.remove(s);
                    drop(s);
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
            OutboundSseEvent last = sse == null ? null : sse.newEventBuilder().name("session-ended")
                    .data(render(Map.of("reason", reason))).build();
            for (Iterator<Subscriber> it = subscribers.iterator(); it.hasNext();) {
                Subscriber s = it.next();
                if (s.sessionKey != null && sessionKeys.contains(s.sessionKey)) {
                    it.remove();
                    s.end(last);
                }
            }
            connected = subscribers.size();
        });
    }

    private void dispatch() {
        while (true) {
            try {
                inbox.take().run();
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Event stream: an event could not be delivered");
            }
        }
    }

    private void dispatch(LiveEvent event) {
        recent.addLast(event);
        while (recent.size() > config.replay()) {
            recent.removeFirst();
        }
        List<Subscriber> gone = new ArrayList<>();
        if (event.userId() == null) {
            OutboundSseEvent frame = frame(event, event.data());
            for (Subscriber s : subscribers) {
                if (mayGet(event, s) && !s.send(frame)) {
                    gone.add(s);
                }
            }
        } else {
            Map<Sight, Optional<OutboundSseEvent>> frames = new HashMap<>();
            for (Audiences.Member m : audiences.of(event.userId(), subscribers)) {
                Optional<OutboundSseEvent> frame = frames.computeIfAbsent(m.sight(), sight -> frameFor(event, sight));
                if (frame.isPresent() && !m.subscriber().send(frame.get())) {
                    gone.add(m.subscriber());
                }
            }
        }
        for (Subscriber s : gone) {
            subscribers.remove(s);
            drop(s);
        }
    }

    /** Sends a kept event to one client (who reconnected) as he may see it; false when he is gone. */
    private boolean replay(LiveEvent event, Subscriber s, Map<Long, Optional<OwnerFacts>> owners) {
        if (event.userId() == null) {
            return !mayGet(event, s) || s.send(frame(event, event.data()));
        }
        Optional<OwnerFacts> owner = owners.computeIfAbsent(event.userId(), id -> Optional.ofNullable(readOwner(id)));
        if (owner.isEmpty()) {
            return true;
        }
        return frameFor(event, sightOf(s, owner.get())).map(s::send).orElse(true);
    }

    /** Events about no one user: office transitions to everyone, trigger firings to receptionists and up. */
    private static boolean mayGet(LiveEvent event, Subscriber s) {
        return !event.name().equals("trigger") || s.actor.role().hasReceptionistRights();
    }

    /** The event as a viewer with this sight of its user sees it; empty when he may not see it. */
    private Optional<OutboundSseEvent> frameFor(LiveEvent event, Sight sight) {
        Object data = switch (event.name()) {
            case "profile" -> sight.may(Right.SEE_PRESENCE_ICON) ? ((PresenceView) event.data()).cutFor(sight) : null;
            case "pbx-sync" -> sight.may(Right.SEE_DETAILED_PRESENCE) ? event.data() : null;
            default -> null;
        };
        return data == null ? Optional.empty() : Optional.of(frame(event, data));
    }

    private OutboundSseEvent frame(LiveEvent event, Object data) {
        return sse.newEventBuilder().id(Long.toString(event.id())).name(event.name()).data(render(data)).build();
    }

    private void beat() {
        for (Iterator<Subscriber> it = subscribers.iterator(); it.hasNext();) {
            Subscriber s = it.next();
            if (!s.comment("heartbeat")) {
                it.remove();
                drop(s);
            }
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
