package io.profilegateway.trigger.teams;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns observed activities into meeting starts and ends, per user: a start when the activity enters a Teams
 * profile's set while no meeting is on, an end when it leaves every set. Offline and PresenceUnknown say nothing
 * (a closed client, a lost session) and are ignored. After a switch, the user is not switched again within the
 * hold-down: a change meanwhile is deferred and decided on the next look after the hold-down. Thread-safe.
 */
final class MeetingTracker {

    static final Set<String> SILENT = Set.of("Offline", "PresenceUnknown");

    private static final class State {
        List<MeetingRule> rules;
        Long meetingProfile;
        Instant lastSwitch;
        String lastActivity;

        State(Watch watch) {
            rules = watch.rules();
            meetingProfile = watch.meetingProfile();
        }
    }

    private final Map<Long, State> users = new ConcurrentHashMap<>();
    private final Duration holdDown;

    MeetingTracker(Duration holdDown) {
        this.holdDown = holdDown;
    }

    /** Takes the current watch list: new users start from the database's view, gone users are forgotten. */
    void update(Collection<Watch> watches) {
        Set<Long> present = new HashSet<>();
        for (Watch watch : watches) {
            present.add(watch.userId());
            users.compute(watch.userId(), (id, state) -> {
                if (state == null) {
                    return new State(watch);
                }
                synchronized (state) {
                    state.rules = watch.rules();
                    if (state.meetingProfile != null && state.rules.stream()
                            .noneMatch(r -> r.profileId() == state.meetingProfile)) {
                        state.meetingProfile = null; // the profile lost its Teams trigger: nothing to end
                    }
                }
                return state;
            });
        }
        users.keySet().retainAll(present);
    }

    int size() {
        return users.size();
    }

    /** The meeting profile the user is in as far as the tracker knows; empty when none (or not watched). */
    Optional<Long> meetingProfile(long userId) {
        State state = users.get(userId);
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            return Optional.ofNullable(state.meetingProfile);
        }
    }

    /** The user's activity as Graph reports it now; empty when nothing is to be done. */
    Optional<Decision> observe(long userId, String activity, Instant now) {
        State state = users.get(userId);
        if (state == null || activity == null || SILENT.contains(activity)) {
            return Optional.empty();
        }
        synchronized (state) {
            state.lastActivity = activity;
            return decide(userId, state, now);
        }
    }

    /** Looks again at the last meaningful activity (after a deferral). */
    Optional<Decision> reevaluate(long userId, Instant now) {
        State state = users.get(userId);
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            return state.lastActivity == null ? Optional.empty() : decide(userId, state, now);
        }
    }

    /** The decided switch is committed: the hold-down counts from now (a slow switch must not shorten it). */
    void switched(Decision decision, Instant now) {
        State state = users.get(decision.userId());
        if (state != null) {
            synchronized (state) {
                if (state.lastSwitch != null && now.isAfter(state.lastSwitch)) {
                    state.lastSwitch = now;
                }
            }
        }
    }

    /** A switch that failed (database down): forget it, so the next look tries again. */
    void revert(Decision decision) {
        State state = users.get(decision.userId());
        if (state != null) {
            synchronized (state) {
                state.meetingProfile = decision.kind() == Decision.Kind.START ? null : decision.profileId();
                state.lastSwitch = null;
            }
        }
    }

    private Optional<Decision> decide(long userId, State state, Instant now) {
        Long wanted = state.meetingProfile != null && inAnyRule(state, state.lastActivity) ? state.meetingProfile
                : firstRule(state, state.lastActivity);
        if (java.util.Objects.equals(wanted, state.meetingProfile)) {
            return Optional.empty();
        }
        if (state.lastSwitch != null && now.isBefore(state.lastSwitch.plus(holdDown))) {
            return Optional.of(Decision.defer(userId, state.lastSwitch.plus(holdDown)));
        }
        Decision decision = wanted != null ? Decision.start(userId, wanted)
                : Decision.end(userId, state.meetingProfile);
        state.meetingProfile = wanted;
        state.lastSwitch = now;
        return Optional.of(decision);
    }

    private static boolean inAnyRule(State state, String activity) {
        return state.rules.stream().anyMatch(r -> r.activities().contains(activity));
    }

    private static Long firstRule(State state, String activity) {
        return state.rules.stream().filter(r -> r.activities().contains(activity)).map(MeetingRule::profileId)
                .findFirst().orElse(null);
    }
}
