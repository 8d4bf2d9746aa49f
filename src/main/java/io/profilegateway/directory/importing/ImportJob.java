package io.profilegateway.directory.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** One directory import, kept in memory on the node that runs it: its diff, then its progress. */
final class ImportJob {

    enum State {
        /** Reading the PBX. */
        READING,
        /** The diff is ready; nothing is changed until someone applies it. */
        PREVIEW,
        /** Being applied, user by user. */
        APPLYING,
        /** Applied (see {@code failed}). */
        DONE,
        /** The PBX could not be read. */
        FAILED
    }

    static final int MAX_FAILURES_KEPT = 100;

    final long id;
    final ImportSource source;
    final String server;
    final String startedBy;
    final Instant startedAt;
    volatile State state = State.READING;
    volatile String error;
    volatile List<ImportChange> changes = List.of();
    volatile List<String> skipped = List.of();
    final AtomicInteger applied = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    ImportJob(long id, ImportSource source, String server, String startedBy, Instant startedAt) {
        this.id = id;
        this.source = source;
        this.server = server;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
    }

    void fail(ImportChange change, String why) {
        failed.incrementAndGet();
        if (failures.size() < MAX_FAILURES_KEPT) {
            failures.add(change.kind() + " " + change.key() + ": " + why);
        }
    }
}
