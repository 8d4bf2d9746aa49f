package io.profilegateway.switching;

import io.profilegateway.directory.user.User;
import io.profilegateway.directory.workplace.Workplace;
import io.profilegateway.profile.Profile;
import io.profilegateway.profile.RedirectKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's active profile and the desired PBX state the chains have left behind (pbx.md state table). The row is
 * locked for the whole of a switch, which serialises the switches of one user across threads and nodes.
 */
@Entity
@Table(name = "user_state")
public class UserState extends PanacheEntityBase {

    public static final int DEFAULT_RING_SECONDS = 20;

    @Id
    @Column(name = "user_id")
    public Long userId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    public User user;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "active_profile_id")
    public Profile activeProfile;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "previous_profile_id")
    public Profile previousProfile;

    @Column(name = "active_since")
    public Instant activeSince;

    @Enumerated(EnumType.STRING)
    @Column(name = "active_source")
    public SwitchSource activeSource;

    public boolean reachable = true;

    @Column(name = "redirect_always")
    public String redirectAlways;

    @Column(name = "redirect_busy")
    public String redirectBusy;

    @Column(name = "redirect_no_answer")
    public String redirectNoAnswer;

    @Column(name = "followme_enabled")
    public boolean followMeEnabled;

    /** FollowMe targets joined by ','. */
    @Column(name = "followme_targets")
    public String followMeTargets;

    @Column(name = "followme_ring_seconds")
    public int followMeRingSeconds = DEFAULT_RING_SECONDS;

    @Column(name = "gsm_enabled")
    public boolean gsmEnabled;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "workplace_id")
    public Workplace workplace;

    @ElementCollection
    @CollectionTable(name = "user_team_state", joinColumns = @JoinColumn(name = "user_id"))
    public List<TeamMembership> teams = new ArrayList<>();

    /** Raised on every change of the desired state; the reconciler compares it with what it last applied. */
    @Column(name = "state_version")
    public long stateVersion;

    /** The state of one user, locked until the transaction ends. */
    public static Optional<UserState> lockForUpdate(long userId) {
        return Optional.ofNullable(getEntityManager().find(UserState.class, userId, LockModeType.PESSIMISTIC_WRITE));
    }

    public static long countActive(Profile profile) {
        return count("activeProfile", profile);
    }

    public String redirect(RedirectKind kind) {
        return switch (kind) {
            case ALWAYS -> redirectAlways;
            case BUSY -> redirectBusy;
            case NO_ANSWER -> redirectNoAnswer;
        };
    }

    /** The redirects that are set, by kind. */
    public Map<RedirectKind, String> redirects() {
        Map<RedirectKind, String> redirects = new EnumMap<>(RedirectKind.class);
        for (RedirectKind kind : RedirectKind.values()) {
            if (redirect(kind) != null) {
                redirects.put(kind, redirect(kind));
            }
        }
        return Map.copyOf(redirects);
    }

    void setRedirect(RedirectKind kind, String target) {
        switch (kind) {
            case ALWAYS -> redirectAlways = target;
            case BUSY -> redirectBusy = target;
            case NO_ANSWER -> redirectNoAnswer = target;
        }
    }

    Optional<TeamMembership> membership(long teamId) {
        return teams.stream().filter(m -> m.team.id == teamId).findFirst();
    }
}
