package io.profilegateway.switching;

/**
 * What owns an activation: who ends it. A {@code BASE} activation stands until something else replaces it (a switch
 * by hand, an office-hours trigger, a TIME trigger without {@code until}); the others are layered on top of what was
 * active before and end by themselves, which returns the user to what is beneath them (README "Activations").
 */
public enum ActivationKind {
    /** Stands until replaced; nothing beneath it. */
    BASE,
    /** A TIME trigger with {@code until}: ends at {@code until}. One per profile in a user's stack. */
    TIME,
    /** A Teams meeting: ends with the meeting. One per profile in a user's stack. */
    TEAMS,
    /** A switch by hand with {@code until}: ends then. At most one in a user's stack. */
    MANUAL_UNTIL;

    /** The kind of activation a switch from {@code source} starts when nothing else is said. */
    static ActivationKind of(SwitchSource source) {
        return source == SwitchSource.TEAMS ? TEAMS : BASE;
    }

    /** The kind a trigger of {@code source} owns when its end is due. */
    static ActivationKind endedBy(SwitchSource source) {
        return source == SwitchSource.TEAMS ? TEAMS : TIME;
    }

    boolean isLayer() {
        return this != BASE;
    }

    /** Whether an activation of this kind for {@code profileId} is the one an end of {@code kind, profile} ends. */
    boolean sameOwner(long profileId, ActivationKind kind, long otherProfileId) {
        return this == kind && (this == MANUAL_UNTIL || profileId == otherProfileId);
    }
}
