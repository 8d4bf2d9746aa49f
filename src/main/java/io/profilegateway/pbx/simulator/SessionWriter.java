package io.profilegateway.pbx.simulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes one session's output on its own thread: replies handed over in batches by the session's reader thread and
 * events from any thread. Nobody else ever blocks on the socket, and everything queued leaves in queue order.
 */
final class SessionWriter implements Runnable {

    private static final byte[] CLOSE = new byte[0];

    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final OutputStream out;
    private final Runnable onClosed;

    /**
     * @param out      the socket's output stream
     * @param onClosed called once the writer has stopped (after a graceful close or a failure)
     */
    SessionWriter(OutputStream out, Runnable onClosed) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
        this.onClosed = onClosed;
    }

    /** Queues bytes for writing. */
    void enqueue(byte[] bytes) {
        if (bytes.length > 0) {
            queue.add(bytes);
        }
    }

    /** Writes whatever is queued, then closes. */
    void closeAfterDrain() {
        queue.add(CLOSE);
    }

    @Override
    public void run() {
        try {
            while (true) {
                byte[] next = queue.take();
                if (next == CLOSE) {
                    out.flush();
                    break;
                }
                out.write(next);
                if (queue.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // The peer went away or the socket was closed abruptly: nothing left to write to.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            onClosed.run();
        }
    }
}
