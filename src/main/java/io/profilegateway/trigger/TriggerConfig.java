package io.profilegateway.trigger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** Time and office-hours triggers. */
@ConfigMapping(prefix = "gateway.triggers")
public interface TriggerConfig {

    /**
     * The time zone of a TIME trigger that names none, for users without a primary group. Default: the server's.
     */
    Optional<String> timeZone();

    /**
     * How late a TIME trigger without {@code until} may still fire (after downtime or an overloaded node); later, the
     * firing is dropped rather than switching people at a surprising hour. Triggers with {@code until} fire as long as
     * their window lasts.
     */
    @WithDefault("5m")
    Duration lateFiringLimit();

    /** How many users a firing switches in parallel. */
    @WithDefault("4")
    int switchThreads();

    /** How often each group's office state is computed (a transition switches its members at most this late). */
    @WithDefault("15s")
    String officeCheckInterval();

    default ZoneId serverZone() {
        return timeZone().filter(z -> !z.isBlank()).map(ZoneId::of).orElseGet(ZoneId::systemDefault);
    }
}
