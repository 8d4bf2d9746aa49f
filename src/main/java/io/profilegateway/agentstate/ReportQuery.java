package io.profilegateway.agentstate;

import io.profilegateway.common.Violations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The window and filters of an agent-state report, from the query parameters: {@code from} / {@code to} as ISO-8601
 * date-times with an offset ({@code 2026-12-01T08:00:00Z}, {@code 2026-12-01T09:00:00+01:00}) or dates (midnight
 * UTC); {@code to} defaults to now, {@code from} to one day before {@code to}; {@code team} and {@code user} ids.
 */
public record ReportQuery(Instant from, Instant to, Optional<Long> teamId, Optional<Long> userId) {

    static ReportQuery parse(String from, String to, String team, String user, Instant now, Duration maxWindow) {
        Violations v = new Violations();
        Instant end = instant(v, "to", to);
        Instant start = instant(v, "from", from);
        Optional<Long> teamId = id(v, "team", team);
        Optional<Long> userId = id(v, "user", user);
        v.throwIfAny();
        Instant stop = end != null ? end : now;
        Instant begin = start != null ? start : stop.minus(Duration.ofDays(1));
        if (begin.isAfter(stop)) {
            v.add("from", "must not be after to (" + stop + ")");
        } else if (Duration.between(begin, stop).compareTo(maxWindow) > 0) {
            v.add("from", "the window may be at most " + maxWindow.toDays() + " days long");
        }
        v.throwIfAny();
        return new ReportQuery(begin, stop, teamId, userId);
    }

    private static Instant instant(Violations v, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            v.add(field, "must be an ISO-8601 date-time with offset (2026-12-01T08:00:00Z) or a date (2026-12-01)");
            return null;
        }
    }

    private static Optional<Long> id(Violations v, String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (!text.matches("[0-9]{1,18}")) {
            v.add(field, "must be a numeric id");
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }
}
