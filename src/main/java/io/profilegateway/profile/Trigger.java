package io.profilegateway.profile;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.profilegateway.common.Weekday;
import io.profilegateway.directory.group.OfficeHours;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A trigger definition of a profile. TIME uses {@code at}, {@code until}, {@code days} or {@code date} and
 * {@code timeZone}; TEAMS_MEETING uses {@code activities}; OFFICE_HOURS uses {@code group} (a group id) and
 * {@code when}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A trigger: TIME (at, until, days or date, timeZone), TEAMS_MEETING (activities), "
        + "OFFICE_HOURS (group, when)")
public record Trigger(
        @Schema(required = true, example = "TIME") TriggerType type,
        @JsonFormat(pattern = "HH:mm") @Schema(type = SchemaType.STRING, example = "12:00") LocalTime at,
        @JsonFormat(pattern = "HH:mm") @Schema(type = SchemaType.STRING, example = "12:45") LocalTime until,
        @Schema(example = "[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"]") List<Weekday> days,
        @Schema(example = "2026-12-24") LocalDate date,
        @Schema(example = "Europe/Berlin") String timeZone,
        @Schema(example = "[\"InAMeeting\",\"Presenting\"]") List<String> activities,
        @Schema(description = "OFFICE_HOURS: the group's id", example = "3") Long group,
        @Schema(example = "CLOSED") OfficeHours.State when) {
}
