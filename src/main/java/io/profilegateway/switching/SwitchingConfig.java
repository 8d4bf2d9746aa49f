package io.profilegateway.switching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Manual switches "for how long". */
@ConfigMapping(prefix = "gateway.switching")
public interface SwitchingConfig {

    /** How far ahead the {@code until} of a manual switch may be. */
    @WithDefault("P31D")
    Duration untilLimit();

    /** How often due {@code until}s are looked for (one node of a cluster): a user returns at most this late. */
    @WithDefault("5s")
    String untilCheckInterval();
}
