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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A user's active profile and the desired PBX state the chains have left behind (pbx.md state table). The row is
 * locked for the whole of a switch, which serialises the switches of one user across threads and nodes.
 */
@Entity
@Table(name = "user_state")
public class UserState extends PanacheEntityBase {

    public static final int DEFAULT_RING_SECONDS = 20;
    /** FreePBX's default Initial Ring Time of FollowMe. */
    public static final int DEFAULT_PRE_RING_SECONDS = 7;

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

    /** Who owns the active activation, and so who ends it (README "Activations"). */
    @Enumerated(EnumType.STRING)
    @Column(name = "active_kind")
    public ActivationKind activeKind = ActivationKind.BASE;

    /** When the active activation ends by itself (a TIME trigger's or a manual switch's {@code until}), or null. */
    @Column(name = "active_until")
    public Instant activeUntil;

    /** What the user returns to when the active activation ends, the nearest last; empty under a BASE one. */
    @ElementCollection
    @CollectionTable(name = "user_activation", joinColumns = @JoinColumn(name = "user_id"))
    @OrderColumn(name = "position")
    List<Activation> beneath = new ArrayList<>();

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

    /** Seconds his own phones ring before the FollowMe list (FreePBX's default Initial Ring Time). */
    @Column(name = "followme_pre_ring_seconds")
    public int followMePreRingSeconds = DEFAULT_PRE_RING_SECONDS;

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

    /** Whether the active activation is the one an end of {@code kind} for {@code profileId} ends. */
    boolean activeOwnedBy(ActivationKind kind, long profileId) {
        return activeKind.sameOwner(activeProfile.id, kind, profileId);
    }

    /**
     * Makes {@code target} the active profile as {@code command} says: a layer (TIME with until, TEAMS, manual with
     * until) goes on top of what was active, replacing an older activation of the same owner; a BASE one replaces
     * the whole stack.
     */
    void activate(Profile target, SwitchCommand command, Instant now) {
        beneath.removeIf(Objects::isNull);
        if (command.kind().isLayer()) {
            beneath.removeIf(a -> a.ownedBy(command.kind(), target.id));
            if (!activeOwnedBy(command.kind(), target.id)) { // a new manual "until" replaces the running one
                beneath.add(new Activation(activeProfile, activeKind, activeSource, activeSince, activeUntil));
            }
        } else {
            beneath.clear();
        }
        resume(target, command.kind(), command.until(), command.source(), now);
    }

    /**
     * A trigger's start that the sticky active profile holds off takes effect beneath it, so that it is there when
     * the sticky one ends: a layer directly beneath the active one, a BASE one as the only thing beneath it.
     *
     * @return false when the active activation is itself a BASE one (it never ends: the start is simply skipped)
     */
    boolean deferBeneathActive(Profile target, SwitchCommand command, Instant now) {
        if (!activeKind.isLayer()) {
            return false;
        }
        beneath.removeIf(a -> a == null || a.ownedBy(command.kind(), target.id));
        if (!command.kind().isLayer()) {
            beneath.clear();
        }
        beneath.add(new Activation(target, command.kind(), command.source(), now, command.until()));
        return true;
    }

    /** An owner's activation beneath the active one ends: it is removed, nothing is switched. */
    boolean dropBeneath(ActivationKind kind, long profileId) {
        return beneath.removeIf(a -> a == null || a.ownedBy(kind, profileId));
    }

    /** Takes the nearest activation beneath that {@code usable} admits (those it does not are dropped). */
    Optional<Activation> popBeneath(Predicate<Profile> usable) {
        while (!beneath.isEmpty()) {
            Activation a = beneath.remove(beneath.size() - 1);
            if (a != null && usable.test(a.profile)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The activations beneath the active one, the nearest last. */
    public List<Activation> beneath() {
        return List.copyOf(beneath.stream().filter(Objects::nonNull).toList());
    }

    void resume(Profile target, ActivationKind kind, Instant until, SwitchSource source, Instant now) {
        activeProfile = target;
        activeKind = kind;
        activeUntil = until;
        activeSince = now;
        activeSource = source;
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

    /** A redirect set (target) or removed (null) on the phone; false when the state already says so. */
    public boolean adoptRedirect(RedirectKind kind, String target) {
        if (java.util.Objects.equals(redirect(kind), target)) {
            return false;
        }
        setRedirect(kind, target);
        return true;
    }

    /** A queue login on the phone; false when the user is a member of the team already. */
    public boolean adoptMembership(io.profilegateway.directory.team.Team team, int penalty, boolean paused,
            String reason) {
        if (membership(team.id).isPresent()) {
            return false;
        }
        TeamMembership member = new TeamMembership(team, penalty);
        member.paused = paused;
        member.pauseReason = paused ? reason : null;
        teams.add(member);
        return true;
    }

    /** A queue logout on the phone; false when the user was not in that queue. */
    public boolean dropMembership(String queue) {
        return teams.removeIf(m -> m.team.queue.equals(queue));
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
