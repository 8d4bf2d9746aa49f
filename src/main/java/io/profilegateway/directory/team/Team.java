package io.profilegateway.directory.team;

import io.profilegateway.access.relationship.Level;
import io.profilegateway.directory.group.Group;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.util.Optional;

/** A team: an Asterisk queue (its {@code queues.conf} name) users log in to, out of, and pause in. */
@Entity
public class Team extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "team_seq")
    @SequenceGenerator(name = "team_seq", sequenceName = "team_seq", allocationSize = 50)
    public Long id;

    public String name;

    public String queue;

    /** The group whose admins manage the team; none = only system admins. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "group_id")
    public Group group;

    /** The level the team's members (users whose desired state holds the queue) have on each other; null = none. */
    @Enumerated(EnumType.STRING)
    @Column(name = "member_relationship")
    public Level memberRelationship;

    @Version
    public long version;

    public static Optional<Team> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
