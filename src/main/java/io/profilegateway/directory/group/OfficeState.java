package io.profilegateway.directory.group;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A group's office state as last seen, and the receptionist's override if one is set. */
@Entity
@Table(name = "office_state")
public class OfficeState extends PanacheEntityBase {

    @Id
    @Column(name = "group_id")
    public Long groupId;

    @Enumerated(EnumType.STRING)
    public OfficeHours.State state;

    public Instant since;

    @Enumerated(EnumType.STRING)
    @Column(name = "override_state")
    public OfficeHours.State override;

    @Column(name = "override_by")
    public String overrideBy;

    @Column(name = "override_at")
    public Instant overrideAt;

    /** When the override ends by itself, or null. */
    @Column(name = "override_until")
    public Instant overrideUntil;

    static Optional<OfficeState> lockForUpdate(long groupId) {
        return OfficeState.<OfficeState>findByIdOptional(groupId, LockModeType.PESSIMISTIC_WRITE);
    }
}
