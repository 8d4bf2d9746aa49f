package io.profilegateway.profile;

import io.profilegateway.common.Violations;
import io.profilegateway.directory.group.Group;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks trigger definitions: each type with exactly the fields it uses. */
final class TriggerRules {

    static final int MAX_TRIGGERS = 20;
    /** Microsoft Graph presence activities (teams.md). */
    static final Set<String> ACTIVITIES = Set.of("Available", "Away", "BeRightBack", "Busy", "DoNotDisturb", "InACall",
            "InAConferenceCall", "Inactive", "InAMeeting", "Offline", "OffWork", "OutOfOffice", "PresenceUnknown",
            "Presenting", "UrgentInterruptionsOnly");

    private TriggerRules() {
    }

    static void validate(Violations v, List<Trigger> triggers) {
        if (triggers == null) {
            return;
        }
        v.size("triggers", triggers, MAX_TRIGGERS);
        for (int i = 0; i < triggers.size() && i < MAX_TRIGGERS; i++) {
            String f = "triggers[" + i + "]";
            Trigger t = triggers.get(i);
            if (t == null) {
                v.add(f, "must not be null");
            } else if (t.type() == null) {
                v.add(f + ".type", "must be given");
            } else {
                switch (t.type()) {
                    case TIME -> time(v, f, t);
                    case TEAMS_MEETING -> teams(v, f, t);
                    case OFFICE_HOURS -> officeHours(v, f, t);
                }
            }
        }
    }

    private static void time(Violations v, String f, Trigger t) {
        notUsed(v, f, t.type(), "activities", t.activities());
        notUsed(v, f, t.type(), "group", t.group());
        notUsed(v, f, t.type(), "when", t.when());
        v.required(f + ".at", t.at());
        if (t.at() != null && t.at().equals(t.until())) {
            v.add(f + ".until", "must differ from at");
        }
        boolean days = t.days() != null && !t.days().isEmpty();
        if (days == (t.date() != null)) {
            v.add(f + ".days", "give either days (weekdays) or a date (once)");
        }
        if (days && (t.days().stream().anyMatch(java.util.Objects::isNull)
                || new HashSet<>(t.days()).size() != t.days().size())) {
            v.add(f + ".days", "must list each weekday at most once");
        }
        if (t.timeZone() != null && !ZoneId.getAvailableZoneIds().contains(t.timeZone())) {
            v.add(f + ".timeZone", "must be an IANA time zone id such as Europe/Berlin");
        }
    }

    private static void teams(Violations v, String f, Trigger t) {
        for (String name : List.of("at", "until", "days", "date", "timeZone", "group", "when")) {
            notUsed(v, f, t.type(), name, switch (name) {
                case "at" -> t.at();
                case "until" -> t.until();
                case "days" -> t.days();
                case "date" -> t.date();
                case "timeZone" -> t.timeZone();
                case "group" -> t.group();
                default -> t.when();
            });
        }
        if (t.activities() != null) {
            v.size(f + ".activities", t.activities(), ACTIVITIES.size());
            v.noNulls(f + ".activities", t.activities());
            for (int i = 0; i < t.activities().size(); i++) {
                if (!ACTIVITIES.contains(t.activities().get(i))) {
                    v.add(f + ".activities[" + i + "]", "is not a Microsoft Graph presence activity");
                }
            }
        }
    }

    private static void officeHours(Violations v, String f, Trigger t) {
        notUsed(v, f, t.type(), "at", t.at());
        notUsed(v, f, t.type(), "until", t.until());
        notUsed(v, f, t.type(), "days", t.days());
        notUsed(v, f, t.type(), "date", t.date());
        notUsed(v, f, t.type(), "timeZone", t.timeZone());
        notUsed(v, f, t.type(), "activities", t.activities());
        v.required(f + ".when", t.when());
        if (t.group() == null) {
            v.add(f + ".group", "must be given");
        } else if (Group.findById(t.group()) == null) {
            v.add(f + ".group", "is not a known group id");
        }
    }

    private static void notUsed(Violations v, String f, TriggerType type, String name, Object value) {
        v.absent(f + "." + name, value, "is not used by " + type);
    }
}
