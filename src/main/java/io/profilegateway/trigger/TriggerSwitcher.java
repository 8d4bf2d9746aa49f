package io.profilegateway.trigger;

import io.profilegateway.switching.SwitchCommand;
import io.profilegateway.switching.SwitchEngine;
import io.profilegateway.switching.SwitchService;
import io.profilegateway.switching.SwitchSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Switches the users a trigger fired for, a few in parallel (each user's switch is its own transaction, as a manual
 * one; the engine serialises switches of one user). One user's failure is logged and does not stop the others.
 */
@ApplicationScoped
public class TriggerSwitcher {

    private static final Logger LOG = Logger.getLogger(TriggerSwitcher.class);

    @Inject
    SwitchService switches;

    @Inject
    SwitchEngine engine;

    @Inject
    TriggerConfig config;

    private ExecutorService pool;

    /** What a firing did. */
    public record Tally(int users, int failed) {
    }

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(Math.max(1, config.switchThreads()), r -> {
            Thread t = new Thread(r, "trigger-switch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** Switches every user in {@code userIds} to the profile. */
    public Tally enter(long profileId, Collection<Long> userIds, SwitchSource source, String actor) {
        return enter(profileId, userIds, source, actor, null);
    }

    /**
     * Switches every user in {@code userIds} to the profile until {@code until} (a TIME trigger's end; null: for
     * good), when its end returns him to what he had before.
     */
    public Tally enter(long profileId, Collection<Long> userIds, SwitchSource source, String actor, Instant until) {
        return each(userIds, id -> switches.switchProfile(new SwitchCommand(id, profileId, null, source, actor)
                .until(until)));
    }

    /** Returns every user in {@code userIds} from the profile to the one he had before, where still due. */
    public Tally leave(long profileId, Collection<Long> userIds, SwitchSource source, String actor) {
        return each(userIds, id -> engine.returnFrom(id, profileId, source, actor));
    }

    private Tally each(Collection<Long> userIds, UserAction action) {
        List<Callable<Void>> tasks = new ArrayList<>(userIds.size());
        for (long id : userIds) {
            tasks.add(() -> {
                action.run(id);
                return null;
            });
        }
        int failed = 0;
        try {
            List<Future<Void>> done = pool.invokeAll(tasks);
            for (int i = 0; i < done.size(); i++) {
                try {
                    done.get(i).get();
                } catch (ExecutionException e) {
                    failed++;
                    LOG.warnf("Trigger switch of a user failed: %s", e.getCause().getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Tally(userIds.size(), failed);
    }

    @FunctionalInterface
    private interface UserAction {
        void run(long userId);
    }
}
