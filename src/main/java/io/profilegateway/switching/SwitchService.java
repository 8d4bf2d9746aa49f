package io.profilegateway.switching;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.directory.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The entry point for every switch, whoever asks: runs the engine's transaction, counts and times it, and records a
 * switch that failed on a conflict (so the history shows it) before passing the error on.
 */
@ApplicationScoped
public class SwitchService {

    private static final Logger LOG = Logger.getLogger(SwitchService.class);

    @Inject
    SwitchEngine engine;

    @Inject
    MeterRegistry registry;

    @Inject
    RefusalLog refusals;

    public SwitchResult switchProfile(SwitchCommand command) {
        return switchProfile(command, user -> {
        });
    }

    /**
     * Records a switch refused before it reached the engine (a request that did not validate) or by it: 409 as
     * FAILED, 400 / 403 / 404 as REFUSED with the reason (nothing when the user does not exist). Problems of other
     * statuses are not switches that were refused.
     */
    public void rejected(long userId, Long profileId, SwitchSource source, String actor, ApiProblem problem) {
        SwitchOutcome outcome = switch (problem.status()) {
            case 409 -> SwitchOutcome.FAILED;
            case 400, 403, 404 -> SwitchOutcome.REFUSED;
            default -> null;
        };
        if (outcome == null) {
            return;
        }
        try {
            refusals.record(userId, profileId, source, actor, outcome, problem.status() + " " + problem.getMessage());
        } catch (RuntimeException e) {
            // the database is away (R5): the answer stays the refusal itself; the row is lost, and counted
            registry.counter("gateway.history.refusals.unrecorded").increment();
            LOG.debugf("Refused switch of user %d not recorded: %s", userId, e.getMessage());
        }
    }

    /** A switch someone asked for: {@code permission} checks, in the switch's transaction, that he may. */
    public SwitchResult switchProfile(SwitchCommand command, Consumer<User> permission) {
        Timer.Sample sample = Timer.start(registry);
        SwitchOutcome outcome = SwitchOutcome.FAILED;
        boolean attempted = true;
        try {
            SwitchResult result = engine.run(command, permission);
            outcome = result.outcome();
            return result;
        } catch (ApiProblem problem) {
            rejected(command.userId(), command.profileId(), command.source(), command.actor(), problem);
            // an unknown user or a caller without the right is no switch that failed
            attempted = problem.status() != 403 && problem.status() != 404;
            throw problem;
        } finally {
            if (attempted) {
                registry.counter("gateway.switches", "source", command.source().name(), "outcome", outcome.name())
                        .increment();
                sample.stop(registry.timer("gateway.switch.duration", "source", command.source().name()));
            }
        }
    }
}
