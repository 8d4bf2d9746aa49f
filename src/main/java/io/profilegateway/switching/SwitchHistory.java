package io.profilegateway.switching;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recorded switch request. Profile names are copied so the history survives deleted profiles. */
@Entity
@Table(name = "switch_history")
public class SwitchHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "switch_history_seq")
    @SequenceGenerator(name = "switch_history_seq", sequenceName = "switch_history_seq", allocationSize = 50)
    public Long id;

    @Column(name = "user_id")
    public long userId;

    public Instant at;

    @Column(name = "from_profile_id")
    public Long fromProfileId;

    @Column(name = "from_profile_name")
    public String fromProfileName;

    @Column(name = "to_profile_id")
    public long toProfileId;

    @Column(name = "to_profile_name")
    public String toProfileName;

    @Enumerated(EnumType.STRING)
    public SwitchSource source;

    public String actor;

    @Enumerated(EnumType.STRING)
    public SwitchOutcome outcome;

    public String detail;
}
