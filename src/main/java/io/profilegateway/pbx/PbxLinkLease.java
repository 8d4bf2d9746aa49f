package io.profilegateway.pbx;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which gateway node holds the AMI link of one Asterisk server, until {@code expiresAt} ({@link PbxLinkLeases}). */
@Entity
@Table(name = "pbx_link_lease")
public class PbxLinkLease extends PanacheEntityBase {

    @Id
    public String server;

    @Column(name = "node_id")
    public String nodeId;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
