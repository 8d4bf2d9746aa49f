package io.profilegateway.common;

import java.time.DayOfWeek;

/** Weekdays as the API writes them ({@code MON} … {@code SUN}). */
public enum Weekday {
    MON, TUE, WED, THU, FRI, SAT, SUN;

    public DayOfWeek toDayOfWeek() {
        return DayOfWeek.of(ordinal() + 1);
    }
}
