package io.profilegateway.trigger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One occurrence of a trigger that has fired: the row makes sure it fires once, on whichever node. */
@Entity
@Table(name = "trigger_firing")
public class TriggerFiring extends PanacheEntityBase {

    @Id
    @Column(name = "firing_key")
    public String key;

    @Column(name = "fired_at")
    public Instant firedAt;
}
