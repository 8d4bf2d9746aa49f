package io.profilegateway.directory.group;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/** What a group's office hours say for a moment in the group's zone: OPEN, BREAK or CLOSED. */
public final class OfficeSchedule {

    private OfficeSchedule() {
    }

    /**
     * @param hours the weekly intervals and dated exceptions
     * @param local the moment, in the group's time zone
     * @return the state of the interval holding the moment (an exception's intervals replace the weekly ones on its
     *         date); CLOSED outside every interval
     */
    public static OfficeHours.State stateAt(OfficeHours hours, ZonedDateTime local) {
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        for (OfficeHours.DatedException exception : hours.exceptions()) {
            if (date.equals(exception.date())) {
                return stateIn(exception.intervals(), time);
            }
        }
        List<OfficeHours.Interval> today = hours.weekly().stream()
                .filter(w -> w.day() != null && w.day().toDayOfWeek() == local.getDayOfWeek())
                .map(w -> new OfficeHours.Interval(w.from(), w.to(), w.state())).toList();
        return stateIn(today, time);
    }

    private static OfficeHours.State stateIn(List<OfficeHours.Interval> intervals, LocalTime time) {
        for (OfficeHours.Interval interval : intervals) {
            if (!time.isBefore(interval.from()) && time.isBefore(interval.to())) {
                return interval.state();
            }
        }
        return OfficeHours.State.CLOSED;
    }
}
