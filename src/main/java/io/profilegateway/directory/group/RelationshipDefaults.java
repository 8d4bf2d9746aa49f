package io.profilegateway.directory.group;

import io.profilegateway.access.relationship.Level;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A group's default relationships (seed 002, "Standard-Beziehung"): the level viewers have on the group's members
 * (those whose primary group it is), by where the viewer is: in the same group, in other groups, or in none.
 */
@Embeddable
@Schema(name = "RelationshipDefaults")
public record RelationshipDefaults(
        @Enumerated(EnumType.STRING) @Column(name = "rel_same_group")
        @Schema(description = "viewers who are members of this group", example = "TEAM_COLLEAGUE") Level sameGroup,
        @Enumerated(EnumType.STRING) @Column(name = "rel_other_groups")
        @Schema(description = "viewers from other groups", example = "EMPLOYEE") Level otherGroups,
        @Enumerated(EnumType.STRING) @Column(name = "rel_outside")
        @Schema(description = "viewers in no group; at most EMPLOYEE", example = "UNKNOWN") Level outside) {

    /** What a new group gets when nothing is given. */
    public static final RelationshipDefaults STANDARD =
            new RelationshipDefaults(Level.EMPLOYEE, Level.EMPLOYEE, Level.UNKNOWN);
}
