package io.profilegateway.directory.user;

import io.profilegateway.access.Role;
import io.profilegateway.directory.group.Group;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person in the directory. PBX users have an extension (and so a desired PBX state); portal-only users have none.
 * Users with a user name and password (or API tokens) may log in.
 */
@Entity(name = "AppUser")
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    public Long id;

    public String extension;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    public String mobile;

    @Column(name = "entra_object_id")
    public String entraObjectId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "primary_group_id")
    public Group primaryGroup;

    @ManyToMany
    @JoinTable(name = "user_group_member", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "group_id"))
    public Set<Group> otherGroups = new HashSet<>();

    @Enumerated(EnumType.STRING)
    public Role role = Role.USER;

    @Column(name = "profile_personal")
    public boolean profilePersonal;

    public boolean vip;

    /** The endpoints the user rings on, in order ({@code PJSIP/1001}, {@code PJSIP/1001-desk}). */
    @ElementCollection
    @CollectionTable(name = "user_device", joinColumns = @JoinColumn(name = "user_id"))
    @OrderColumn(name = "position")
    @Column(name = "device")
    public List<String> devices = new ArrayList<>();

    /** The Asterisk server (a name under {@code gateway.ami.servers}) the user lives on; null = the default. */
    @Column(name = "pbx_server")
    public String pbxServer;

    /** Brought in by a directory import from the PBX (seed 003: users come from the PBX or are made by hand). */
    @Column(name = "imported_from_pbx")
    public boolean importedFromPbx;

    /** Brought in or matched by a directory import from Entra ID; never gives PBX state (that is the PBX's). */
    @Column(name = "imported_from_entra")
    public boolean importedFromEntra;

    public String username;

    @Column(name = "password_hash")
    public String passwordHash;

    /** Raised on every password change, so cached credential checks stop counting at once. */
    @Column(name = "credentials_version")
    public int credentialsVersion;

    @Version
    public long version;

    public boolean isPbxUser() {
        return extension != null;
    }

    /** The primary group first, then the others. */
    public Set<Long> groupIds() {
        Set<Long> ids = new LinkedHashSet<>();
        if (primaryGroup != null) {
            ids.add(primaryGroup.id);
        }
        otherGroups.forEach(g -> ids.add(g.id));
        return ids;
    }

    public static Optional<User> findByExtension(String extension) {
        return find("extension", extension).firstResultOptional();
    }

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
