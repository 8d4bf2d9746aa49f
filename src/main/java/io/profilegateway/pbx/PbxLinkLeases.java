package io.profilegateway.pbx;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * The AMI link leases, one row per Asterisk server: a node renews the lease it holds and takes a free or expired one;
 * the row is locked for the short transaction, so two nodes never hold the same server.
 */
@ApplicationScoped
public class PbxLinkLeases {

    /** Who holds a server's link after a renewal; {@code previous} is the node it was taken from, if any. */
    record Holder(String nodeId, Instant expiresAt, String previous) {

        boolean is(String node) {
            return node.equals(nodeId);
        }
    }

    @Transactional
    public Holder renew(String server, String node, Instant now, Duration duration) {
        return renew(server, node, now, duration, false);
    }

    /**
     * @param alone this node is the only one there can be (an embedded database, which one process holds): it takes
     *              the lease even from a node id of its own former, killed process
     */
    @Transactional
    public Holder renew(String server, String node, Instant now, Duration duration, boolean alone) {
        PbxLinkLease row = locked(server);
        if (row == null) {
            create(server);
            row = locked(server);
        }
        boolean free = alone || row.nodeId == null || row.expiresAt == null || !row.expiresAt.isAfter(now);
        if (node.equals(row.nodeId) || free) {
            String previous = node.equals(row.nodeId) || row.nodeId == null ? null : row.nodeId;
            row.nodeId = node;
            row.expiresAt = now.plus(duration);
            return new Holder(node, row.expiresAt, previous);
        }
        return new Holder(row.nodeId, row.expiresAt, null);
    }

    /** On shutdown: the links this node holds are free at once for the others. */
    @Transactional
    public void release(String node) {
        PbxLinkLease.update("nodeId = null, expiresAt = null where nodeId = ?1", node);
    }

    private static PbxLinkLease locked(String server) {
        return PbxLinkLease.getEntityManager().find(PbxLinkLease.class, server, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The first node to meet a server creates its row; a second one racing it loses the insert, which is fine. */
    private static void create(String server) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                PbxLinkLease row = new PbxLinkLease();
                row.server = server;
                row.persist();
            });
        } catch (RuntimeException e) {
            // the other node's row is there now
        }
    }
}
