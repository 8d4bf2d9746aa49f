package io.profilegateway.trigger.time;

import io.profilegateway.common.Weekday;
import io.profilegateway.profile.Trigger;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * When a TIME trigger fires, in one time zone. Local times are resolved with {@link ZonedDateTime#of}: a time that
 * does not exist on a spring-forward day (02:30 in Europe/Berlin) fires once, shifted by the gap (03:30); a time that
 * exists twice on an autumn day fires once, at its first (summer-time) instant. So daylight saving neither skips nor
 * doubles a firing.
 *
 * @param at    the local start time
 * @param until the local end time, or null (an {@code until} not after {@code at} ends on the next day)
 * @param days  the weekdays it fires on; empty when {@code date} is given
 * @param date  the one date it fires on, or null
 */
public record TimeRule(LocalTime at, LocalTime until, Set<DayOfWeek> days, LocalDate date) {

    public static TimeRule of(Trigger trigger) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (trigger.days() != null) {
            trigger.days().stream().map(Weekday::toDayOfWeek).forEach(days::add);
        }
        return new TimeRule(trigger.at(), trigger.until(), days, trigger.date());
    }

    /** @return the first start strictly after {@code after}, or empty when a one-date rule is over */
    public Optional<ZonedDateTime> nextStart(Instant after, ZoneId zone) {
        if (date != null) {
            return Optional.of(ZonedDateTime.of(date, at, zone)).filter(start -> start.toInstant().isAfter(after));
        }
        LocalDate day = LocalDate.ofInstant(after, zone).minusDays(1);
        for (int i = 0; i < 9; i++, day = day.plusDays(1)) {
            if (firesOn(day)) {
                ZonedDateTime start = ZonedDateTime.of(day, at, zone);
                if (start.toInstant().isAfter(after)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }

    /** @return the latest start at or before {@code now}, or empty when it never fired yet */
    public Optional<ZonedDateTime> lastStart(Instant now, ZoneId zone) {
        if (date != null) {
            return Optional.of(ZonedDateTime.of(date, at, zone)).filter(start -> !start.toInstant().isAfter(now));
        }
        LocalDate day = LocalDate.ofInstant(now, zone).plusDays(1);
        for (int i = 0; i < 9; i++, day = day.minusDays(1)) {
            if (firesOn(day)) {
                ZonedDateTime start = ZonedDateTime.of(day, at, zone);
                if (!start.toInstant().isAfter(now)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }

    /** @return the end of the occurrence that started at {@code start}, or empty without {@code until} */
    public Optional<ZonedDateTime> endOf(ZonedDateTime start) {
        if (until == null) {
            return Optional.empty();
        }
        LocalDate startDay = start.toLocalDate();
        LocalDate endDay = until.isAfter(at) ? startDay : startDay.plusDays(1);
        return Optional.of(ZonedDateTime.of(endDay, until, start.getZone()));
    }

    /**
     * @return the start of the occurrence whose end comes next after {@code after} (empty without {@code until} or
     *         when a one-date rule is over)
     */
    public Optional<ZonedDateTime> nextEndingStart(Instant after, ZoneId zone) {
        if (until == null) {
            return Optional.empty();
        }
        Optional<ZonedDateTime> running = lastStart(after, zone)
                .filter(start -> endOf(start).orElseThrow().toInstant().isAfter(after));
        return running.isPresent() ? running : nextStart(after, zone);
    }

    private boolean firesOn(LocalDate day) {
        return days.contains(day.getDayOfWeek());
    }
}
