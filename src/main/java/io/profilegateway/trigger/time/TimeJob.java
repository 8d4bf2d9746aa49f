package io.profilegateway.trigger.time;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.TriggerKey;

/**
 * One TIME trigger of a profile in one time zone: the unit Quartz schedules. Its keys are stable (the profile id, the
 * trigger's position, the zone), so rescheduling a profile replaces exactly its jobs.
 *
 * @param profileId the profile
 * @param index     the trigger's position in the profile's trigger list
 * @param zone      the zone it fires in (the trigger's own, or that of a group of users)
 */
public record TimeJob(long profileId, int index, ZoneId zone) {

    /** The two moments of an occurrence. */
    public enum Edge {
        /** {@code at}: the profile is activated. */
        ENTER,
        /** {@code until}: the users go back to what they had before. */
        RETURN
    }

    static final String GROUP_PREFIX = "profile-";

    static String group(long profileId) {
        return GROUP_PREFIX + profileId;
    }

    JobKey jobKey() {
        return JobKey.jobKey("time-" + index + "-" + zone.getId(), group(profileId));
    }

    TriggerKey triggerKey(Edge edge) {
        return TriggerKey.triggerKey(jobKey().getName() + "-" + edge.name().toLowerCase(), group(profileId));
    }

    /** The ledger key of one occurrence's edge: the same on every node. */
    String firingKey(Edge edge, ZonedDateTime start) {
        return jobKey().getGroup() + "/" + jobKey().getName() + "/" + edge + "/" + start.toEpochSecond();
    }

    JobDataMap data() {
        JobDataMap data = new JobDataMap();
        data.put("profileId", Long.toString(profileId)); // the job store keeps its data as strings (useProperties)
        data.put("index", Integer.toString(index));
        data.put("zone", zone.getId());
        return data;
    }

    static TimeJob of(JobDataMap data) {
        return new TimeJob(Long.parseLong(data.getString("profileId")), Integer.parseInt(data.getString("index")),
                ZoneId.of(data.getString("zone")));
    }
}
