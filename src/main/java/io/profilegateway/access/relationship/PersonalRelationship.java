package io.profilegateway.access.relationship;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** The level an owner gave one viewer himself (rule 1 of product.md §5: beats every server setting). */
@Entity
@Table(name = "personal_relationship")
public class PersonalRelationship extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "owner_id") Long ownerId, @Column(name = "viewer_id") Long viewerId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(name = "rel_level")
    public Level level;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    public static List<PersonalRelationship> ofOwner(long ownerId) {
        return list("key.ownerId = ?1 order by key.viewerId", ownerId);
    }
}
