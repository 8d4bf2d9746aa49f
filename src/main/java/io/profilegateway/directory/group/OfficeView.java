package io.profilegateway.directory.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A group's office state now. */
@Schema(name = "OfficeState")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OfficeView(
        @Schema(description = "In effect now: the override if one is set, else the schedule", example = "OPEN")
        OfficeHours.State state,
        @Schema(description = "What the weekly hours and exceptions say now", example = "OPEN")
        OfficeHours.State scheduled,
        @Schema(description = "The receptionist's override, or null", example = "CLOSED") OfficeHours.State override,
        @Schema(description = "Who set the override") String overrideBy,
        Instant overrideAt,
        @Schema(description = "When the override ends by itself (then the schedule rules again), or null")
        Instant overrideUntil,
        @Schema(description = "Since when the office is in this state (as seen by the gateway)") Instant since) {
}
