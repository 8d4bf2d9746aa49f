package io.profilegateway.pbx.simulator;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One AMI connection. A reader thread parses actions and runs them one after the other (as Asterisk does per
 * session), collecting the replies in a buffer that goes to the {@link SessionWriter} when no more input is waiting;
 * events from other threads go straight to the writer, or, while this session is in the middle of a batch, after
 * the batch's replies (as Asterisk sends an action's events after its response).
 */
final class AmiSession {

    private static final System.Logger LOG = System.getLogger(AmiSession.class.getName());
    private static final AtomicLong IDS = new AtomicLong();
    private static final int FLUSH_THRESHOLD = 32 * 1024;

    private final AmiSimulator sim;
    private final Socket socket;
    private final long id = IDS.incrementAndGet();
    private final long startedMillis = System.currentTimeMillis();
    private final AmiInput input;
    private final SessionWriter writer;
    private final OutputBuffer out = new OutputBuffer();
    private final Object eventLock = new Object();
    private final List<byte[]> deferred = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean processing;

    private volatile boolean authenticated;
    private volatile int eventMask = -1;
    private volatile String username;
    private String challenge;

    AmiSession(AmiSimulator sim, Socket socket) throws IOException {
        this.sim = sim;
        this.socket = socket;
        this.input = new AmiInput(socket.getInputStream(), this::flushBatch);
        this.writer = new SessionWriter(socket.getOutputStream(), this::writerStopped);
    }

    /** Sends the banner and starts the reader and writer threads. */
    void start() {
        writer.enqueue(("Asterisk Call Manager/" + sim.config().amiVersion() + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        Thread w = new Thread(writer, "ami-sim-" + id + "-writer");
        w.setDaemon(true);
        w.start();
        Thread r = new Thread(this::readLoop, "ami-sim-" + id + "-reader");
        r.setDaemon(true);
        r.start();
    }

    private void readLoop() {
        try {
            while (!closed.get()) {
                AmiInput.Received received = input.readMessage();
                if (received == null) {
                    break;
                }
                beginAction();
                boolean keepOpen = sim.dispatcher().process(this, received);
                endAction();
                if (!keepOpen) {
                    break;
                }
                if (out.size() >= FLUSH_THRESHOLD) {
                    flushBatch();
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "AMI session " + id + " lost: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "AMI session " + id + " failed", e);
        } finally {
            closed.set(true);
            flushBatch();
            writer.closeAfterDrain();
        }
    }

    // ---------------------------------------------------------------------------------------------- replies

    /** Appends a reply to the current batch. */
    void reply(AmiMessage message) {
        out.write(message);
    }

    /** Appends {@code Response: Success}, the ActionID and {@code Message}. */
    void ack(AmiMessage action, String message) {
        reply(AmiMessage.response("Success", action.value("ActionID")).add("Message", message));
    }

    /** Appends {@code Response: Error}, the ActionID and {@code Message}. */
    void error(AmiMessage action, String message) {
        reply(AmiMessage.response("Error", action.value("ActionID")).add("Message", message));
    }

    /** Appends the start of a list answer ({@code astman_send_listack}). */
    void listAck(AmiMessage action, String message) {
        reply(AmiMessage.response("Success", action.value("ActionID"))
                .add("EventList", "start")
                .add("Message", message));
    }

    /** Appends a list item event, adding the action's ActionID. */
    void listItem(AmiMessage action, AmiMessage event) {
        reply(event.addIfPresent("ActionID", action.value("ActionID")));
    }

    /** Appends the end of a list answer ({@code astman_send_list_complete}). */
    void listComplete(AmiMessage action, String eventName, int count) {
        reply(AmiMessage.event(eventName)
                .addIfPresent("ActionID", action.value("ActionID"))
                .add("EventList", "Complete")
                .add("ListItems", count));
    }

    /** Hands the current batch, followed by events that arrived meanwhile, to the writer. */
    void flushBatch() {
        synchronized (eventLock) {
            moveDeferredLocked();
            processing = false;
            if (out.size() > 0) {
                writer.enqueue(out.toByteArray());
                out.reset();
            }
        }
    }

    private void beginAction() {
        synchronized (eventLock) {
            processing = true;
        }
    }

    private void endAction() {
        synchronized (eventLock) {
            moveDeferredLocked();
        }
    }

    /** Marks the session as busy again after {@link #flushBatch()} in the middle of an action. */
    void resumeAction() {
        beginAction();
    }

    private void moveDeferredLocked() {
        for (byte[] event : deferred) {
            out.write(event);
        }
        deferred.clear();
    }

    // ----------------------------------------------------------------------------------------------- events

    /**
     * Delivers an event if this session is logged in and its event mask takes the class.
     *
     * @param category the event's class
     * @param bytes    the serialised event
     */
    void deliverEvent(EventCategory category, byte[] bytes) {
        if (!authenticated || (eventMask & category.flag()) == 0 || closed.get()) {
            return;
        }
        synchronized (eventLock) {
            if (processing) {
                deferred.add(bytes);
            } else {
                writer.enqueue(bytes);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- closing

    /** Closes the connection abruptly (TCP reset), as a crashing Asterisk or a broken network would. */
    void abort() {
        closed.set(true);
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // Already closed.
        }
        closeSocket();
        writer.closeAfterDrain();
    }

    private void writerStopped() {
        closed.set(true);
        closeSocket();
        sim.sessionClosed(this);
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing AMI session " + id + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ state

    boolean isAuthenticated() {
        return authenticated;
    }

    void authenticated(String user) {
        this.username = user;
        this.authenticated = true;
    }

    String username() {
        return username;
    }

    int eventMask() {
        return eventMask;
    }

    void eventMask(int mask) {
        this.eventMask = mask;
    }

    String challenge() {
        return challenge;
    }

    void challenge(String challenge) {
        this.challenge = challenge;
    }

    long id() {
        return id;
    }

    long startedMillis() {
        return startedMillis;
    }

    /** @return the local address as Asterisk's security events write it, e.g. {@code IPV4/TCP/127.0.0.1/5038} */
    String localAddressText() {
        return addressText(socket.getLocalSocketAddress());
    }

    /** @return the peer's address as Asterisk's security events write it */
    String remoteAddressText() {
        return addressText(socket.getRemoteSocketAddress());
    }

    private static String addressText(SocketAddress address) {
        if (!(address instanceof InetSocketAddress)) {
            return "";
        }
        InetSocketAddress a = (InetSocketAddress) address;
        String family = a.getAddress() instanceof Inet6Address ? "IPV6" : "IPV4";
        return family + "/TCP/" + a.getAddress().getHostAddress() + "/" + a.getPort();
    }
}
