package io.profilegateway.trigger.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When TIME triggers fire: weekdays, once, until, time zones, and Europe/Berlin's daylight-saving days. */
class TimeRuleTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    @Test
    void shouldFireOnlyOnTheChosenWeekdays() {
        TimeRule rule = new TimeRule(LocalTime.of(8, 0), null, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), null);
        // Tuesday 2026-11-24 10:00 Berlin → next is Friday 27th 08:00, then Monday 30th
        Instant tuesday = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, BERLIN).toInstant();

        List<ZonedDateTime> starts = starts(rule, BERLIN, tuesday, 3);

        assertThat(starts).extracting(ZonedDateTime::toLocalDateTime).containsExactly(
                LocalDate.of(2026, 11, 27).atTime(8, 0), LocalDate.of(2026, 11, 30).atTime(8, 0),
                LocalDate.of(2026, 12, 4).atTime(8, 0));
        assertThat(rule.lastStart(tuesday, BERLIN).orElseThrow().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void shouldFireAOneDateRuleOnceAndThenNeverAgain() {
        TimeRule rule = new TimeRule(LocalTime.of(9, 30), null, Set.of(), LocalDate.of(2026, 12, 24));
        Instant before = ZonedDateTime.of(2026, 12, 1, 0, 0, 0, 0, BERLIN).toInstant();

        ZonedDateTime only = rule.nextStart(before, BERLIN).orElseThrow();

        assertThat(only.toLocalDateTime()).isEqualTo(LocalDate.of(2026, 12, 24).atTime(9, 30));
        assertThat(rule.nextStart(only.toInstant(), BERLIN)).isEmpty();
    }

    @Test
    void shouldEndOnTheNextDayWhenUntilIsNotAfterAt() {
        TimeRule rule = new TimeRule(LocalTime.of(22, 0), LocalTime.of(6, 0), EVERY_DAY, null);
        ZonedDateTime start = ZonedDateTime.of(2026, 11, 23, 22, 0, 0, 0, BERLIN);

        assertThat(rule.endOf(start).orElseThrow().toLocalDateTime())
                .isEqualTo(LocalDate.of(2026, 11, 24).atTime(6, 0));
        // at 23:00 the running occurrence (started 22:00) is the one whose end comes next
        Instant inside = start.plusHours(1).toInstant();
        assertThat(rule.nextEndingStart(inside, BERLIN).orElseThrow()).isEqualTo(start);
    }

    @Test
    void shouldFireAtTheSameLocalTimeInEachZone() {
        TimeRule rule = new TimeRule(LocalTime.of(12, 0), null, EVERY_DAY, null);
        Instant now = Instant.parse("2026-11-23T00:00:00Z");

        Instant berlin = rule.nextStart(now, BERLIN).orElseThrow().toInstant();
        Instant newYork = rule.nextStart(now, NEW_YORK).orElseThrow().toInstant();

        assertThat(berlin).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
        assertThat(newYork).isEqualTo(Instant.parse("2026-11-23T17:00:00Z"));
    }

    @Test
    void shouldFireOnceOnTheSpringForwardDayEvenForATimeThatDoesNotExist() {
        // 2027-03-28: Berlin jumps from 02:00 to 03:00; 02:30 does not exist that day
        TimeRule rule = new TimeRule(LocalTime.of(2, 30), null, EVERY_DAY, null);
        Instant from = ZonedDateTime.of(2027, 3, 26, 12, 0, 0, 0, BERLIN).toInstant();

        List<ZonedDateTime> starts = starts(rule, BERLIN, from, 4);

        assertThat(starts).extracting(ZonedDateTime::toLocalDate).containsExactly(LocalDate.of(2027, 3, 27),
                LocalDate.of(2027, 3, 28), LocalDate.of(2027, 3, 29), LocalDate.of(2027, 3, 30));
        assertThat(starts.get(1).toLocalTime()).isEqualTo(LocalTime.of(3, 30)); // shifted by the gap, not skipped
        assertThat(starts.get(2).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
    }

    @Test
    void shouldFireOnceOnTheFallBackDayForATimeThatExistsTwice() {
        // 2026-10-25: Berlin goes from 03:00 CEST back to 02:00 CET; 02:30 happens twice
        TimeRule rule = new TimeRule(LocalTime.of(2, 30), null, EVERY_DAY, null);
        Instant from = ZonedDateTime.of(2026, 10, 24, 12, 0, 0, 0, BERLIN).toInstant();

        List<ZonedDateTime> starts = starts(rule, BERLIN, from, 3);

        assertThat(starts).extracting(ZonedDateTime::toLocalDate).containsExactly(LocalDate.of(2026, 10, 25),
                LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 27));
        assertThat(starts.get(0).toInstant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z")); // the first 02:30
        // the second 02:30 (01:30Z) is no firing of its own
        assertThat(rule.nextStart(Instant.parse("2026-10-25T00:30:00Z"), BERLIN).orElseThrow().toLocalDate())
                .isEqualTo(LocalDate.of(2026, 10, 26));
    }

    @Test
    void shouldKeepTheLocalTimeAcrossTheChangeOfOffset() {
        TimeRule rule = new TimeRule(LocalTime.of(8, 0), LocalTime.of(9, 0), EVERY_DAY, null);
        Instant from = ZonedDateTime.of(2026, 10, 23, 12, 0, 0, 0, BERLIN).toInstant();

        List<ZonedDateTime> starts = starts(rule, BERLIN, from, 4);

        assertThat(starts).allSatisfy(s -> assertThat(s.toLocalTime()).isEqualTo(LocalTime.of(8, 0)));
        assertThat(starts.get(1).toInstant()).isEqualTo(Instant.parse("2026-10-25T07:00:00Z")); // CET now
        assertThat(rule.endOf(starts.get(1)).orElseThrow().toInstant()).isEqualTo(Instant.parse("2026-10-25T08:00:00Z"));
    }

    private static List<ZonedDateTime> starts(TimeRule rule, ZoneId zone, Instant from, int n) {
        List<ZonedDateTime> starts = new ArrayList<>();
        Instant after = from;
        for (int i = 0; i < n; i++) {
            ZonedDateTime next = rule.nextStart(after, zone).orElseThrow();
            starts.add(next);
            after = next.toInstant();
        }
        return starts;
    }
}
