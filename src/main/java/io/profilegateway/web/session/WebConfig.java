package io.profilegateway.web.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code gateway.web.*}: the web page's sign-in sessions. */
@ConfigMapping(prefix = "gateway.web")
public interface WebConfig {

    /** A session not used for this long ends (idle timeout); every request with its cookie counts as use. */
    @WithDefault("8h")
    Duration sessionTimeout();

    /** A session ends this long after sign-in, however busy it was. */
    @WithDefault("7d")
    Duration sessionMaxAge();

    /**
     * How often the web sessions behind open event streams are checked: a stream whose session ended (sign-out on
     * another node, expiry, password change, user deleted) gets {@code session-ended} and completes.
     */
    @WithDefault("2s")
    Duration streamSessionCheck();

    /** Wrong passwords for one user name within {@link #signInWindow()} before further tries are refused (429). */
    @WithDefault("5")
    int signInAttempts();

    /** The window the failed sign-ins are counted in, per user name and per client address (ten times as many). */
    @WithDefault("5m")
    Duration signInWindow();
}
