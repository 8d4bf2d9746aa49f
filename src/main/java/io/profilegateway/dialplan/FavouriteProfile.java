package io.profilegateway.dialplan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One of a user's favourite profiles, the ones {@code *55} cycles through, at its place in his order. */
@Entity
@Table(name = "favourite_profile")
@IdClass(FavouriteProfile.Key.class)
public class FavouriteProfile extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public long userId;

    @Id
    public int position;

    @Column(name = "profile_id")
    public long profileId;

    /** The primary key: user and position. */
    public static class Key implements Serializable {
        public long userId;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.userId == userId && k.position == position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, position);
        }
    }
}
