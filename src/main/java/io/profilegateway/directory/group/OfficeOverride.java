package io.profilegateway.directory.group;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A receptionist's override of the office state; {@code state} null removes it (the schedule applies again). */
@Schema(name = "OfficeOverride")
public record OfficeOverride(
        @Schema(description = "OPEN, CLOSED, BREAK, or null for none", example = "CLOSED") OfficeHours.State state) {
}
