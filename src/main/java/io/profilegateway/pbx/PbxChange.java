package io.profilegateway.pbx;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One committed change of a user's desired PBX state, by the node that made it ({@link PbxChanges}). */
@Entity
@Table(name = "pbx_change")
public class PbxChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id")
    public long userId;

    @Column(name = "node_id")
    public String nodeId;

    @Column(name = "created_at")
    public Instant createdAt;
}
