package io.profilegateway.trigger.time;

import jakarta.inject.Inject;
import java.time.Instant;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/** Quartz's entry: one edge of one TIME job is due. Everything else is {@link TimeTriggerService}'s. */
public class TimeTriggerJob implements Job {

    @Inject
    TimeTriggerService service;

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        service.due(TimeJob.of(data), TimeJob.Edge.valueOf(data.getString("edge")),
                Instant.ofEpochMilli(Long.parseLong(data.getString("start"))));
    }
}
