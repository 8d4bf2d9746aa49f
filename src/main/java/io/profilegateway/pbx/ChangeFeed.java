package io.profilegateway.pbx;

import io.profilegateway.switching.DesiredStates;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * While this node holds at least one AMI link: reads the change log every {@code gateway.ami.cluster.change-poll} and
 * hands the users whose desired state another node changed, with their states as the database has them now, to the
 * reconciler. Runs on its own thread.
 */
final class ChangeFeed implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    private static final int BATCH = 5_000;
    private static final Duration KEEP = Duration.ofMinutes(10);
    private static final long PRUNE_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final PbxChanges changes;
    private final DesiredStates desiredStates;
    private final String node;
    private final BiConsumer<Set<Long>, Map<Long, DesiredStates.Entry>> apply;
    private final ScheduledExecutorService thread;
    private final ChangeCursor cursor = new ChangeCursor(TimeUnit.SECONDS.toNanos(30));
    private boolean active;
    private long lastPrune = System.nanoTime();

    ChangeFeed(PbxChanges changes, DesiredStates desiredStates, String node, Duration poll,
            BiConsumer<Set<Long>, Map<Long, DesiredStates.Entry>> apply) {
        this.changes = changes;
        this.desiredStates = desiredStates;
        this.node = node;
        this.apply = apply;
        this.thread = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "pbx-change-feed");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts reading (when not already) from the newest change now: call before a gained link's first full reconcile,
     * which reads every older change from the database itself.
     */
    void activate() {
        join(() -> {
            if (!active) {
                cursor.reset(changes.lastId());
                active = true;
            }
        });
    }

    void deactivate() {
        join(() -> active = false);
    }

    private void join(Runnable task) {
        try {
            thread.submit(task).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the change feed did not answer: " + e.getMessage(), e);
        }
    }

    private void poll() {
        if (!active) {
            return;
        }
        try {
            boolean full;
            do {
                full = readOnce();
            } while (full && active);
            if (System.nanoTime() - lastPrune > PRUNE_EVERY_NANOS) {
                lastPrune = System.nanoTime();
                changes.prune(KEEP);
            }
        } catch (RuntimeException e) {
            LOG.warnf("AMI: could not read the changes of the other nodes (%s); trying again", e.getMessage());
        }
    }

    /** One read; true when it was a full batch (more may be waiting). */
    private boolean readOnce() {
        long now = System.nanoTime();
        List<PbxChanges.Row> rows = new java.util.ArrayList<>(changes.read(cursor.last(), cursor.gaps(now), BATCH));
        rows.sort(Comparator.comparingLong(PbxChanges.Row::id));
        Set<Long> users = new LinkedHashSet<>();
        int afterLast = 0;
        long before = cursor.last();
        for (PbxChanges.Row row : rows) {
            if (row.id() > before) {
                afterLast++;
            }
            if (cursor.seen(row.id(), now) && !node.equals(row.nodeId())) {
                users.add(row.userId());
            }
        }
        if (!users.isEmpty()) {
            apply.accept(users, desiredStates.byUserIds(users));
        }
        return afterLast >= BATCH;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
