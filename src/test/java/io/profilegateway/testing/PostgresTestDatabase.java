package io.profilegateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The PostgreSQL test run ({@code -Dgateway.test.database=postgresql}, the surefire execution "postgresql"): starts a
 * private PostgreSQL cluster in a temporary folder on a free loopback port ({@code initdb} + {@code pg_ctl}, as the
 * {@code postgres} user when run as root) and points the datasource at it; or uses {@code GATEWAY_TEST_PG_URL} when
 * set. In the default (H2) run it does nothing.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    /** The cluster of the PostgreSQL test run, for tests that take it away for a while (R5). */
    private static volatile PostgresTestDatabase testRun;

    private Path dir;
    private Path bin;
    private boolean asPostgresUser;
    private String serverOptions;

    @Override
    public Map<String, String> start() {
        if (!"postgresql".equals(System.getProperty("gateway.test.database"))) {
            return Map.of();
        }
        testRun = this;
        return startPostgres();
    }

    /** The private cluster of the PostgreSQL test run; empty in the H2 run or with {@code GATEWAY_TEST_PG_URL}. */
    public static Optional<PostgresTestDatabase> ofTestRun() {
        PostgresTestDatabase current = testRun;
        return current != null && current.dir != null ? Optional.of(current) : Optional.empty();
    }

    /** Stops the server (fast shutdown: open connections are cut), keeping its data. */
    public void stopServer() throws IOException {
        run(command(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
                "stop"));
    }

    /** Starts the server again on the same port and data. */
    public void startServer() throws IOException {
        run(command(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                "-l", dir.resolve("log").toString(), "-o", serverOptions, "start"));
    }

    /**
     * Starts the private cluster (or takes {@code GATEWAY_TEST_PG_URL}) whatever the test run: for tests that start
     * gateway jars themselves ({@code ClusterIT}). {@link #stop()} removes it.
     *
     * @return the datasource URL, username and password, as Quarkus configuration keys
     */
    public Map<String, String> startPostgres() {
        return startPostgres(false);
    }

    /**
     * @param durable as in production (fsync and synchronous commit on: benchmarks); otherwise tuned for tests
     *                (nothing waits for the disk)
     */
    public Map<String, String> startPostgres(boolean durable) {
        String external = System.getenv("GATEWAY_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", external,
                    "quarkus.datasource.username", System.getenv().getOrDefault("GATEWAY_TEST_PG_USER", "gateway"),
                    "quarkus.datasource.password", System.getenv().getOrDefault("GATEWAY_TEST_PG_PASSWORD", ""));
        }
        try {
            bin = findBin();
            asPostgresUser = "root".equals(System.getProperty("user.name"));
            dir = Files.createTempDirectory("gateway-pg");
            int port = freePort();
            if (asPostgresUser) {
                run(List.of("chown", "postgres", dir.toString()));
            }
            run(command(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "gateway",
                    "--auth=trust", "-E", "UTF8", "--no-sync"));
            serverOptions = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=100"
                    + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            startServer();
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                    "quarkus.datasource.username", "gateway", "quarkus.datasource.password", "");
        } catch (IOException e) {
            throw new IllegalStateException("could not start a private PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (dir == null) {
            return;
        }
        try {
            run(command(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"));
        } catch (IOException e) {
            // the folder goes anyway
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static Path findBin() throws IOException {
        String configured = System.getenv("PG_BIN");
        if (configured != null) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var found = versions.map(v -> v.resolve("bin")).filter(b -> Files.exists(b.resolve("initdb")))
                        .max(Comparator.comparing(Path::toString));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IOException("no PostgreSQL server binaries (initdb, pg_ctl) found: install the Debian package "
                + "'postgresql' or set PG_BIN, or point GATEWAY_TEST_PG_URL at a database");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
