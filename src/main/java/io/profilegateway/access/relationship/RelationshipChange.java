package io.profilegateway.access.relationship;

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

/**
 * One recorded change of who may see whom (seed 002: relationships are privacy-relevant): who changed what, for
 * whom, when, from what to what. Kept when the users or objects it names are deleted.
 */
@Entity
@Table(name = "relationship_change")
public class RelationshipChange extends PanacheEntityBase {

    public enum Subject {
        /** An owner's personal level for one viewer. */
        PERSONAL,
        /** A group's defaults. */
        GROUP_DEFAULTS,
        /** A team's level among its members. */
        TEAM,
        /** A monitoring group: created, changed (members, rules) or deleted. */
        MONITORING_GROUP,
        /** A user's VIP flag. */
        VIP
    }

    @Id
    @GeneratedValue(generator = "relationship_change_seq")
    @SequenceGenerator(name = "relationship_change_seq", sequenceName = "relationship_change_seq",
            allocationSize = 50)
    public Long id;

    public Instant at;

    public String actor;

    @Enumerated(EnumType.STRING)
    public Subject subject;

    /** The group, team or monitoring group changed; null for a personal level. */
    @Column(name = "subject_id")
    public Long subjectId;

    @Column(name = "owner_id")
    public Long ownerId;

    @Column(name = "viewer_id")
    public Long viewerId;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;
}
