package io.profilegateway.switching;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps {@code switch_history} bounded: once a day (one node of a cluster) the rows older than
 * {@code gateway.history.retention} are deleted, and the count is logged in one line.
 */
@ApplicationScoped
public class HistoryPurge {

    private static final Logger LOG = Logger.getLogger(HistoryPurge.class);

    @Inject
    HistoryConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "history-purge", cron = "${gateway.history.purge-cron:0 30 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        purge(clock.instant());
    }

    /** Deletes the rows older than the retention before {@code now}; returns how many. */
    public long purge(Instant now) {
        Instant before = now.minus(config.retention());
        long deleted = QuarkusTransaction.requiringNew().call(() -> SwitchHistory.delete("at < ?1", before));
        LOG.infof("Switch history: %d row(s) older than %s (retention %s) purged", deleted, before,
                config.retention());
        return deleted;
    }
}
