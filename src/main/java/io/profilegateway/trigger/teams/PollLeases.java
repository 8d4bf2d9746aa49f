package io.profilegateway.trigger.teams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The poll leases: every node renews its row in {@code graph_poll_node} and the shards it holds, claims free or
 * expired ones up to its fair share ({@code shards / live nodes}, rounded up), and gives back what it holds beyond
 * that, so a node that joins gets work (it counts as live by its node row before it holds any shard) and the
 * survivor takes over a dead node's shards once their leases expire. The rows are locked for the short
 * transaction, so two nodes never claim the same shard.
 */
@ApplicationScoped
public class PollLeases {

    /** The shards a node holds now and how many nodes poll (itself included). */
    record Holding(Set<Integer> shards, int liveNodes) {
    }

    @Transactional
    public Holding renew(String node, Instant now, Duration duration) {
        List<PollLease> rows = PollLease.<PollLease>find("order by shard").withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        Set<String> live = liveNodes(node, now, duration);
        rows.stream().filter(r -> r.nodeId != null && r.expiresAt != null && r.expiresAt.isAfter(now))
                .forEach(r -> live.add(r.nodeId));
        int fair = (rows.size() + live.size() - 1) / live.size();
        Set<Integer> mine = new TreeSet<>();
        for (PollLease row : rows) {
            if (node.equals(row.nodeId)) {
                if (mine.size() < fair) {
                    row.expiresAt = now.plus(duration);
                    mine.add(row.shard);
                } else {
                    row.nodeId = null;
                    row.expiresAt = null;
                }
            }
        }
        for (PollLease row : rows) {
            if (mine.size() >= fair) {
                break;
            }
            boolean free = row.nodeId == null || row.expiresAt == null || !row.expiresAt.isAfter(now);
            if (free && !node.equals(row.nodeId)) {
                row.nodeId = node;
                row.expiresAt = now.plus(duration);
                mine.add(row.shard);
            }
        }
        return new Holding(mine, live.size());
    }

    /**
     * Renews this node's row and returns every live node: those with a live row, whether they hold shards or not (a
     * node that just joined holds none), and itself. Runs under the lease rows' lock, so renewals never overlap.
     */
    private static Set<String> liveNodes(String node, Instant now, Duration duration) {
        PollNode.delete("expiresAt <= ?1", now);
        PollNode me = PollNode.findById(node);
        if (me == null) {
            me = new PollNode();
            me.nodeId = node;
            me.expiresAt = now.plus(duration);
            me.persist();
        } else {
            me.expiresAt = now.plus(duration);
        }
        Set<String> live = new HashSet<>();
        PollNode.<PollNode>list("expiresAt > ?1", now).forEach(n -> live.add(n.nodeId));
        live.add(node);
        return live;
    }

    /** On shutdown: the shards are free at once for the other nodes, and this node no longer counts. */
    @Transactional
    public void release(String node) {
        PollLease.update("nodeId = null, expiresAt = null where nodeId = ?1", node);
        PollNode.deleteById(node);
    }
}
