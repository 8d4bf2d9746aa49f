package io.profilegateway.trigger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Claims a trigger occurrence before it switches anybody: the first claim wins (a primary key in the shared database),
 * so an occurrence fires once even when Quartz's misfire handling and the start-up catch-up, or two nodes, both see
 * it.
 */
@ApplicationScoped
public class FiringLedger {

    /** @return true for the first claim of {@code key}, false when it was claimed before */
    public boolean claim(String key, Instant now) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (TriggerFiring.findById(key) != null) {
                    return false;
                }
                TriggerFiring firing = new TriggerFiring();
                firing.key = key;
                firing.firedAt = now;
                firing.persist();
                return true;
            });
        } catch (RuntimeException e) {
            if (isDuplicate(e)) {
                return false; // another node claimed it between our read and our insert
            }
            throw e;
        }
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
