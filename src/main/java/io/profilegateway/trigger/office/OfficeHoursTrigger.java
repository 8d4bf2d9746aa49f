package io.profilegateway.trigger.office;

import io.profilegateway.directory.group.OfficeService;
import io.profilegateway.directory.group.OfficeTransition;
import io.profilegateway.profile.Profile;
import io.profilegateway.profile.TriggerType;
import io.profilegateway.switching.SwitchSource;
import io.profilegateway.trigger.TriggerAudience;
import io.profilegateway.trigger.TriggerFired;
import io.profilegateway.trigger.TriggerSwitcher;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * OFFICE_HOURS triggers: every few seconds (one node of the cluster) the groups' office states are computed; when a
 * group's office opens, closes or goes on break, each profile with a matching trigger is activated for the group's
 * members (primary or other group) who may use it and have not opted out. Sticky profiles are not left.
 */
@ApplicationScoped
public class OfficeHoursTrigger {

    private static final Logger LOG = Logger.getLogger(OfficeHoursTrigger.class);
    static final String ACTOR = "office hours";

    @Inject
    OfficeService offices;

    @Inject
    TriggerAudience audience;

    @Inject
    TriggerSwitcher switcher;

    @Inject
    Clock clock;

    @Inject
    Event<TriggerFired> fired;

    @Scheduled(identity = "office-hours", every = "${gateway.triggers.office-check-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        offices.evaluateAll(clock.instant());
    }

    void onTransition(@Observes OfficeTransition transition) {
        for (long profileId : profilesFor(transition)) {
            List<Long> users = audience.toEnter(profileId, u -> u.groupIds().contains(transition.groupId()));
            TriggerSwitcher.Tally tally = switcher.enter(profileId, users, SwitchSource.TIME, ACTOR);
            LOG.infof("Office of group %d %s: profile %d for %d user(s), %d failed", transition.groupId(),
                    transition.to(), profileId, tally.users(), tally.failed());
            fired.fire(new TriggerFired(TriggerType.OFFICE_HOURS, "START", profileId, transition.groupId(),
                    tally.users(), tally.failed(), clock.instant()));
        }
    }

    @Transactional
    List<Long> profilesFor(OfficeTransition transition) {
        return Profile.<Profile>listAll().stream()
                .filter(p -> p.triggers.stream().anyMatch(t -> t.type() == TriggerType.OFFICE_HOURS
                        && Long.valueOf(transition.groupId()).equals(t.group()) && t.when() == transition.to()))
                .map(p -> p.id).sorted().toList();
    }
}
