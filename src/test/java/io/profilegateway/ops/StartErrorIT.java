package io.profilegateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilegateway.bench.GatewayProcess;
import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.pbx.simulator.AmiSimulatorConfig;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a start of the built jar with a missing or wrong setting prints one line that says what to set, no stack
 * trace, and exits with a code other than 0. Four starts: no Asterisk configured, a wrong AMI secret, a database URL
 * that leads nowhere, a FastAGI port in use. Every other line of such a start must be an ordinary INFO line of the start so far.
 */
class StartErrorIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern INFO_OR_DEBUG = Pattern.compile("^\\S+ \\S+ (INFO|DEBUG|TRACE)\\s.*");
    private static final Pattern STACK_TRACE = Pattern.compile("^(\\s+at |Caused by: |\\s+\\.\\.\\. \\d+ more).*");

    private record Exited(int code, List<String> output) {
        /** The lines that are not the start's ordinary INFO / DEBUG lines. */
        List<String> news() {
            return output.stream().filter(line -> !line.isBlank() && !INFO_OR_DEBUG.matcher(line).matches()).toList();
        }
    }

    @Test
    void withoutAnAsteriskTheStartSaysWhichKeysToSet() throws Exception {
        Exited start = run(List.of(), Map.of());

        assertOneLineAndExit(start);
        assertThat(start.news().get(0)).contains("No Asterisk server is configured", "gateway.ami.servers.main.host",
                "GATEWAY_AMI_SERVERS_MAIN_HOST", "gateway.ami.servers.main.secret");
    }

    @Test
    void aWrongAmiSecretEndsTheFirstStartWithOneLine() throws Exception {
        try (AmiSimulator pbx = new AmiSimulator(AmiSimulatorConfig.builder().user("gateway", "the-right-secret")
                .authFailureDelay(Duration.ZERO).acceptAnyQueue().build()).start()) {
            Exited start = run(GatewayProcess.amiOptions(pbx.host() + ":" + pbx.port(), "gateway",
                    "a-wrong-secret-4711"), Map.of());

            assertOneLineAndExit(start);
            assertThat(start.news().get(0)).contains("refused the login", "gateway.ami.servers.main.secret",
                    "GATEWAY_AMI_SERVERS_MAIN_SECRET");
            assertThat(String.join("\n", start.output())).as("the secret is never logged")
                    .doesNotContain("a-wrong-secret-4711");
        }
    }

    @Test
    void aDatabaseUrlThatLeadsNowhereSaysWhatToCheck() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (AmiSimulator pbx = new AmiSimulator(AmiSimulatorConfig.builder().user("gateway", "db-test-secret")
                .authFailureDelay(Duration.ZERO).acceptAnyQueue().build()).start()) {
            Exited start = run(GatewayProcess.amiOptions(pbx.host() + ":" + pbx.port(), "gateway", "db-test-secret"),
                    Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:tcp://127.0.0.1:" + closedPort + "/gateway"));

            assertOneLineAndExit(start);
            assertThat(start.news().get(0)).contains("Cannot open the database", "quarkus.datasource.jdbc.url",
                    "QUARKUS_DATASOURCE_JDBC_URL");
        }
    }

    @Test
    void aFastAgiPortInUseSaysWhichSettingToChange() throws Exception {
        try (AmiSimulator pbx = new AmiSimulator(AmiSimulatorConfig.builder().user("gateway", "agi-test-secret")
                .authFailureDelay(Duration.ZERO).acceptAnyQueue().build()).start();
                ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<String> options = new ArrayList<>(GatewayProcess.amiOptions(pbx.host() + ":" + pbx.port(), "gateway",
                    "agi-test-secret"));
            options.addAll(List.of("-Dgateway.agi.enabled=true", "-Dgateway.agi.address=127.0.0.1",
                    "-Dgateway.agi.port=" + taken.getLocalPort()));
            Exited start = run(options, Map.of());

            assertOneLineAndExit(start);
            assertThat(start.news().get(0)).contains("FastAGI", "port " + taken.getLocalPort(), "gateway.agi.port",
                    "GATEWAY_AGI_PORT", "gateway.agi.address");
        }
    }

    private static void assertOneLineAndExit(Exited start) {
        assertThat(start.code()).as("exit code; output:\n%s", String.join("\n", start.output())).isNotZero();
        assertThat(start.output()).as("stack trace lines").noneMatch(line -> STACK_TRACE.matcher(line).matches());
        assertThat(start.news()).as("lines besides the start's INFO lines").hasSize(1);
    }

    /** Runs the jar in a fresh folder until it exits by itself; its output, stdout and stderr together. */
    private static Exited run(List<String> amiOptions, Map<String, String> environment) throws Exception {
        Path dir = Files.createTempDirectory("start-error");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m"));
        command.addAll(amiOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Path log = dir.resolve("gateway.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("GATEWAY_ADMIN_PASSWORD", "start-error-test");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the gateway was still running after " + EXIT_TIMEOUT.toSeconds() + " s; log:\n"
                    + Files.readString(log));
        }
        return new Exited(process.exitValue(), Files.readAllLines(log));
    }
}
