package io.profilegateway.trigger.teams;

/** The presence the gateway's session asks Teams for (one of the pairs Graph's setPresence allows). */
enum TeamsPresence {
    /** On a PBX call. */
    IN_A_CALL("Busy", "InACall"),
    /** In a profile of presence type DND. */
    DO_NOT_DISTURB("DoNotDisturb", "Presenting");

    private final String availability;
    private final String activity;

    TeamsPresence(String availability, String activity) {
        this.availability = availability;
        this.activity = activity;
    }

    String availability() {
        return availability;
    }

    String activity() {
        return activity;
    }
}
