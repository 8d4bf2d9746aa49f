package io.profilegateway.trigger.time;

import io.profilegateway.directory.group.Group;
import io.profilegateway.directory.group.GroupChanged;
import io.profilegateway.profile.Profile;
import io.profilegateway.profile.ProfileChanged;
import io.profilegateway.profile.Trigger;
import io.profilegateway.profile.TriggerType;
import io.profilegateway.trigger.TriggerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * The Quartz schedule of the TIME triggers: per trigger and time zone one job with two one-shot Quartz triggers (the
 * next start, the next end), each moved to its following occurrence after it fired. Computing occurrences here, with
 * java.time, rather than with cron expressions keeps daylight-saving days exact ({@link TimeRule}). Changes happen in
 * the transaction that changes the profile or group (the JDBC job store takes part in it), so no job outlives its
 * profile.
 */
@ApplicationScoped
public class TimeJobs {

    /** The job data entry holding the rule the job was scheduled for, to see on start whether it changed. */
    static final String RULE = "rule";

    @Inject
    Scheduler quartz;

    @Inject
    TriggerConfig config;

    @Inject
    java.time.Clock clock;

    void profileChanged(@Observes ProfileChanged change) {
        if (change.deleted()) {
            unschedule(change.profileId());
        } else {
            schedule(Profile.findById(change.profileId()));
        }
    }

    /**
     * A group's zone may be new: zone-less triggers get their jobs for it. Jobs of a zone no group uses any more
     * switch nobody and go at the next start ({@link #scheduleAll()}).
     */
    void groupChanged(@Observes GroupChanged change) {
        Group group = Group.findById(change.groupId());
        if (group == null) {
            return;
        }
        ZoneId zone = ZoneId.of(group.timeZone);
        Instant now = clock.instant();
        try {
            for (Profile profile : Profile.<Profile>listAll()) {
                for (Scheduled s : jobsOf(profile)) {
                    if (s.job().zone().equals(zone) && !quartz.checkExists(s.job().jobKey())) {
                        add(s, now);
                    }
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused the jobs of time zone " + zone, e);
        }
    }

    /**
     * Makes Quartz hold exactly the jobs the profiles define (on start). A job whose stored rule is the profile's and
     * whose triggers are still ahead is left as it is (Quartz keeps it across restarts); only changed, missing or
     * overdue ones are written again, and jobs no profile defines any more go.
     *
     * @return how many jobs were kept and how many written
     */
    @Transactional
    public Tally scheduleAll() {
        Instant now = clock.instant();
        int kept = 0;
        int written = 0;
        try {
            Set<String> stale = new TreeSet<>(quartz.getJobGroupNames());
            for (Profile profile : Profile.<Profile>listAll()) {
                String group = TimeJob.group(profile.id);
                stale.remove(group);
                Set<JobKey> unwanted = new HashSet<>(quartz.getJobKeys(GroupMatcher.jobGroupEquals(group)));
                for (Scheduled s : jobsOf(profile)) {
                    unwanted.remove(s.job().jobKey());
                    if (upToDate(s, now)) {
                        kept++;
                    } else {
                        quartz.deleteJob(s.job().jobKey());
                        add(s, now);
                        written++;
                    }
                }
                quartz.deleteJobs(new ArrayList<>(unwanted));
            }
            for (String group : stale) {
                if (group.startsWith(TimeJob.GROUP_PREFIX)) {
                    quartz.deleteJobs(new ArrayList<>(quartz.getJobKeys(GroupMatcher.jobGroupEquals(group))));
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused the time-trigger schedule", e);
        }
        return new Tally(kept, written);
    }

    /** What {@link #scheduleAll()} did. */
    public record Tally(int kept, int written) {
    }

    /** Quartz holds this job with this rule, and its triggers are still to come (or rightly gone: the rule is over). */
    private boolean upToDate(Scheduled s, Instant now) throws SchedulerException {
        JobDetail stored = quartz.getJobDetail(s.job().jobKey());
        if (stored == null || !s.rule().toString().equals(stored.getJobDataMap().getString(RULE))) {
            return false;
        }
        ZoneId zone = s.job().zone();
        boolean enterUpToDate = upToDate(s.job().triggerKey(TimeJob.Edge.ENTER), now,
                s.rule().nextStart(now, zone).isPresent());
        TriggerKey returnKey = s.job().triggerKey(TimeJob.Edge.RETURN);
        return enterUpToDate && (s.rule().until() == null ? !quartz.checkExists(returnKey)
                : upToDate(returnKey, now, s.rule().nextEndingStart(now, zone).isPresent()));
    }

    private boolean upToDate(TriggerKey key, Instant now, boolean occursAgain) throws SchedulerException {
        org.quartz.Trigger trigger = quartz.getTrigger(key);
        if (trigger == null) {
            return !occursAgain;
        }
        return trigger.getNextFireTime() != null && !trigger.getNextFireTime().toInstant().isBefore(now);
    }

    /** @return every job the profiles define now, with its rule */
    @Transactional
    public List<Scheduled> all() {
        List<Scheduled> all = new ArrayList<>();
        for (Profile profile : Profile.<Profile>listAll()) {
            all.addAll(jobsOf(profile));
        }
        return all;
    }

    /** The rule of a job as its profile defines it now; empty when the profile or trigger is gone or changed. */
    @Transactional
    public Optional<Scheduled> current(TimeJob job) {
        Profile profile = Profile.findById(job.profileId());
        return profile == null ? Optional.empty()
                : jobsOf(profile).stream().filter(s -> s.job().equals(job)).findFirst();
    }

    /**
     * Puts an edge's Quartz trigger at the edge's first time after {@code after}; removes it when the rule has no
     * further occurrence (a one-date trigger that is over).
     */
    @Transactional
    public void scheduleNext(TimeJob job, TimeRule rule, TimeJob.Edge edge, Instant after) {
        Optional<ZonedDateTime> start = edge == TimeJob.Edge.ENTER ? rule.nextStart(after, job.zone())
                : rule.nextEndingStart(after, job.zone());
        try {
            if (start.isEmpty()) {
                quartz.unscheduleJob(job.triggerKey(edge));
                return;
            }
            Instant fireAt = edge == TimeJob.Edge.ENTER ? start.get().toInstant()
                    : rule.endOf(start.get()).orElseThrow().toInstant();
            org.quartz.Trigger trigger = TriggerBuilder.newTrigger().withIdentity(job.triggerKey(edge))
                    .forJob(job.jobKey()).startAt(Date.from(fireAt))
                    .usingJobData("edge", edge.name())
                    .usingJobData("start", Long.toString(start.get().toInstant().toEpochMilli()))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build();
            if (quartz.checkExists(trigger.getKey())) {
                quartz.rescheduleJob(trigger.getKey(), trigger);
            } else {
                quartz.scheduleJob(trigger);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused trigger " + job.triggerKey(edge), e);
        }
    }

    /** A job as defined by its profile. */
    public record Scheduled(TimeJob job, TimeRule rule, Trigger trigger) {
    }

    private void schedule(Profile profile) {
        unschedule(profile.id);
        Instant now = clock.instant();
        try {
            for (Scheduled s : jobsOf(profile)) {
                add(s, now);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused the jobs of profile " + profile.id, e);
        }
    }

    private void add(Scheduled s, Instant now) throws SchedulerException {
        quartz.addJob(JobBuilder.newJob(TimeTriggerJob.class).withIdentity(s.job().jobKey())
                .usingJobData(s.job().data()).usingJobData(RULE, s.rule().toString()).storeDurably().requestRecovery().build(), true);
        scheduleNext(s.job(), s.rule(), TimeJob.Edge.ENTER, now);
        if (s.rule().until() != null) {
            scheduleNext(s.job(), s.rule(), TimeJob.Edge.RETURN, now);
        }
    }

    private void unschedule(long profileId) {
        try {
            List<JobKey> keys = new ArrayList<>(
                    quartz.getJobKeys(GroupMatcher.jobGroupEquals(TimeJob.group(profileId))));
            quartz.deleteJobs(keys);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused to remove the jobs of profile " + profileId, e);
        }
    }

    private List<Scheduled> jobsOf(Profile profile) {
        List<Scheduled> jobs = new ArrayList<>();
        Set<ZoneId> zonesInUse = null; // read once per profile, and only when a zone-less trigger needs it
        for (int i = 0; i < profile.triggers.size(); i++) {
            Trigger trigger = profile.triggers.get(i);
            if (trigger.type() == TriggerType.TIME) {
                if (trigger.timeZone() == null && zonesInUse == null) {
                    zonesInUse = zonesInUse();
                }
                Set<ZoneId> zones = trigger.timeZone() != null ? Set.of(ZoneId.of(trigger.timeZone())) : zonesInUse;
                for (ZoneId zone : zones) {
                    jobs.add(new Scheduled(new TimeJob(profile.id, i, zone), TimeRule.of(trigger), trigger));
                }
            }
        }
        return jobs;
    }

    /** Every zone the users of a zone-less trigger can be in: their groups' and the server's. */
    private Set<ZoneId> zonesInUse() {
        Set<ZoneId> zones = new java.util.LinkedHashSet<>();
        zones.add(config.serverZone());
        Group.getEntityManager().createQuery("select distinct g.timeZone from UserGroup g", String.class)
                .getResultList().forEach(z -> zones.add(ZoneId.of(z)));
        return zones;
    }

    /** The zone a zone-less trigger fires in for this user: his primary group's, else the server's. */
    public ZoneId zoneOf(io.profilegateway.directory.user.User user) {
        return user.primaryGroup != null ? ZoneId.of(user.primaryGroup.timeZone) : config.serverZone();
    }
}
