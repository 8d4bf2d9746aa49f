package io.profilegateway.dialplan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.Set;

/** {@code gateway.agi.*}: the FastAGI server the dialplan's feature codes call ({@code AGI(agi://gateway:4573/…)}). */
@ConfigMapping(prefix = "gateway.agi")
public interface AgiConfig {

    /** Whether the FastAGI server runs at all (off: only the AMI {@code UserEvent} path of the dialplan works). */
    @WithDefault("false")
    boolean enabled();

    /** The TCP port it listens on (4573 is FastAGI's usual port). */
    @WithDefault("4573")
    int port();

    /** The local address it binds to; unset = every address. */
    Optional<String> address();

    /**
     * The IP addresses of the Asterisk servers that may call (FastAGI has no login: whoever reaches the port can claim
     * any channel); unset = any. Calls from elsewhere hear {@code beeperr}, and nothing is switched.
     */
    Optional<Set<String>> allowedClients();

    /** Threads for feature-code calls at the same time when the JVM has no virtual threads (Java 17). */
    @WithDefault("20")
    int poolSize();
}
