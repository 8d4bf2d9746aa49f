package io.profilegateway.access.relationship;

/**
 * What a viewer may see of, or do to, an owner, each with the lowest level that has it: the rights table of
 * product.md §5, plus the two contact rows of seed 002's matrix that the directory needs (general and detailed
 * contact info). {@code RelationshipMatrixTest} reads product.md's table and fails if this enum disagrees with it.
 */
public enum Right {
    /** Name, e-mail (the photo when there is one): every level but BLOCKED. */
    SEE_CONTACT(Level.UNKNOWN),
    /** The presence type and icon, no text. */
    SEE_PRESENCE_ICON(Level.EXTERNAL),
    /** The profile's name, since when. */
    SEE_GENERAL_PRESENCE(Level.EMPLOYEE),
    /** That a redirect is set, not where. */
    SEE_REDIRECT_SET(Level.EMPLOYEE),
    SEE_BUSY_STATE(Level.EMPLOYEE),
    /** Seed 002 "Allgemeine Kontaktinfos": the extension and the groups. */
    SEE_GENERAL_CONTACT(Level.EMPLOYEE),
    /** Who or what switched him and why (source, actor, previous profile, history details). */
    SEE_DETAILED_PRESENCE(Level.TEAM_COLLEAGUE),
    SEE_REDIRECT_TARGET(Level.TEAM_COLLEAGUE),
    PICK_UP_CALLS(Level.TEAM_COLLEAGUE),
    /** Seed 002 "Detaillierte Kontaktinfos": mobile number and devices. */
    SEE_DETAILED_CONTACT(Level.TEAM_COLLEAGUE),
    SWITCH_PROFILE(Level.ASSISTANT),
    SET_REDIRECT(Level.ASSISTANT),
    SEE_CALLER_NUMBER(Level.ASSISTANT_PLUS);

    private final Level lowest;

    Right(Level lowest) {
        this.lowest = lowest;
    }

    public Level lowest() {
        return lowest;
    }
}
