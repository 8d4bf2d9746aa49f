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
 * The poll leases: every node renews the shards it holds and claims free or expired ones up to its fair share
 * ({@code shards / live nodes}, rounded up), and gives back what it holds beyond that, so a node that joins gets
 * work and the survivor takes over a dead node's shards once their leases expire. The rows are locked for the
 * short transaction, so two nodes never claim the same shard.
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
        Set<String> live = new HashSet<>();
        live.add(node);
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

    /** On shutdown: the shards are free at once for the other nodes. */
    @Transactional
    public void release(String node) {
        PollLease.update("nodeId = null, expiresAt = null where nodeId = ?1", node);
    }
}
