package io.profilegateway.directory.group;

import io.profilegateway.access.relationship.Level;
import io.profilegateway.common.Violations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a group: language tag, IANA time zone, relationship defaults, and office hours that do not overlap. */
final class GroupValidator {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");

    private GroupValidator() {
    }

    static void validate(GroupDto dto) {
        Violations v = new Violations();
        v.text("name", dto.name(), 100);
        v.optionalMatches("language", dto.language(), LANGUAGE, "a language tag such as de or en-GB");
        if (dto.timeZone() != null && !ZoneId.getAvailableZoneIds().contains(dto.timeZone())) {
            v.add("timeZone", "must be an IANA time zone id such as Europe/Berlin");
        }
        RelationshipDefaults defaults = dto.relationshipDefaults();
        if (defaults != null) {
            v.required("relationshipDefaults.sameGroup", defaults.sameGroup());
            v.required("relationshipDefaults.otherGroups", defaults.otherGroups());
            v.required("relationshipDefaults.outside", defaults.outside());
            if (defaults.outside() != null && defaults.outside().isAtLeast(Level.TEAM_COLLEAGUE)) {
                v.add("relationshipDefaults.outside", "viewers in no group get at most EMPLOYEE");
            }
        }
        OfficeHours hours = dto.officeHours() == null ? OfficeHours.NONE : dto.officeHours();
        v.size("officeHours.weekly", hours.weekly(), 200);
        v.size("officeHours.exceptions", hours.exceptions(), 500);
        List<OfficeHours.WeeklyInterval> weekly = hours.weekly();
        for (int i = 0; i < weekly.size(); i++) {
            OfficeHours.WeeklyInterval w = weekly.get(i);
            String field = "officeHours.weekly[" + i + "]";
            if (w == null) {
                v.add(field, "must not be null");
                continue;
            }
            v.required(field + ".day", w.day());
            interval(v, field, new OfficeHours.Interval(w.from(), w.to(), w.state()));
        }
        for (var day : io.profilegateway.common.Weekday.values()) {
            noOverlap(v, "officeHours.weekly", day + ": ", weekly.stream()
                    .filter(w -> w != null && day == w.day())
                    .map(w -> new OfficeHours.Interval(w.from(), w.to(), w.state())).toList());
        }
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < hours.exceptions().size(); i++) {
            OfficeHours.DatedException e = hours.exceptions().get(i);
            String field = "officeHours.exceptions[" + i + "]";
            if (e == null) {
                v.add(field, "must not be null");
                continue;
            }
            v.required(field + ".date", e.date());
            if (e.date() != null && !dates.add(e.date())) {
                v.add(field + ".date", "is given twice");
            }
            v.optionalText(field + ".name", e.name(), 100);
            v.size(field + ".intervals", e.intervals(), 20);
            for (int j = 0; j < e.intervals().size(); j++) {
                interval(v, field + ".intervals[" + j + "]", e.intervals().get(j));
            }
            noOverlap(v, field + ".intervals", "", e.intervals());
        }
        v.throwIfAny();
    }

    private static void interval(Violations v, String field, OfficeHours.Interval interval) {
        if (interval == null) {
            v.add(field, "must not be null");
            return;
        }
        v.required(field + ".from", interval.from());
        v.required(field + ".to", interval.to());
        v.required(field + ".state", interval.state());
        if (interval.state() == OfficeHours.State.CLOSED) {
            v.add(field + ".state", "must be OPEN or BREAK (every time outside the intervals is CLOSED)");
        }
        if (interval.from() != null && interval.to() != null && !interval.from().isBefore(interval.to())) {
            v.add(field + ".to", "must be after from");
        }
    }

    private static void noOverlap(Violations v, String field, String where, List<OfficeHours.Interval> intervals) {
        List<OfficeHours.Interval> sorted = new ArrayList<>(intervals.stream()
                .filter(i -> i != null && i.from() != null && i.to() != null).toList());
        sorted.sort(Comparator.comparing(OfficeHours.Interval::from));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).from().isBefore(sorted.get(i - 1).to())) {
                v.add(field, where + "intervals overlap at " + sorted.get(i).from());
                return;
            }
        }
    }
}
