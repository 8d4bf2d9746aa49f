package io.profilegateway.directory.group;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A site or department: language, IANA time zone and office hours. */
@Entity(name = "UserGroup")
@Table(name = "user_group")
public class Group extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "user_group_seq")
    @SequenceGenerator(name = "user_group_seq", sequenceName = "user_group_seq", allocationSize = 50)
    public Long id;

    public String name;

    public String language;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "office_hours")
    @Convert(converter = OfficeHoursConverter.class)
    public OfficeHours officeHours;

    @Embedded
    public RelationshipDefaults relationshipDefaults = RelationshipDefaults.STANDARD;

    @Version
    public long version;
}
