package io.profilegateway.switching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The switch history: how long it is kept, and how many refusals of one user it records. */
@ConfigMapping(prefix = "gateway.history")
public interface HistoryConfig {

    /** How long a history row is kept; older rows are purged once a day (also rows of users deleted since). */
    @WithDefault("P400D")
    Duration retention();

    /** When the daily purge runs (a Quartz cron expression, on one node of a cluster). */
    @WithDefault("0 30 3 * * ?")
    String purgeCron();

    /**
     * How many refused switches of one user are recorded per minute; more are counted in the metric
     * {@code gateway.history.refusals.unrecorded} only (so that a client retrying a refused switch cannot flood the
     * table).
     */
    @WithDefault("20")
    int refusalsPerMinute();
}
