package io.profilegateway.switching;

/** Who or what asked for a switch (recorded in the history). */
public enum SwitchSource {
    /** A person, by hand (web page, own client). */
    MANUAL,
    /** A program through the REST API on behalf of someone. */
    API,
    /** A time or office-hours trigger. */
    TIME,
    /** A Microsoft Teams meeting trigger. */
    TEAMS,
    /** A feature code or a change made on the phone. */
    DIALPLAN,
    /** The gateway itself (a new user, a deleted profile). */
    SYSTEM;

    /** A person is behind the request and can be asked for missing values. */
    public boolean isPerson() {
        return this == MANUAL || this == API || this == DIALPLAN;
    }

    /** Triggers never switch a user away from a sticky profile. */
    public boolean isTrigger() {
        return this == TIME || this == TEAMS;
    }
}
