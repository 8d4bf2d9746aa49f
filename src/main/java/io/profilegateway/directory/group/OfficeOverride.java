package io.profilegateway.directory.group;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A receptionist's override of the office state; {@code state} null removes it (the schedule applies again). */
@Schema(name = "OfficeOverride")
public record OfficeOverride(
        @Schema(description = "OPEN, CLOSED, BREAK, or null for none", example = "CLOSED") OfficeHours.State state,
        @Schema(description = "optional: the override ends by itself then (ISO-8601 instant, in the future, at most "
                + "31 days ahead) and the group's office hours rule again; null: until removed",
                example = "2026-11-23T14:00:00Z") Instant until) {

    public OfficeOverride(OfficeHours.State state) {
        this(state, null);
    }
}
