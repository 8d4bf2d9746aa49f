package io.profilegateway.directory.workplace;

import io.profilegateway.directory.group.Group;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.util.Optional;

/** A hot desk with its own device; at most one user holds it at a time (see the user state). */
@Entity
public class Workplace extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "workplace_seq")
    @SequenceGenerator(name = "workplace_seq", sequenceName = "workplace_seq", allocationSize = 50)
    public Long id;

    public String name;

    public String device;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "group_id")
    public Group group;

    @Version
    public long version;

    public static Optional<Workplace> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
