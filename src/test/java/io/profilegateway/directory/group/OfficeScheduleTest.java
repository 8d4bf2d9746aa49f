package io.profilegateway.directory.group;

import static io.profilegateway.directory.group.OfficeHours.State.BREAK;
import static io.profilegateway.directory.group.OfficeHours.State.CLOSED;
import static io.profilegateway.directory.group.OfficeHours.State.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.profilegateway.common.Weekday;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfficeScheduleTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final OfficeHours HOURS = new OfficeHours(List.of(
            new OfficeHours.WeeklyInterval(Weekday.MON, LocalTime.of(8, 0), LocalTime.of(12, 0), OPEN),
            new OfficeHours.WeeklyInterval(Weekday.MON, LocalTime.of(12, 0), LocalTime.of(13, 0), BREAK),
            new OfficeHours.WeeklyInterval(Weekday.MON, LocalTime.of(13, 0), LocalTime.of(17, 0), OPEN)),
            List.of(new OfficeHours.DatedException(LocalDate.of(2026, 12, 28), "closed between the years", List.of()),
                    new OfficeHours.DatedException(LocalDate.of(2026, 12, 21), "short day",
                            List.of(new OfficeHours.Interval(LocalTime.of(9, 0), LocalTime.of(11, 0), OPEN)))));

    @Test
    void shouldFollowTheWeeklyIntervalsWithTheirBoundaries() {
        assertThat(at(2026, 11, 23, 7, 59)).isEqualTo(CLOSED);
        assertThat(at(2026, 11, 23, 8, 0)).isEqualTo(OPEN);
        assertThat(at(2026, 11, 23, 12, 0)).isEqualTo(BREAK);
        assertThat(at(2026, 11, 23, 13, 0)).isEqualTo(OPEN);
        assertThat(at(2026, 11, 23, 17, 0)).isEqualTo(CLOSED);
        assertThat(at(2026, 11, 24, 10, 0)).isEqualTo(CLOSED); // a Tuesday: no intervals
    }

    @Test
    void shouldLetADatedExceptionReplaceTheWeeklyIntervals() {
        assertThat(at(2026, 12, 28, 10, 0)).isEqualTo(CLOSED); // a Monday, but a closed day
        assertThat(at(2026, 12, 21, 10, 30)).isEqualTo(OPEN);
        assertThat(at(2026, 12, 21, 12, 30)).isEqualTo(CLOSED); // no break on the short day
    }

    @Test
    void shouldReadTheIntervalsInTheGroupsZone() {
        ZonedDateTime nineInBerlin = ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, BERLIN);
        assertThat(OfficeSchedule.stateAt(HOURS, nineInBerlin)).isEqualTo(OPEN);
        // the same instant is 03:00 in New York, where the same hours are closed
        assertThat(OfficeSchedule.stateAt(HOURS, nineInBerlin.withZoneSameInstant(ZoneId.of("America/New_York"))))
                .isEqualTo(CLOSED);
    }

    private static OfficeHours.State at(int y, int m, int d, int h, int min) {
        return OfficeSchedule.stateAt(HOURS, ZonedDateTime.of(y, m, d, h, min, 0, 0, BERLIN));
    }
}
