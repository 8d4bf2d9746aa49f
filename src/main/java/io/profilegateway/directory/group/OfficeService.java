package io.profilegateway.directory.group;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.Actor;
import io.profilegateway.common.Violations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each group's office state: what its schedule says in its time zone, unless a receptionist overrides it. A change
 * is noticed under the group's row lock (so once, on one node) and announced as an {@link OfficeTransition} after
 * the commit. A group seen for the first time has no transition: nothing opened or closed.
 */
@ApplicationScoped
public class OfficeService {

    @Inject
    Clock clock;

    @Inject
    AccessPolicy access;

    @Inject
    Event<OfficeTransition> transitions;

    @Transactional
    public OfficeView view(long groupId) {
        Group group = GroupService.find(groupId);
        Instant now = clock.instant();
        OfficeHours.State scheduled = scheduled(group, now);
        OfficeState row = OfficeState.findById(groupId);
        if (row == null) {
            return new OfficeView(scheduled, scheduled, null, null, null, null, null);
        }
        OfficeHours.State state = row.override != null ? row.override : scheduled;
        return new OfficeView(state, scheduled, row.override, row.overrideBy, row.overrideAt, row.overrideUntil,
                state == row.state ? row.since : now);
    }

    /** Longest an override with {@code until} may last. */
    static final Duration UNTIL_LIMIT = Duration.ofDays(31);

    public OfficeView override(Actor actor, long groupId, OfficeHours.State state) {
        return override(actor, groupId, state, null);
    }

    /**
     * Sets ({@code state} not null) or removes the override; members are switched before this returns.
     *
     * @param until when the override ends by itself (the schedule rules again from the next check on), or null
     */
    public OfficeView override(Actor actor, long groupId, OfficeHours.State state, Instant until) {
        List<OfficeTransition> seen = QuarkusTransaction.requiringNew().call(() -> {
            Group group = GroupService.find(groupId);
            access.require(access.canOverrideOffice(actor, groupId), "override this group's office state");
            Instant now = clock.instant();
            Violations v = new Violations();
            if (until != null && state == null) {
                v.add("until", "needs a state (removing the override takes no until)");
            } else if (until != null && !until.isAfter(now)) {
                v.add("until", "must be in the future");
            } else if (until != null && until.isAfter(now.plus(UNTIL_LIMIT))) {
                v.add("until", "must be at most " + UNTIL_LIMIT.toDays() + " days ahead");
            }
            v.throwIfAny();
            OfficeState row = row(group, now);
            row.override = state;
            row.overrideBy = state == null ? null : actor.label();
            row.overrideAt = state == null ? null : now;
            row.overrideUntil = until;
            return evaluate(group, row, now).stream().toList();
        });
        seen.forEach(transitions::fire);
        return view(groupId);
    }

    /** Computes every group's state at {@code now} and announces the transitions. */
    public List<OfficeTransition> evaluateAll(Instant now) {
        List<OfficeTransition> seen = QuarkusTransaction.requiringNew().call(() -> {
            List<OfficeTransition> found = new ArrayList<>();
            for (Group group : Group.<Group>list("order by id")) {
                evaluate(group, row(group, now), now).ifPresent(found::add);
            }
            return found;
        });
        seen.forEach(transitions::fire);
        return seen;
    }

    private static Optional<OfficeTransition> evaluate(Group group, OfficeState row, Instant now) {
        if (row.overrideUntil != null && !now.isBefore(row.overrideUntil)) {
            row.override = null; // its time is over: the schedule rules again
            row.overrideBy = null;
            row.overrideAt = null;
            row.overrideUntil = null;
        }
        OfficeHours.State effective = row.override != null ? row.override : scheduled(group, now);
        if (effective == row.state) {
            return Optional.empty();
        }
        OfficeTransition transition = new OfficeTransition(group.id, row.state, effective, now);
        row.state = effective;
        row.since = now;
        return Optional.of(transition);
    }

    /** The group's row, locked; created with the current state when the group is seen for the first time. */
    private static OfficeState row(Group group, Instant now) {
        return OfficeState.lockForUpdate(group.id).orElseGet(() -> {
            OfficeState row = new OfficeState();
            row.groupId = group.id;
            row.state = scheduled(group, now);
            row.since = now;
            row.persist();
            return row;
        });
    }

    private static OfficeHours.State scheduled(Group group, Instant now) {
        return OfficeSchedule.stateAt(group.officeHours, now.atZone(ZoneId.of(group.timeZone)));
    }
}
