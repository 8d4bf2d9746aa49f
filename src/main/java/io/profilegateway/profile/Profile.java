package io.profilegateway.profile;

import io.profilegateway.access.Role;
import io.profilegateway.directory.group.Group;
import io.profilegateway.directory.user.User;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A presence profile: how it looks, who may use it, and the enter and leave chains it runs. */
@Entity
public class Profile extends PanacheEntityBase {

    public static final long AVAILABLE_ID = 1L;
    public static final long DND_ID = 2L;
    public static final String SHARED_SCOPE = "shared";

    @Id
    @GeneratedValue(generator = "profile_seq")
    @SequenceGenerator(name = "profile_seq", sequenceName = "profile_seq", allocationSize = 50)
    public Long id;

    public String name;

    public String color;

    public String icon;

    @Column(name = "icon_visible")
    public boolean iconVisible;

    public boolean sticky;

    @Enumerated(EnumType.STRING)
    public Assignment assignment;

    @Enumerated(EnumType.STRING)
    public PresenceType presence;

    /** The user a PERSONAL profile belongs to. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_user_id")
    public User owner;

    /** {@code shared} for SYSTEM and ADMIN profiles, {@code user:<id>} for PERSONAL ones: names are unique per scope. */
    @Column(name = "scope_key")
    public String scopeKey;

    /** Roles that may use the profile; empty = every role. */
    @ElementCollection
    @CollectionTable(name = "profile_role", joinColumns = @JoinColumn(name = "profile_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role")
    public Set<Role> roles = new HashSet<>();

    /** Groups whose members may use the profile; empty = every group. */
    @ManyToMany
    @JoinTable(name = "profile_group", joinColumns = @JoinColumn(name = "profile_id"),
            inverseJoinColumns = @JoinColumn(name = "group_id"))
    public Set<Group> groups = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "profile_enter_action", joinColumns = @JoinColumn(name = "profile_id"))
    @OrderColumn(name = "position")
    public List<ActionRow> enterActions = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "profile_leave_action", joinColumns = @JoinColumn(name = "profile_id"))
    @OrderColumn(name = "position")
    public List<ActionRow> leaveActions = new ArrayList<>();

    @Convert(converter = TriggerListConverter.class)
    public List<Trigger> triggers = new ArrayList<>();

    @Version
    public long version;

    public boolean isSystem() {
        return assignment == Assignment.SYSTEM;
    }

    /** Whether the user may have this profile active: role and group restrictions, and ownership for PERSONAL. */
    public boolean isUsableBy(User user) {
        if (assignment == Assignment.PERSONAL) {
            return owner != null && owner.id.equals(user.id);
        }
        return admits(roles, groupIds(), user);
    }

    /** The role and group restrictions of a SYSTEM or ADMIN profile: empty = everyone. */
    static boolean admits(Set<Role> roles, Set<Long> groupIds, User user) {
        if (!roles.isEmpty() && !roles.contains(user.role)) {
            return false;
        }
        return groupIds.isEmpty() || !Collections.disjoint(groupIds, user.groupIds());
    }

    public Set<Long> groupIds() {
        Set<Long> ids = new HashSet<>();
        groups.forEach(g -> ids.add(g.id));
        return ids;
    }

    public boolean asksForRedirectTarget() {
        return enterActions.stream().anyMatch(ActionRow::asksForRedirectTarget);
    }
}
