package io.profilegateway.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A free loopback port for the FastAGI server of every {@code @QuarkusTest} ({@code gateway.agi.port}), so that test
 * runs side by side on one machine never fight over 4573.
 */
@QuarkusTestResource(AgiTestPort.Port.class)
public final class AgiTestPort {

    private AgiTestPort() {
    }

    public static class Port implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return Map.of("gateway.agi.port", Integer.toString(probe.getLocalPort()),
                        "gateway.agi.address", InetAddress.getLoopbackAddress().getHostAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
        }
    }
}
