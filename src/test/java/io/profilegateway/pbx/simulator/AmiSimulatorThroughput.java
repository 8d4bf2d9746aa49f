package io.profilegateway.pbx.simulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A manual throughput measurement (not a test): pipelines DBPut actions over raw sockets and counts the responses.
 * Run with {@code java -cp target/classes:target/test-classes
 * io.profilegateway.pbx.simulator.AmiSimulatorThroughput [actions] [connections]}.
 */
public final class AmiSimulatorThroughput {

    private AmiSimulatorThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int actions = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        try (AmiSimulator sim = new AmiSimulator(AmiSimulatorConfig.builder()
                .user("bench", "bench").queues("support").authFailureDelay(Duration.ZERO).build()).start()) {
            for (int round = 1; round <= 3; round++) {
                long start = System.nanoTime();
                List<Thread> threads = new ArrayList<>();
                int perConnection = actions / connections;
                for (int c = 0; c < connections; c++) {
                    int id = c;
                    Thread t = new Thread(() -> run(sim.port(), id, perConnection));
                    t.start();
                    threads.add(t);
                }
                for (Thread t : threads) {
                    t.join();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d: %d actions over %d connection(s) in %.3f s = %.0f actions/s%n", round,
                        perConnection * connections, connections, seconds, perConnection * connections / seconds);
            }
        }
    }

    private static void run(int port, int id, int count) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            out.write("Action: Login\r\nUsername: bench\r\nSecret: bench\r\nEvents: off\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < count; i++) {
                        out.write(("Action: DBPut\r\nFamily: BENCH" + id + "\r\nKey: " + i + "\r\nVal: v" + i
                                + "\r\nActionID: " + i + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            // Count "Response:" lines: the login answer plus one per action.
            byte[] buf = new byte[64 * 1024];
            byte[] needle = "Response:".getBytes(StandardCharsets.US_ASCII);
            int matched = 0;
            int responses = 0;
            while (responses < count + 1) {
                int n = in.read(buf);
                if (n < 0) {
                    throw new IOException("closed after " + responses + " responses");
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == needle[matched]) {
                        matched++;
                        if (matched == needle.length) {
                            responses++;
                            matched = 0;
                        }
                    } else {
                        matched = buf[i] == needle[0] ? 1 : 0;
                    }
                }
            }
            writer.join();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
