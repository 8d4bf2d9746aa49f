package io.profilegateway.switching;

import io.profilegateway.profile.Profile;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/**
 * An activation beneath the active one, in a user's stack (table {@code user_activation}): the profile the user
 * returns to when what is above it ends, who owns it and, for a timed one, when it ends by itself.
 */
@Embeddable
public class Activation {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "profile_id")
    public Profile profile;

    @Enumerated(EnumType.STRING)
    public ActivationKind kind;

    @Enumerated(EnumType.STRING)
    public SwitchSource source;

    public Instant since;

    @Column(name = "until_at")
    public Instant until;

    protected Activation() {
    }

    Activation(Profile profile, ActivationKind kind, SwitchSource source, Instant since, Instant until) {
        this.profile = profile;
        this.kind = kind;
        this.source = source;
        this.since = since;
        this.until = until;
    }

    boolean ownedBy(ActivationKind endingKind, long endingProfileId) {
        return kind.sameOwner(profile.id, endingKind, endingProfileId);
    }
}
