package io.profilegateway.bench;

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

/** Starts the built gateway jar as a child process on a free loopback port with its own H2 database. */
final class GatewayProcess implements AutoCloseable {

    final String baseUrl;
    private final Process process;

    private GatewayProcess(String baseUrl, Process process) {
        this.baseUrl = baseUrl;
        this.process = process;
    }

    static GatewayProcess start(Path jar, String adminPassword, List<String> jvmOptions) throws Exception {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw package -DskipTests)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("gateway-bench");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("gateway.log").toFile());
        builder.environment().put("GATEWAY_ADMIN_PASSWORD", adminPassword);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_LOG_LEVEL", "WARN");
        Process process = builder.start();
        String base = "http://127.0.0.1:" + port;
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited; see " + dir.resolve("gateway.log"));
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    System.out.println("gateway started on " + base + " (log: " + dir.resolve("gateway.log") + ")");
                    return new GatewayProcess(base, process);
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the gateway did not become ready within 90 s");
    }

    @Override
    public void close() {
        process.destroy();
    }
}
