package io.profilegateway.events;

import io.profilegateway.pbx.ChangeCursor;
import io.profilegateway.pbx.PbxChanges;
import io.profilegateway.pbx.PbxNode;
import io.profilegateway.switching.ActiveProfileService;
import io.profilegateway.switching.PresenceView;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * In a cluster, the switches the other nodes commit reach this node's stream too: every change of a user's desired
 * state leaves a row in the change log ({@link PbxChanges}, the one the AMI link holder reads), and this relay reads
 * it every {@code gateway.events.relay-poll} and streams those users' presence as the database has it now. A user's
 * own node streams his switch at once; the others about one poll later. Alone, a node finds only its own rows.
 */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    private static final int BATCH = 5_000;

    @Inject
    PbxChanges changes;

    @Inject
    PbxNode node;

    @Inject
    ActiveProfileService profiles;

    @Inject
    EventHub hub;

    @Inject
    EventsConfig config;

    private final ChangeCursor cursor = new ChangeCursor(TimeUnit.SECONDS.toNanos(30));
    private ScheduledExecutorService thread;
    private boolean failing;
    private boolean started;

    void onStart(@Observes StartupEvent start) {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-relay");
            t.setDaemon(true);
            return t;
        });
        long every = config.relayPoll().toMillis();
        thread.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    private void poll() {
        try {
            if (!started) {
                cursor.reset(changes.lastId()); // what was committed before this node started is not news
                started = true;
                return;
            }
            boolean full;
            do {
                full = readOnce();
            } while (full);
            if (failing) {
                failing = false;
                LOG.info("Event stream: the other nodes' switches are read again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.infof("Event stream: the other nodes' switches cannot be read now (%s); trying again",
                        e.getMessage());
            }
        }
    }

    /** One read; true when it was a full batch (more may be waiting). */
    private boolean readOnce() {
        long now = System.nanoTime();
        long before = cursor.last();
        List<PbxChanges.Row> rows = new ArrayList<>(changes.read(before, cursor.gaps(now), BATCH));
        rows.sort(Comparator.comparingLong(PbxChanges.Row::id));
        Set<Long> users = new LinkedHashSet<>();
        int afterLast = 0;
        for (PbxChanges.Row row : rows) {
            if (row.id() > before) {
                afterLast++;
            }
            if (cursor.seen(row.id(), now) && !node.id().equals(row.nodeId())) {
                users.add(row.userId());
            }
        }
        if (!users.isEmpty()) {
            Map<Long, PresenceView> presences = profiles.presences(users);
            for (long userId : users) {
                PresenceView presence = presences.get(userId);
                if (presence != null) {
                    hub.switchedElsewhere(userId, presence);
                }
            }
        }
        return afterLast >= BATCH;
    }
}
