package io.profilegateway.trigger.teams;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A node that polls Graph, alive until {@code expiresAt} (renewed with its leases, {@link PollLeases}). */
@Entity
@Table(name = "graph_poll_node")
public class PollNode extends PanacheEntityBase {

    @Id
    @Column(name = "node_id")
    public String nodeId;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
