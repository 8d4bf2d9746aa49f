package io.profilegateway.events;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.Actor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connected client: who he is, what his relationships let him see (read again now and then), and his stream.
 *
 * <p>The dispatcher queues ready-made frames ({@link Frames}) and writes a client's queued frames as one write at the
 * end of its round, straight to the HTTP response whose head the {@link SseEventSink} sent. Writes never block: a
 * client with more than the buffer's worth of frames not yet written is dropped.
 */
final class Subscriber {

    final Actor actor;
    /** The web session the stream was opened with ({@code WebSessions}' key), or null (API token, Basic, JWT). */
    final String sessionKey;
    private final SseEventSink sink;
    private final HttpServerResponse response;
    private final int buffer;
    private final AtomicInteger unwritten = new AtomicInteger();
    /** Dispatcher thread only: frames queued in this round, and how many. */
    private Buffer queued;
    private int queuedFrames;
    volatile AccessPolicy.Sights sights;
    volatile long sightsReadAt;
    /** Read the relationships again before the next event. */
    volatile boolean stale;
    volatile boolean closed;
    /** Dropped because he did not read fast enough (not because he went away). */
    volatile boolean tooSlow;

    Subscriber(Actor actor, String sessionKey, SseEventSink sink, HttpServerResponse response, int buffer) {
        this.actor = actor;
        this.sessionKey = sessionKey;
        this.sink = sink;
        this.response = response;
        this.buffer = buffer;
    }

    /**
     * Queues a frame for this round's write.
     *
     * @return true when it is the first frame of the round (the caller remembers to {@link #flush} him), false also
     *     when the client is gone or too slow (see {@link #closed})
     */
    boolean queue(Buffer frame) {
        if (closed || sink.isClosed()) {
            closed = true;
            return false;
        }
        if (unwritten.get() + queuedFrames >= buffer) {
            tooSlow = true;
            close();
            return false;
        }
        boolean first = queued == null;
        if (first) {
            queued = Buffer.buffer(frame.length() * 2);
        }
        queued.appendBuffer(frame);
        queuedFrames++;
        return first;
    }

    /** Writes what was queued this round in one write; false when the client is gone. */
    boolean flush() {
        Buffer bytes = queued;
        int frames = queuedFrames;
        queued = null;
        queuedFrames = 0;
        if (bytes == null) {
            return !closed;
        }
        if (closed) {
            return false;
        }
        unwritten.addAndGet(frames);
        try {
            response.write(bytes).onComplete(done -> {
                unwritten.addAndGet(-frames);
                if (done.failed()) {
                    closed = true;
                }
            });
        } catch (IllegalStateException e) {
            closed = true;
        }
        return !closed;
    }

    /** Writes a last frame and then completes the stream (whether or not the frame could be written). */
    void end(Buffer last) {
        if (closed || sink.isClosed()) {
            closed = true;
            return;
        }
        closed = true;
        queued = null;
        queuedFrames = 0;
        try {
            response.write(last).onComplete(done -> close());
        } catch (IllegalStateException e) {
            close();
        }
    }

    void close() {
        closed = true;
        queued = null;
        queuedFrames = 0;
        try {
            sink.close();
        } catch (RuntimeException e) {
            // already gone
        }
    }
}
