package io.profilegateway.common;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.UUID;

/** A cluster node's name in lease rows: the configured one, else the host name and a random suffix. */
public final class NodeName {

    private static final int MAX_LENGTH = 100;

    private NodeName() {
    }

    public static String of(Optional<String> configured) {
        return configured.orElseGet(() -> {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "node";
            }
            String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
            return name.length() > MAX_LENGTH ? name.substring(name.length() - MAX_LENGTH) : name;
        });
    }
}
