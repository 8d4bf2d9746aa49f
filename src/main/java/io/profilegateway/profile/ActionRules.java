package io.profilegateway.profile;

import io.profilegateway.common.Violations;
import io.profilegateway.directory.team.Team;
import io.profilegateway.directory.workplace.Workplace;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a chain step by step — the parameters each type needs and allows, dial strings, known teams and workplaces —
 * and turns it into stored rows. Nothing unchecked can reach the desired state or AMI.
 */
final class ActionRules {

    static final int MAX_CHAIN = 100;
    private static final int MAX_TARGETS = 10;
    private static final Map<ActionType, Set<String>> ALLOWED = new EnumMap<>(ActionType.class);

    static {
        ALLOWED.put(ActionType.SET_REACHABILITY, Set.of("enabled"));
        ALLOWED.put(ActionType.FOLLOW_ME, Set.of("enabled", "targets", "ringSeconds", "preRingSeconds"));
        ALLOWED.put(ActionType.GSM_MODE, Set.of("enabled"));
        ALLOWED.put(ActionType.TEAM_LOGIN, Set.of("team", "penalty"));
        ALLOWED.put(ActionType.TEAM_LOGOUT, Set.of("team"));
        ALLOWED.put(ActionType.TEAM_PAUSE, Set.of("team", "reason"));
        ALLOWED.put(ActionType.TEAM_UNPAUSE, Set.of("team"));
        ALLOWED.put(ActionType.SET_WORKPLACE, Set.of("workplace"));
        ALLOWED.put(ActionType.UNSET_WORKPLACE, Set.of());
        ALLOWED.put(ActionType.SET_REDIRECT, Set.of("kind", "target"));
        ALLOWED.put(ActionType.UNSET_REDIRECT, Set.of("kind"));
    }

    private ActionRules() {
    }

    static List<ActionRow> toRows(Violations v, String field, List<ActionDto> chain) {
        List<ActionRow> rows = new ArrayList<>();
        if (chain == null) {
            return rows;
        }
        v.size(field, chain, MAX_CHAIN);
        for (int i = 0; i < chain.size() && i < MAX_CHAIN; i++) {
            String f = field + "[" + i + "]";
            ActionDto a = chain.get(i);
            if (a == null) {
                v.add(f, "must not be null");
            } else if (a.type() == null) {
                v.add(f + ".type", "must be given");
            } else {
                rows.add(toRow(v, f, a));
            }
        }
        return rows;
    }

    private static ActionRow toRow(Violations v, String f, ActionDto a) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("enabled", a.enabled());
        given.put("targets", a.targets());
        given.put("ringSeconds", a.ringSeconds());
        given.put("preRingSeconds", a.preRingSeconds());
        given.put("team", a.team());
        given.put("penalty", a.penalty());
        given.put("reason", a.reason());
        given.put("workplace", a.workplace());
        given.put("kind", a.kind());
        given.put("target", a.target());
        Set<String> allowed = ALLOWED.get(a.type());
        given.forEach((name, value) -> {
            if (value != null && !allowed.contains(name)) {
                v.add(f + "." + name, "is not a parameter of " + a.type());
            }
        });
        ActionRow row = new ActionRow();
        row.type = a.type();
        switch (a.type()) {
            case SET_REACHABILITY, GSM_MODE -> row.enabled = required(v, f + ".enabled", a.enabled());
            case FOLLOW_ME -> followMe(v, f, a, row);
            case TEAM_LOGIN -> {
                row.team = team(v, f, a.team(), true);
                v.range(f + ".penalty", a.penalty(), 0, 1000);
                row.penalty = a.penalty();
            }
            case TEAM_LOGOUT, TEAM_UNPAUSE -> row.team = team(v, f, a.team(), a.type() == ActionType.TEAM_LOGOUT);
            case TEAM_PAUSE -> {
                row.team = team(v, f, a.team(), false);
                v.optionalText(f + ".reason", a.reason(), 64);
                row.reason = a.reason();
            }
            case SET_WORKPLACE -> row.workplace = workplace(v, f, a.workplace());
            case UNSET_WORKPLACE -> {
            }
            case SET_REDIRECT -> {
                row.redirectKind = required(v, f + ".kind", a.kind());
                if (!ActionRow.ASK.equals(a.target())) {
                    v.matches(f + ".target", a.target(), Violations.DIAL_STRING,
                            "a dial string (digits, '+', '*', '#'; at most 32) or \"ask\"");
                }
                row.redirectTarget = a.target();
            }
            case UNSET_REDIRECT -> row.redirectKind = required(v, f + ".kind", a.kind());
        }
        return row;
    }

    private static void followMe(Violations v, String f, ActionDto a, ActionRow row) {
        row.enabled = required(v, f + ".enabled", a.enabled());
        List<String> targets = a.targets();
        if (Boolean.TRUE.equals(a.enabled()) && (targets == null || targets.isEmpty())) {
            v.add(f + ".targets", "must name at least one number when FollowMe is enabled");
        }
        if (targets != null) {
            v.size(f + ".targets", targets, MAX_TARGETS);
            for (int i = 0; i < targets.size() && i < MAX_TARGETS; i++) {
                v.matches(f + ".targets[" + i + "]", targets.get(i), Violations.DIAL_STRING,
                        "a dial string (digits, '+', '*', '#'; at most 32)");
            }
            row.targets = String.join(",", targets.stream().map(String::valueOf).toList());
        }
        v.range(f + ".ringSeconds", a.ringSeconds(), 5, 300);
        row.ringSeconds = a.ringSeconds();
        v.range(f + ".preRingSeconds", a.preRingSeconds(), 0, 60);
        row.preRingSeconds = a.preRingSeconds();
    }

    private static Team team(Violations v, String f, String name, boolean required) {
        if (name == null) {
            if (required) {
                v.add(f + ".team", "must be given");
            }
            return null;
        }
        return Team.findByName(name).orElseGet(() -> {
            v.add(f + ".team", "is not a known team");
            return null;
        });
    }

    private static Workplace workplace(Violations v, String f, String name) {
        if (name == null) {
            v.add(f + ".workplace", "must be given");
            return null;
        }
        return Workplace.findByName(name).orElseGet(() -> {
            v.add(f + ".workplace", "is not a known workplace");
            return null;
        });
    }

    private static <T> T required(Violations v, String field, T value) {
        v.required(field, value);
        return value;
    }
}
