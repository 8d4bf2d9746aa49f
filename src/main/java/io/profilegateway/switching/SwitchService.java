package io.profilegateway.switching;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.directory.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;

/**
 * The entry point for every switch, whoever asks: runs the engine's transaction, counts and times it, and records a
 * switch that failed on a conflict (so the history shows it) before passing the error on.
 */
@ApplicationScoped
public class SwitchService {

    @Inject
    SwitchEngine engine;

    @Inject
    MeterRegistry registry;

    public SwitchResult switchProfile(SwitchCommand command) {
        return switchProfile(command, user -> {
        });
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
            if (problem.status() == 409) {
                engine.recordFailure(command, problem.getMessage());
            }
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
