package io.profilegateway.access.relationship;

import io.profilegateway.directory.group.Group;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A monitoring group (seed 002, example 2): named sub-groups of users and the level each sub-group has on another
 * (or on itself), e.g. "assistants" are ASSISTANT for "staff".
 */
@Entity
@Table(name = "monitoring_group")
public class MonitoringGroup extends PanacheEntityBase {

    @Embeddable
    public static class Member {
        @Column(name = "sub_group")
        public String subGroup;

        @Column(name = "user_id")
        public Long userId;

        protected Member() {
        }

        public Member(String subGroup, Long userId) {
            this.subGroup = subGroup;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Member m && subGroup.equals(m.subGroup) && userId.equals(m.userId);
        }

        @Override
        public int hashCode() {
            return subGroup.hashCode() * 31 + userId.hashCode();
        }
    }

    @Embeddable
    public static class Rule {
        public String viewers;

        public String owners;

        @Enumerated(EnumType.STRING)
        @Column(name = "rel_level")
        public Level level;

        protected Rule() {
        }

        public Rule(String viewers, String owners, Level level) {
            this.viewers = viewers;
            this.owners = owners;
            this.level = level;
        }
    }

    @Id
    @GeneratedValue(generator = "monitoring_group_seq")
    @SequenceGenerator(name = "monitoring_group_seq", sequenceName = "monitoring_group_seq", allocationSize = 50)
    public Long id;

    public String name;

    /** The group whose admins manage it; none = system admins only. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "group_id")
    public Group group;

    @ElementCollection
    @CollectionTable(name = "monitoring_member", joinColumns = @JoinColumn(name = "monitoring_group_id"))
    public Set<Member> members = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "monitoring_rule", joinColumns = @JoinColumn(name = "monitoring_group_id"))
    @OrderColumn(name = "position")
    public List<Rule> rules = new ArrayList<>();

    @Version
    public long version;
}
