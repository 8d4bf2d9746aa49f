package io.profilegateway.pbx;

import io.profilegateway.switching.DesiredStateChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The change log of desired PBX states: every {@link DesiredStateChanged} leaves a row in its own transaction (so it
 * exists exactly when the change is committed), and the node that holds a server's AMI link reads the rows of the
 * other nodes ({@link ChangeFeed}). This node's own changes reach its reconciler directly, after the commit.
 */
@ApplicationScoped
public class PbxChanges {

    /** A row read back: the change's id, whose state changed, which node committed it. */
    public record Row(long id, long userId, String nodeId) {
    }

    @Inject
    PbxNode node;

    /** Real time, whatever clock the rest of the gateway is given (tests move theirs). */
    private final Clock clock = Clock.systemUTC();

    void record(@Observes DesiredStateChanged change) {
        PbxChange row = new PbxChange();
        row.userId = change.userId();
        row.nodeId = node.id();
        row.createdAt = clock.instant();
        row.persist();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long lastId() {
        Long max = PbxChange.getEntityManager().createQuery("select max(c.id) from PbxChange c", Long.class)
                .getSingleResult();
        return max == null ? 0 : max;
    }

    /** The rows after {@code after} (at most {@code limit}, in id order) and those of {@code missing} found now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Row> read(long after, Collection<Long> missing, int limit) {
        var em = PbxChange.getEntityManager();
        List<Row> rows = new ArrayList<>(em.createQuery("select new io.profilegateway.pbx.PbxChanges$Row(c.id, c.userId,"
                + " c.nodeId) from PbxChange c where c.id > :after order by c.id", Row.class)
                .setParameter("after", after).setMaxResults(limit).getResultList());
        if (!missing.isEmpty()) {
            rows.addAll(em.createQuery("select new io.profilegateway.pbx.PbxChanges$Row(c.id, c.userId, c.nodeId)"
                    + " from PbxChange c where c.id in :ids", Row.class).setParameter("ids", missing).getResultList());
        }
        return rows;
    }

    /** Drops rows older than {@code age}: every holder has read them long ago. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long prune(Duration age) {
        return PbxChange.delete("createdAt < ?1", clock.instant().minus(age));
    }
}
