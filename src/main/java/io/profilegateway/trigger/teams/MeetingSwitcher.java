package io.profilegateway.trigger.teams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.switching.SwitchCommand;
import io.profilegateway.switching.SwitchEngine;
import io.profilegateway.switching.SwitchService;
import io.profilegateway.switching.SwitchSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Carries out meeting starts and ends off the polling threads: one single-threaded lane per stripe of users, so a
 * user's start and end never overtake each other while different users switch in parallel. Start = a TEAMS switch to
 * the meeting profile; end = {@link SwitchEngine#returnFrom}, which leaves a profile the user chose by hand alone.
 */
@ApplicationScoped
public class MeetingSwitcher {

    static final String ACTOR = "teams";
    private static final Logger LOG = Logger.getLogger(MeetingSwitcher.class);
    private static final int LANES = 4;

    @Inject
    SwitchService switchService;

    @Inject
    SwitchEngine engine;

    @Inject
    MeterRegistry registry;

    @Inject
    java.time.Clock clock;

    private final ExecutorService[] lanes = new ExecutorService[LANES];

    @PostConstruct
    void start() {
        for (int i = 0; i < LANES; i++) {
            int lane = i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "teams-switch-" + lane);
                t.setDaemon(true);
                return t;
            });
        }
    }

    /**
     * Runs the decision; on a failure that may pass (database busy or down) the tracker forgets it so the next look
     * tries again. {@code observedNanos} is when Graph's answer arrived ({@link System#nanoTime()}).
     */
    void dispatch(Decision decision, MeetingTracker tracker, long observedNanos) {
        lanes[(int) Math.floorMod(decision.userId(), (long) LANES)].execute(() -> run(decision, tracker,
                observedNanos));
    }

    private void run(Decision decision, MeetingTracker tracker, long observedNanos) {
        String event = decision.kind() == Decision.Kind.START ? "start" : "end";
        try {
            if (decision.kind() == Decision.Kind.START) {
                switchService.switchProfile(new SwitchCommand(decision.userId(), decision.profileId(), null,
                        SwitchSource.TEAMS, ACTOR));
            } else {
                engine.returnFrom(decision.userId(), decision.profileId(), SwitchSource.TEAMS, ACTOR);
            }
            tracker.switched(decision, clock.instant());
            Timer.builder("gateway.graph.meeting.switch.delay")
                    .description("From Graph's answer reporting a meeting start or end to the committed switch")
                    .tag("event", event).register(registry).record(System.nanoTime() - observedNanos,
                            TimeUnit.NANOSECONDS);
            registry.counter("gateway.graph.meetings", "event", event, "result", "done").increment();
        } catch (ApiProblem problem) {
            // not passing: the profile asks for a value no trigger can give, or the user is gone
            LOG.warnf("Teams meeting %s for user %d not applied: %s", event, decision.userId(), problem.getMessage());
            registry.counter("gateway.graph.meetings", "event", event, "result", "refused").increment();
        } catch (RuntimeException e) {
            LOG.warnf("Teams meeting %s for user %d failed, will try again: %s", event, decision.userId(),
                    e.getMessage());
            registry.counter("gateway.graph.meetings", "event", event, "result", "failed").increment();
            tracker.revert(decision);
        }
    }

    @PreDestroy
    void close() {
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
    }
}
