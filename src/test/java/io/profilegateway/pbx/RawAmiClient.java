package io.profilegateway.pbx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The baseline of the PBX benchmarks: the least a client can do to send a list of actions to Asterisk — one socket,
 * every action written back to back (pipelined), then the answers counted. No gateway, no bookkeeping.
 */
final class RawAmiClient {

    private RawAmiClient() {
    }

    /** Sends every action and waits for as many answers; returns the seconds it took (login excluded). */
    static double send(String host, int port, String user, String secret, List<Map<String, String>> actions)
            throws IOException, InterruptedException {
        try (Socket socket = new Socket(host, port)) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            out.write(("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\nEvents: off\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            ResponseCounter counter = new ResponseCounter(in);
            counter.await(1);
            long start = System.nanoTime();
            Thread writer = new Thread(() -> {
                try {
                    StringBuilder message = new StringBuilder(256);
                    int id = 0;
                    for (Map<String, String> action : actions) {
                        message.setLength(0);
                        action.forEach((name, value) -> message.append(name).append(": ").append(value)
                                .append("\r\n"));
                        message.append("ActionID: raw-").append(id++).append("\r\n\r\n");
                        out.write(message.toString().getBytes(StandardCharsets.UTF_8));
                    }
                    out.flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "raw-ami-writer");
            writer.start();
            counter.await(1 + actions.size());
            double seconds = (System.nanoTime() - start) / 1e9;
            writer.join();
            return seconds;
        }
    }

    /** Counts {@code Response:} lines in the byte stream. */
    private static final class ResponseCounter {
        private static final byte[] NEEDLE = "\r\nResponse:".getBytes(StandardCharsets.US_ASCII);
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int matched;
        private int responses;

        ResponseCounter(InputStream in) {
            this.in = in;
        }

        void await(int total) throws IOException {
            while (responses < total) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("AMI closed the connection after " + responses + " answers");
                }
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == NEEDLE[matched]) {
                        matched++;
                        if (matched == NEEDLE.length) {
                            responses++;
                            matched = 0;
                        }
                    } else {
                        matched = b == NEEDLE[0] ? 1 : 0;
                    }
                }
            }
        }
    }
}
