package io.profilegateway.access.relationship;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One way a viewer is related to an owner, with the level it gives: the owner's own setting, his VIP flag, his
 * group's defaults, a team both are members of, or a monitoring group's rule.
 */
@Schema(name = "RelationshipPath")
public record Path(
        @Schema(example = "MONITORING_GROUP") Kind kind,
        @Schema(description = "the group, team or monitoring group; null otherwise", example = "1000") Long sourceId,
        @Schema(example = "Front desk") String sourceName,
        @Schema(example = "ASSISTANT") Level level,
        @Schema(example = "monitoring group 'Front desk': sub-group 'assistants' is ASSISTANT for 'staff'")
        String description) {

    public enum Kind {
        /** The owner set this level for the viewer himself. */
        PERSONAL,
        /** The owner is a VIP: UNKNOWN unless he says otherwise. */
        VIP,
        /** The default of the owner's primary group for viewers who are its members. */
        SAME_GROUP,
        /** ... for viewers from other groups. */
        OTHER_GROUPS,
        /** ... for viewers in no group. */
        OUTSIDE,
        /** Both are members of a team that gives its members this level on each other. */
        TEAM,
        /** A monitoring group's rule from a sub-group of the viewer to one of the owner. */
        MONITORING_GROUP,
        /** Nothing relates them (the owner has no group): UNKNOWN. */
        NONE
    }

    static Path of(Kind kind, Level level, String description) {
        return new Path(kind, null, null, level, description);
    }
}
