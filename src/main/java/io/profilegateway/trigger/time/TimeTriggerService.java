package io.profilegateway.trigger.time;

import io.profilegateway.directory.user.User;
import io.profilegateway.profile.TriggerType;
import io.profilegateway.switching.SwitchSource;
import io.profilegateway.trigger.FiringLedger;
import io.profilegateway.trigger.TriggerAudience;
import io.profilegateway.trigger.TriggerConfig;
import io.profilegateway.trigger.TriggerFired;
import io.profilegateway.trigger.TriggerSwitcher;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Fires TIME triggers: at {@code at} every user who may use the profile (and has not opted out) is switched to it; at
 * {@code until} those a time trigger put there and who are still in it go back to what they had before. Each edge of
 * each occurrence fires once (the {@link FiringLedger}), inside its window only: a start while its occurrence lasts
 * (before {@code until}, or within {@code gateway.triggers.late-firing-limit} without one), an end before the next
 * start. On start-up, what was missed while every node was down and is still inside its window is caught up.
 */
@ApplicationScoped
public class TimeTriggerService {

    private static final Logger LOG = Logger.getLogger(TimeTriggerService.class);
    static final String ACTOR = "time trigger";

    @Inject
    Event<TriggerFired> fired;

    @Inject
    TimeJobs jobs;

    @Inject
    FiringLedger ledger;

    @Inject
    TriggerAudience audience;

    @Inject
    TriggerSwitcher switcher;

    @Inject
    TriggerConfig config;

    @Inject
    Clock clock;

    /** What became of an edge that was due. */
    public enum Outcome {
        FIRED, FIRED_BEFORE, OUTSIDE_WINDOW, GONE
    }

    void onStart(@Observes StartupEvent start) {
        long began = System.nanoTime();
        TimeJobs.Tally tally = jobs.scheduleAll();
        long scheduled = System.nanoTime();
        catchUp(jobs.all(), clock.instant());
        LOG.debugf("Time triggers: %d job(s) kept, %d written in %d ms, catch-up in %d ms", tally.kept(),
                tally.written(), (scheduled - began) / 1_000_000, (System.nanoTime() - scheduled) / 1_000_000);
    }

    /** Quartz says an edge is due: fire it (if still in its window), then move it to its next occurrence. */
    public Outcome due(TimeJob job, TimeJob.Edge edge, Instant start) {
        Instant now = clock.instant();
        Optional<TimeJobs.Scheduled> current = jobs.current(job);
        if (current.isEmpty()) {
            return Outcome.GONE; // the profile changed meanwhile; its new jobs replace this one
        }
        TimeRule rule = current.get().rule();
        ZonedDateTime occurrence = start.atZone(job.zone());
        Instant occurrenceEdge = edge == TimeJob.Edge.ENTER ? start : rule.endOf(occurrence).orElseThrow().toInstant();
        try {
            Outcome outcome = fire(current.get(), edge, occurrence, now);
            if (outcome == Outcome.OUTSIDE_WINDOW) {
                // Quartz came too late (the gateway was busy or down): worth telling; a catch-up is not
                LOG.warnf("Time trigger %s: %s of %s not fired, outside its window at %s", job.jobKey(), edge,
                        occurrence, now);
            }
            return outcome;
        } finally {
            // also when this firing failed (database away): the next occurrences must stay scheduled
            jobs.scheduleNext(job, rule, edge, now.isAfter(occurrenceEdge) ? now : occurrenceEdge);
        }
    }

    /** Fires, for each of {@code scheduled}, the latest edge that is due and still inside its window. */
    public void catchUp(List<TimeJobs.Scheduled> scheduled, Instant now) {
        for (TimeJobs.Scheduled s : scheduled) {
            Optional<ZonedDateTime> last = s.rule().lastStart(now, s.job().zone());
            if (last.isEmpty()) {
                continue;
            }
            boolean ended = s.rule().endOf(last.get()).map(end -> !now.isBefore(end.toInstant())).orElse(false);
            Outcome outcome = fire(s, ended ? TimeJob.Edge.RETURN : TimeJob.Edge.ENTER, last.get(), now);
            if (outcome == Outcome.FIRED) {
                LOG.infof("Caught up time trigger %s (%s of %s)", s.job().jobKey(), ended ? "end" : "start",
                        last.get());
            }
        }
    }

    /** Fires one edge of one occurrence, if inside its window and not fired before. */
    public Outcome fire(TimeJobs.Scheduled s, TimeJob.Edge edge, ZonedDateTime start, Instant now) {
        if (!now.isBefore(windowEnd(s.rule(), edge, start)) || now.isBefore(start.toInstant())) {
            return Outcome.OUTSIDE_WINDOW;
        }
        if (!ledger.claim(s.job().firingKey(edge, start), now)) {
            return Outcome.FIRED_BEFORE;
        }
        Predicate<User> inZone = s.trigger().timeZone() != null ? u -> true
                : u -> jobs.zoneOf(u).equals(s.job().zone());
        long profileId = s.job().profileId();
        TriggerSwitcher.Tally tally;
        if (edge == TimeJob.Edge.ENTER) {
            List<Long> users = audience.toEnter(profileId, inZone);
            Instant until = s.rule().endOf(start).map(ZonedDateTime::toInstant).orElse(null);
            tally = switcher.enter(profileId, users, SwitchSource.TIME, ACTOR, until);
        } else {
            List<Long> users = audience.toReturn(profileId, SwitchSource.TIME, inZone);
            tally = switcher.leave(profileId, users, SwitchSource.TIME, ACTOR);
        }
        LOG.infof("Time trigger %s: %s of %s for %d user(s), %d failed", s.job().jobKey(), edge, start, tally.users(),
                tally.failed());
        fired.fire(new TriggerFired(TriggerType.TIME, edge == TimeJob.Edge.ENTER ? "START" : "END", profileId, null,
                tally.users(), tally.failed(), now));
        return Outcome.FIRED;
    }

    private Instant windowEnd(TimeRule rule, TimeJob.Edge edge, ZonedDateTime start) {
        if (edge == TimeJob.Edge.ENTER) {
            return rule.endOf(start).map(ZonedDateTime::toInstant)
                    .orElse(start.toInstant().plus(config.lateFiringLimit()));
        }
        return rule.nextStart(start.toInstant(), start.getZone()).map(ZonedDateTime::toInstant).orElse(Instant.MAX);
    }
}
