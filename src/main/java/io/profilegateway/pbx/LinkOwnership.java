package io.profilegateway.pbx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Which Asterisk servers this node holds the AMI link of (one lease per server in the database, {@link PbxLinkLeases}):
 * renewed every third of {@code gateway.ami.cluster.lease-duration}; a lease left to expire by a dead node is taken
 * over; a lease this node could not renew in time is given up before it expires, so two nodes never drive one server.
 * Called from one thread (the reconciler's renewal task).
 */
final class LinkOwnership {

    private static final Logger LOG = Logger.getLogger(LinkOwnership.class);

    private final PbxLinkLeases leases;
    private final String node;
    private final Duration duration;
    private final boolean alone;
    private final Clock clock;
    private final Consumer<String> gained;
    private final BiConsumer<String, String> lost;
    /** Until when this node may drive each server it holds (its lease's end, as renewed last). */
    private final Map<String, Instant> heldUntil = new ConcurrentHashMap<>();
    /** The last known holder of every server, for readiness and pbx-state on this node. */
    private final Map<String, PbxLinkLeases.Holder> holders = new ConcurrentHashMap<>();

    LinkOwnership(PbxLinkLeases leases, String node, Duration duration, boolean alone, Clock clock,
            Consumer<String> gained, BiConsumer<String, String> lost) {
        this.leases = leases;
        this.node = node;
        this.duration = duration;
        this.alone = alone;
        this.clock = clock;
        this.gained = gained;
        this.lost = lost;
    }

    String node() {
        return node;
    }

    Duration renewEvery() {
        return duration.dividedBy(3);
    }

    boolean holds(String server) {
        return heldUntil.containsKey(server);
    }

    Optional<PbxLinkLeases.Holder> holder(String server) {
        return Optional.ofNullable(holders.get(server));
    }

    /** Renews or takes the lease of every server; starts the links gained, stops those lost. */
    void renew(Set<String> servers) {
        for (String server : servers) {
            Instant now = clock.instant();
            PbxLinkLeases.Holder holder;
            try {
                holder = leases.renew(server, node, now, duration, alone);
            } catch (RuntimeException e) {
                Instant until = heldUntil.get(server);
                if (until != null && !now.isBefore(until.minus(renewEvery()))) {
                    giveUp(server, "could not renew its lease in time (" + e.getMessage() + ")");
                }
                continue;
            }
            holders.put(server, holder);
            if (holder.is(node)) {
                boolean isNew = heldUntil.put(server, holder.expiresAt()) == null;
                if (isNew) {
                    LOG.infof("AMI %s: node %s holds the AMI link now%s", server, node, holder.previous() == null
                            ? "" : " (taken over from node " + holder.previous() + ", whose lease had expired)");
                    gained.accept(server);
                }
            } else if (heldUntil.containsKey(server)) {
                giveUp(server, "node " + holder.nodeId() + " holds its lease");
            }
        }
    }

    private void giveUp(String server, String why) {
        heldUntil.remove(server);
        lost.accept(server, why);
    }

    /** On shutdown: every lease this node holds is released at once. */
    void release() {
        heldUntil.clear();
        try {
            leases.release(node);
        } catch (RuntimeException e) {
            LOG.debugf("AMI: could not release the link leases of node %s: %s", node, e.getMessage());
        }
    }
}
