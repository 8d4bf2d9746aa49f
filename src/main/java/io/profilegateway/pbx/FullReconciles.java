package io.profilegateway.pbx;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs one server's full reconciles one at a time on its planner thread. Requests made while one runs are coalesced
 * into one more run afterwards. A run that has not read everything within the time-out counts as failed, like one
 * whose read failed: a read answer lost on the way (asterisk-java drops events when its event queue is full, and
 * then never calls back) must not leave "running" set forever, which would block every later full reconcile. A
 * failed run is tried again with backoff until one succeeds; answers of a run given up arrive too late and are
 * ignored.
 *
 * @param <T> what a run reads
 */
final class FullReconciles<T> {

    private static final Logger LOG = Logger.getLogger(FullReconciles.class);

    private final String server;
    private final ExecutorService planner;
    private final ScheduledExecutorService timer;
    private final Duration timeout;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final BooleanSupplier canRun;
    private final Supplier<CompletableFuture<T>> read;
    private final Consumer<T> apply;

    // planner-thread state
    private boolean running;
    private boolean again;
    private long run;
    private int failures;
    private boolean retryScheduled;

    private volatile String lastError;

    /**
     * @param canRun whether a run may start now (the link is up); if not, the next (re)connect requests one
     * @param read   starts reading what Asterisk holds (called on the planner thread)
     * @param apply  repairs the differences (called on the planner thread)
     */
    FullReconciles(String server, ExecutorService planner, ScheduledExecutorService timer, Duration timeout,
            Duration retryInitial, Duration retryMax, BooleanSupplier canRun, Supplier<CompletableFuture<T>> read,
            Consumer<T> apply) {
        this.server = server;
        this.planner = planner;
        this.timer = timer;
        this.timeout = timeout;
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
        this.canRun = canRun;
        this.read = read;
        this.apply = apply;
    }

    /** Asks for a full reconcile; call on the planner thread. */
    void request() {
        if (running) {
            again = true;
            return;
        }
        if (!canRun.getAsBoolean()) {
            return;
        }
        running = true;
        long thisRun = ++run;
        CompletableFuture<T> reading;
        try {
            reading = read.get();
        } catch (RuntimeException e) {
            reading = CompletableFuture.failedFuture(e);
        }
        ScheduledFuture<?> giveUp = timer.schedule(() -> planner.execute(() -> failed(thisRun,
                new TimeoutException("not read within " + timeout.toMillis() + " ms"))), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        reading.whenComplete((value, failure) -> {
            giveUp.cancel(false);
            planner.execute(() -> {
                if (failure != null) {
                    failed(thisRun, failure);
                } else {
                    succeeded(thisRun, value);
                }
            });
        });
    }

    boolean running() {
        return running;
    }

    /** Why the last run failed; empty once one succeeded. */
    Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    private void succeeded(long thisRun, T value) {
        if (!finish(thisRun)) {
            return;
        }
        failures = 0;
        lastError = null;
        apply.accept(value);
        if (again) {
            again = false;
            request();
        }
    }

    private void failed(long thisRun, Throwable failure) {
        if (!finish(thisRun)) {
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        failures++;
        lastError = "full reconcile failed: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage());
        if (again) {
            again = false; // e.g. a reconnect asked meanwhile: no reason to wait
            LOG.warnf("AMI %s: %s; trying again now", server, lastError);
            request();
            return;
        }
        long delay = Math.min(retryMax.toMillis(), retryInitial.toMillis() << Math.min(failures - 1, 16));
        LOG.warnf("AMI %s: %s (try %d); trying again in %d ms", server, lastError, failures, delay);
        if (!retryScheduled) {
            retryScheduled = true;
            timer.schedule(() -> planner.execute(() -> {
                retryScheduled = false;
                request();
            }), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Ends the run if it is the current one; answers of a run given up (time-out) are ignored. */
    private boolean finish(long thisRun) {
        if (!running || thisRun != run) {
            return false;
        }
        running = false;
        return true;
    }
}
