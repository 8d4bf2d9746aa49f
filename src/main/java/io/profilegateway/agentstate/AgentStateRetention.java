package io.profilegateway.agentstate;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Deletes agent-state intervals that ended longer than {@code gateway.agent-states.retention} ago. */
@ApplicationScoped
public class AgentStateRetention {

    private static final Logger LOG = Logger.getLogger(AgentStateRetention.class);

    @Inject
    AgentStatesConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "agent-state-retention", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        purge();
    }

    /** @return the number of intervals deleted */
    @Transactional
    public long purge() {
        Instant before = clock.instant().minus(config.retention());
        long deleted = AgentStateInterval.delete("endedAt < ?1", before);
        if (deleted > 0) {
            LOG.infof("Agent states: %d interval(s) that ended before %s deleted (retention %s)", deleted, before,
                    config.retention());
        }
        return deleted;
    }
}
