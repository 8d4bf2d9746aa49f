package io.profilegateway.bench;

import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.pbx.simulator.AmiSimulatorConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts the built gateway jar as a child process on a free loopback port with its own H2 database. */
public final class GatewayProcess implements AutoCloseable {

    /** Generous: on the shared 2-core machine under load a start has taken more than 90 s. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    public final String baseUrl;
    public final Path directory;
    private final Process process;

    private GatewayProcess(String baseUrl, Path directory, Process process) {
        this.baseUrl = baseUrl;
        this.directory = directory;
        this.process = process;
    }

    public static GatewayProcess start(Path jar, String adminPassword, List<String> jvmOptions) throws Exception {
        return start(jar, adminPassword, jvmOptions, Files.createTempDirectory("gateway-bench"));
    }

    /** Starts the jar in {@code dir} (its H2 database is {@code dir/data}): the same dir again = a restart. */
    public static GatewayProcess start(Path jar, String adminPassword, List<String> jvmOptions, Path dir)
            throws Exception {
        return start(jar, adminPassword, jvmOptions, dir, Map.of());
    }

    /** As above; {@code environment} is set after the defaults (e.g. {@code QUARKUS_LOG_LEVEL=INFO}). */
    public static GatewayProcess start(Path jar, String adminPassword, List<String> jvmOptions, Path dir,
            Map<String, String> environment) throws Exception {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return launch(command, adminPassword, dir, environment);
    }

    /**
     * Starts the gateway the shipped way: {@code bin/gateway} (its default JVM options, the AOT cache next to the jar
     * when there is one) with {@code java} as the JVM and {@code jvmOptions} after the defaults; the script execs the
     * JVM, so {@link #pid()} is the JVM's.
     */
    public static GatewayProcess startShipped(Path app, String java, String adminPassword, List<String> jvmOptions,
            Path dir, Map<String, String> environment) throws Exception {
        if (!Files.exists(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + " has no quarkus-run.jar: build it first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of("bin/gateway").toAbsolutePath().toString()));
        command.addAll(jvmOptions);
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("JAVA", java);
        env.put("GATEWAY_APP", app.toAbsolutePath().toString());
        return launch(command, adminPassword, dir, env);
    }

    private static GatewayProcess launch(List<String> command, String adminPassword, Path dir,
            Map<String, String> environment) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("gateway.log").toFile()));
        builder.environment().put("GATEWAY_ADMIN_PASSWORD", adminPassword);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_LOG_LEVEL", "WARN");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String base = "http://127.0.0.1:" + port;
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String lastAnswer = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited; see " + dir.resolve("gateway.log"));
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                lastAnswer = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    System.out.println("gateway started on " + base + " (log: " + dir.resolve("gateway.log") + ")");
                    return new GatewayProcess(base, dir, process);
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(50); // fine enough for P4's start time (target 3 s)
        }
        process.destroyForcibly();
        throw new IllegalStateException("the gateway did not become ready within " + START_TIMEOUT.toSeconds()
                + " s (/q/health/ready: " + lastAnswer + "); see " + dir.resolve("gateway.log"));
    }

    /** {@code defaults}, then the benchmark's {@code --gateway-jvm "…"} (e.g. a flight recording). */
    public static List<String> jvmOptions(Map<String, String> options, List<String> defaults) {
        List<String> jvm = new ArrayList<>(defaults);
        if (options.containsKey("gateway-jvm")) {
            jvm.addAll(List.of(options.get("gateway-jvm").trim().split("\\s+")));
        }
        return jvm;
    }

    /**
     * Points the gateway ({@code jvm}) at the benchmark's {@code --ami host:port --ami-user … --ami-secret …}, or when
     * no Asterisk is given at a simulator started in this JVM, as in the tests: that one is returned, to be stopped.
     */
    public static Optional<AmiSimulator> pbx(Map<String, String> options, List<String> jvm) throws IOException {
        String ami = options.get("ami");
        AmiSimulator simulator = null;
        if (ami == null) {
            simulator = new AmiSimulator(AmiSimulatorConfig.builder().user("bench", "bench-secret")
                    .acceptAnyQueue().authFailureDelay(Duration.ZERO).actionLogCapacity(1000).build()).start();
            ami = simulator.host() + ":" + simulator.port();
            options.put("ami-user", "bench");
            options.put("ami-secret", "bench-secret");
        }
        jvm.addAll(amiOptions(ami, options.get("ami-user"), options.get("ami-secret")));
        return Optional.ofNullable(simulator);
    }

    /** The JVM options that point the gateway at the Asterisk (or simulator) at {@code hostPort}. */
    public static List<String> amiOptions(String hostPort, String user, String secret) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || user == null || secret == null) {
            throw new IllegalArgumentException("--ami needs host:port, --ami-user and --ami-secret");
        }
        return List.of("-Dgateway.ami.servers.main.host=" + hostPort.substring(0, colon),
                "-Dgateway.ami.servers.main.port=" + hostPort.substring(colon + 1),
                "-Dgateway.ami.servers.main.username=" + user, "-Dgateway.ami.servers.main.secret=" + secret);
    }

    /** The log file the gateway's console output goes to. */
    public Path log() {
        return directory.resolve("gateway.log");
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed (R2). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
    }

    /** SIGTERM, and waits until the gateway has shut down (its database is free for a restart in the same dir). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
