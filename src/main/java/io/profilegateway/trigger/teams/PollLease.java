package io.profilegateway.trigger.teams;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One shard of the polled users ({@code user id mod SHARDS}) and the node that polls it until {@code expiresAt}.
 * The rows are created by the migration, so nodes only ever update them (no insert races).
 */
@Entity
@Table(name = "graph_poll_lease")
public class PollLease extends PanacheEntityBase {

    /** Number of shards (rows of the table). */
    public static final int SHARDS = 64;

    @Id
    public int shard;

    @Column(name = "node_id")
    public String nodeId;

    @Column(name = "expires_at")
    public Instant expiresAt;

    static int shardOf(long userId) {
        return (int) Math.floorMod(userId, (long) SHARDS);
    }
}
