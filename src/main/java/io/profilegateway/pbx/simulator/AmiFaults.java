package io.profilegateway.pbx.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Faults injected into the simulator's answers: actions that answer {@code Response: Error} with a given message
 * instead of running, and actions that are answered late. Faults apply to actions of logged-in sessions (and to
 * {@code Login}, {@code Challenge}, {@code Logoff}); a failed {@code Login} closes the connection as a real failed
 * login does. Thread-safe.
 */
public final class AmiFaults {

    /** A registered failure rule; {@link #cancel()} removes it. */
    public static final class Fault {
        private final Predicate<AmiMessage> predicate;
        private final String message;
        private final boolean once;
        private final AtomicBoolean done = new AtomicBoolean();
        private final AmiFaults owner;

        private Fault(AmiFaults owner, Predicate<AmiMessage> predicate, String message, boolean once) {
            this.owner = owner;
            this.predicate = predicate;
            this.message = message;
            this.once = once;
        }

        /** Stops this fault from applying to further actions. */
        public void cancel() {
            done.set(true);
            owner.failures.remove(this);
            owner.updateActive();
        }

        /** @return whether the fault no longer applies (cancelled, or a one-shot fault that has fired) */
        public boolean isDone() {
            return done.get();
        }
    }

    private final ConcurrentLinkedQueue<Fault> failures = new ConcurrentLinkedQueue<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private volatile Duration delayAll = Duration.ZERO;
    private volatile boolean active;

    AmiFaults() {
    }

    /**
     * Makes the next action with this name (case-insensitive) answer {@code Response: Error} with {@code message}.
     *
     * @param action  action name, e.g. {@code QueueAdd}
     * @param message the {@code Message} of the error
     * @return the fault, to cancel it before it fires
     */
    public Fault failNext(String action, String message) {
        Objects.requireNonNull(action, "action");
        return add(m -> action.equalsIgnoreCase(m.firstNonEmpty("Action")), message, true);
    }

    /**
     * Makes the next action that matches the predicate answer {@code Response: Error} with {@code message}.
     *
     * @param predicate which action to fail
     * @param message   the {@code Message} of the error
     * @return the fault, to cancel it before it fires
     */
    public Fault failNext(Predicate<AmiMessage> predicate, String message) {
        return add(predicate, message, true);
    }

    /**
     * Makes every action that matches the predicate answer {@code Response: Error} with {@code message}, until the
     * returned fault is cancelled or {@link #clear()} is called.
     *
     * @param predicate which actions to fail, e.g. {@code m -> "QueuePause".equalsIgnoreCase(m.get("Action"))}
     * @param message   the {@code Message} of the error
     * @return the fault, to cancel it
     */
    public Fault failWhen(Predicate<AmiMessage> predicate, String message) {
        return add(predicate, message, false);
    }

    /**
     * Delays every action with this name (case-insensitive) before it runs; as in Asterisk, later actions of the
     * same session wait behind it. {@link Duration#ZERO} removes the delay.
     *
     * @param action action name
     * @param delay  the delay
     */
    public void delay(String action, Duration delay) {
        String key = action.toLowerCase(Locale.ROOT);
        if (delay == null || delay.isZero() || delay.isNegative()) {
            delays.remove(key);
        } else {
            delays.put(key, delay);
        }
        updateActive();
    }

    /**
     * Delays every action before it runs (in addition to a per-action delay). {@link Duration#ZERO} removes it.
     *
     * @param delay the delay
     */
    public void delayAll(Duration delay) {
        delayAll = delay == null || delay.isNegative() ? Duration.ZERO : delay;
        updateActive();
    }

    /** Removes every fault and delay. */
    public void clear() {
        for (Fault f : failures) {
            f.done.set(true);
        }
        failures.clear();
        delays.clear();
        delayAll = Duration.ZERO;
        updateActive();
    }

    private Fault add(Predicate<AmiMessage> predicate, String message, boolean once) {
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(message, "message");
        Fault f = new Fault(this, predicate, message, once);
        failures.add(f);
        updateActive();
        return f;
    }

    private void updateActive() {
        active = !failures.isEmpty() || !delays.isEmpty() || !delayAll.isZero();
    }

    /** @return whether any fault or delay is set (a cheap check on the hot path) */
    boolean active() {
        return active;
    }

    /** @return the total delay for an action */
    Duration delayFor(String action) {
        Duration d = delays.get(action.toLowerCase(Locale.ROOT));
        return d == null ? delayAll : d.plus(delayAll);
    }

    /** @return the error message if a fault applies to this action (a one-shot fault is used up), else null */
    String failureFor(AmiMessage action) {
        for (Fault f : failures) {
            if (f.done.get() || !f.predicate.test(action)) {
                continue;
            }
            if (f.once) {
                if (!f.done.compareAndSet(false, true)) {
                    continue;
                }
                failures.remove(f);
                updateActive();
            }
            return f.message;
        }
        return null;
    }
}
