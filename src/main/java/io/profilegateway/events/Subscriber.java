package io.profilegateway.events;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.Actor;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connected client: who he is, what his relationships let him see (read again now and then), and his stream.
 * Sends never block: a client with more than the buffer's worth of events not yet written is dropped.
 */
final class Subscriber {

    final Actor actor;
    /** The web session the stream was opened with ({@code WebSessions}' key), or null (API token, Basic, JWT). */
    final String sessionKey;
    private final SseEventSink sink;
    private final Sse sse;
    private final int buffer;
    private final AtomicInteger unsent = new AtomicInteger();
    volatile AccessPolicy.Sights sights;
    volatile long sightsReadAt;
    /** Read the relationships again before the next event. */
    volatile boolean stale;
    volatile boolean closed;
    /** Dropped because he did not read fast enough (not because he went away). */
    volatile boolean tooSlow;

    Subscriber(Actor actor, String sessionKey, SseEventSink sink, Sse sse, int buffer) {
        this.actor = actor;
        this.sessionKey = sessionKey;
        this.sink = sink;
        this.sse = sse;
        this.buffer = buffer;
    }

    boolean comment(String text) {
        return send(sse.newEventBuilder().comment(text).build());
    }

    /** @return false when the client is gone or too slow and has been dropped */
    boolean send(OutboundSseEvent event) {
        if (closed || sink.isClosed()) {
            closed = true;
            return false;
        }
        if (unsent.incrementAndGet() > buffer) {
            tooSlow = true;
            close();
            return false;
        }
        sink.send(event).whenComplete((ok, failure) -> {
            unsent.decrementAndGet();
            if (failure != null) {
                closed = true;
            }
        });
        return true;
    }

    /** Sends a last event and then completes the stream (whether or not the event could be written). */
    void end(OutboundSseEvent last) {
        if (closed || sink.isClosed()) {
            closed = true;
            return;
        }
        closed = true;
        sink.send(last).whenComplete((ok, failure) -> close());
    }

    void close() {
        closed = true;
        try {
            sink.close();
        } catch (RuntimeException e) {
            // already gone
        }
    }
}
