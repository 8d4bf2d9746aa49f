package io.profilegateway.directory.group;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A group as the API reads and writes it. */
@Schema(name = "Group")
public record GroupDto(
        @Schema(readOnly = true, example = "3") Long id,
        @Schema(required = true, example = "Berlin office") String name,
        @Schema(description = "BCP 47 language tag", example = "de") String language,
        @Schema(description = "IANA time zone id", example = "Europe/Berlin") String timeZone,
        OfficeHours officeHours,
        @Schema(description = "the level viewers have on the members whose primary group this is, by where the "
                + "viewer is; omitted = EMPLOYEE, EMPLOYEE, UNKNOWN") RelationshipDefaults relationshipDefaults) {

    static GroupDto of(Group g) {
        return new GroupDto(g.id, g.name, g.language, g.timeZone, g.officeHours, g.relationshipDefaults);
    }
}
