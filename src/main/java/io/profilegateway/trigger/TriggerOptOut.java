package io.profilegateway.trigger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A user who does not want a profile's triggers to switch him. */
@Entity
@Table(name = "trigger_opt_out")
@IdClass(TriggerOptOut.Key.class)
public class TriggerOptOut extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public Long userId;

    @Id
    @Column(name = "profile_id")
    public Long profileId;

    public record Key(Long userId, Long profileId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    public static List<Long> profilesOf(long userId) {
        return TriggerOptOut.<TriggerOptOut>list("userId = ?1 order by profileId", userId).stream()
                .map(o -> o.profileId).toList();
    }

    public static Set<Long> usersOf(long profileId) {
        return TriggerOptOut.<TriggerOptOut>list("profileId", profileId).stream().map(o -> o.userId)
                .collect(Collectors.toSet());
    }
}
