package io.profilegateway.switching;

/** What came of a switch request. */
public enum SwitchOutcome {
    /** The chains ran and the new profile is active. */
    SWITCHED,
    /** The profile was already active: nothing ran. */
    ALREADY_ACTIVE,
    /** A trigger asked, but the active profile is sticky: nothing ran. */
    SKIPPED_STICKY,
    /** A change made on the phone (pause key, DND code) was taken into the desired state: no profile change. */
    ADOPTED,
    /** The chains could not be applied (e.g. the workplace is taken): nothing changed. */
    FAILED,
    /**
     * The switch was refused before anything ran (400: a bad value or a profile the user may not use, 403 / 404: the
     * caller may not switch him); the detail says why.
     */
    REFUSED
}
