package io.profilegateway.directory.group;

import java.time.LocalDate;
import java.time.LocalTime;
import com.fasterxml.jackson.annotation.JsonFormat;
import io.profilegateway.common.Weekday;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A group's office hours: weekly intervals (OPEN or BREAK; every other time is CLOSED) and dated exceptions such as
 * holidays, whose own intervals replace the weekly ones on that date (none = closed all day).
 */
@Schema(description = "Weekly OPEN/BREAK intervals in the group's time zone; outside them the office is CLOSED. "
        + "An exception replaces the weekly intervals on its date; an exception without intervals is a closed day.")
public record OfficeHours(List<WeeklyInterval> weekly, List<DatedException> exceptions) {

    public static final OfficeHours NONE = new OfficeHours(List.of(), List.of());

    public OfficeHours {
        weekly = weekly == null ? List.of() : List.copyOf(weekly);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    public enum State {
        OPEN, BREAK, CLOSED
    }

    public record WeeklyInterval(
            @Schema(example = "MON") Weekday day,
            @JsonFormat(pattern = "HH:mm") @Schema(example = "08:00", type = SchemaType.STRING) LocalTime from,
            @JsonFormat(pattern = "HH:mm") @Schema(example = "12:00", type = SchemaType.STRING) LocalTime to,
            @Schema(example = "OPEN") State state) {
    }

    public record Interval(
            @JsonFormat(pattern = "HH:mm") @Schema(example = "09:00", type = SchemaType.STRING) LocalTime from,
            @JsonFormat(pattern = "HH:mm") @Schema(example = "12:00", type = SchemaType.STRING) LocalTime to,
            @Schema(example = "OPEN") State state) {
    }

    public record DatedException(
            @Schema(example = "2026-12-24") LocalDate date,
            @Schema(example = "Christmas Eve") String name,
            List<Interval> intervals) {

        public DatedException {
            intervals = intervals == null ? List.of() : List.copyOf(intervals);
        }
    }
}
