package io.profilegateway.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A second, read-only AMI session that hands every event to a consumer: how a benchmark sees what an Asterisk it
 * cannot instrument did, and when. Plain {@code Login}, then one line-based reader thread.
 */
final class AmiEventWatch implements AutoCloseable {

    private final Socket socket;
    private final Thread reader;

    AmiEventWatch(String host, int port, String user, String secret, Consumer<Map<String, String>> events)
            throws IOException {
        socket = new Socket(host, port);
        OutputStream out = socket.getOutputStream();
        out.write(("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\nEvents: on\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        reader = new Thread(() -> read(in, events), "ami-event-watch");
        reader.setDaemon(true);
        reader.start();
    }

    private static void read(BufferedReader in, Consumer<Map<String, String>> events) {
        Map<String, String> message = new HashMap<>();
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (message.containsKey("Event")) {
                        events.accept(message);
                    } else if ("Error".equals(message.get("Response"))) {
                        System.err.println("event watch: login refused: " + message.get("Message"));
                    }
                    message = new HashMap<>();
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    message.putIfAbsent(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
        } catch (IOException closed) {
            // the watch ends with its socket
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
