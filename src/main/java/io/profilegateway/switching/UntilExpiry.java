package io.profilegateway.switching;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Ends manual switches "for how long" when their {@code until} has come: the user returns to what was active before
 * (README "Activations"), recorded with source SYSTEM. Everything it needs is in the database ({@code user_state},
 * {@code user_activation}), so an {@code until} that passed while the gateway was down is ended at the next look
 * after the start; one node of a cluster looks (Quartz's clustered store), the engine checks again under the user's
 * lock.
 */
@ApplicationScoped
public class UntilExpiry {

    private static final Logger LOG = Logger.getLogger(UntilExpiry.class);

    @Inject
    SwitchEngine engine;

    @Inject
    Clock clock;

    @Scheduled(identity = "manual-until", every = "${gateway.switching.until-check-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        expire(clock.instant());
    }

    /** Ends every manual activation whose {@code until} is not after {@code now}; returns how many users returned. */
    public int expire(Instant now) {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> UserState.getEntityManager().createQuery(
                "select s.userId from UserState s where s.activeUntil <= :now and s.activeKind = :k "
                        + "union select s.userId from UserState s join s.beneath a where a.until <= :now and a.kind = :k",
                Long.class).setParameter("now", now).setParameter("k", ActivationKind.MANUAL_UNTIL).getResultList());
        int ended = 0;
        for (long userId : due) {
            try {
                if (engine.expireUntil(userId, now).isPresent()) {
                    ended++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("The until of user %d could not be ended, will try again: %s", userId, e.getMessage());
            }
        }
        return ended;
    }
}
