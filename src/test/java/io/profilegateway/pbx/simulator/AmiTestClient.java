package io.profilegateway.pbx.simulator;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A raw AMI client for tests: writes lines as given and reads messages exactly as they arrive. */
final class AmiTestClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String banner;

    private AmiTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        socket.setSoTimeout(5000);
        this.banner = readLine();
    }

    static AmiTestClient connect(int port) throws IOException {
        return new AmiTestClient(new Socket("127.0.0.1", port));
    }

    /** @return the first line the server sent, without its CRLF */
    String banner() {
        return banner;
    }

    /** Sends one message: the lines, each ending CRLF, then an empty line. */
    void send(List<String> lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append("\r\n");
        }
        sb.append("\r\n");
        sendRaw(sb.toString());
    }

    void send(String... lines) throws IOException {
        send(List.of(lines));
    }

    void sendRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads one message (up to its empty line). @throws EOFException when the server closed the connection */
    AmiMessage read() throws IOException {
        return read(Duration.ofSeconds(5));
    }

    AmiMessage read(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line.isEmpty()) {
                if (lines.isEmpty()) {
                    continue;
                }
                return AmiMessage.parse(lines);
            }
            lines.add(line);
        }
    }

    /** Reads messages until one is the response with this ActionID, returning everything read. */
    List<AmiMessage> readUntilResponse(String actionId) throws IOException {
        List<AmiMessage> all = new ArrayList<>();
        while (true) {
            AmiMessage m = read();
            all.add(m);
            if (m.get("Response") != null && actionId.equals(m.get("ActionID"))) {
                return all;
            }
        }
    }

    /** Sends an action with this ActionID and returns its response, skipping events before it. */
    AmiMessage action(String actionId, String... lines) throws IOException {
        List<String> all = new ArrayList<>(List.of(lines));
        all.add("ActionID: " + actionId);
        send(all);
        List<AmiMessage> read = readUntilResponse(actionId);
        return read.get(read.size() - 1);
    }

    AmiMessage login(String user, String secret, boolean events) throws IOException {
        return action("login", "Action: Login", "Username: " + user, "Secret: " + secret,
                "Events: " + (events ? "on" : "off"));
    }

    /** @return true when nothing arrives within the time */
    boolean silentFor(Duration time) throws IOException {
        socket.setSoTimeout((int) time.toMillis());
        try {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed");
            }
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }

    /**
     * @param allowData whether bytes may still arrive before the close (they are skipped)
     * @return true when the server closes the connection (end of stream or reset) within the time
     */
    boolean closedWithin(Duration time, boolean allowData) throws IOException {
        long deadline = System.nanoTime() + time.toNanos();
        while (true) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            socket.setSoTimeout((int) left);
            try {
                int b = in.read();
                if (b < 0) {
                    return true;
                }
                if (!allowData) {
                    return false;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed by the simulator");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
