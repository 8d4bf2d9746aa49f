package io.profilegateway.switching;

import io.profilegateway.profile.Profile;
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
 * One recorded switch request. Profile names and the user's name and extension are copied so that the history
 * survives deleted profiles and users (no foreign key on {@code user_id}); rows older than
 * {@code gateway.history.retention} are purged.
 */
@Entity
@Table(name = "switch_history")
public class SwitchHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "switch_history_seq")
    @SequenceGenerator(name = "switch_history_seq", sequenceName = "switch_history_seq", allocationSize = 50)
    public Long id;

    @Column(name = "user_id")
    public long userId;

    @Column(name = "user_name")
    public String userName;

    @Column(name = "user_extension")
    public String userExtension;

    public Instant at;

    @Column(name = "from_profile_id")
    public Long fromProfileId;

    @Column(name = "from_profile_name")
    public String fromProfileName;

    /** Null for a refused switch that named no profile. */
    @Column(name = "to_profile_id")
    public Long toProfileId;

    @Column(name = "to_profile_name")
    public String toProfileName;

    @Enumerated(EnumType.STRING)
    public SwitchSource source;

    public String actor;

    @Enumerated(EnumType.STRING)
    public SwitchOutcome outcome;

    public String detail;

    /** A row for a switch of {@code state}'s user from {@code from}; the caller sets the target and persists it. */
    static SwitchHistory of(UserState state, Profile from, SwitchSource source, String actor, SwitchOutcome outcome,
            String detail, Instant at) {
        SwitchHistory row = new SwitchHistory();
        row.userId = state.userId;
        row.userName = state.user.displayName;
        row.userExtension = state.user.extension;
        row.at = at;
        row.fromProfileId = from == null ? null : from.id;
        row.fromProfileName = from == null ? null : from.name;
        row.source = source;
        row.actor = bounded(actor, 100);
        row.outcome = outcome;
        row.detail = bounded(detail, 500);
        return row;
    }

    private static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
