package io.profilegateway.common;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Group commit for the embedded H2 file database: a committed change is written to the database file before anyone
 * is told it happened, and one file write serves every commit that waits for it. Written means handed to the
 * operating system, as H2 itself does at a commit with {@code WRITE_DELAY=0}: that survives a killed process, not a
 * power cut (no fsync; production runs on PostgreSQL).
 * <p>
 * H2 keeps committed changes in memory and writes them out in the background every {@code WRITE_DELAY} (500 ms by
 * default), so {@code kill -9} could lose a switch that was already answered (R2). Writing at every commit
 * ({@code WRITE_DELAY=0}) keeps it, but then every commit writes its own chunk under H2's one store lock, and the
 * commits queue behind each other. Here a transaction that wrote waits, after its commit, for one {@code CHECKPOINT}
 * that began after that commit ({@link WritesOnDisk} calls {@link #awaitOnDisk()}); a single writer thread runs the
 * checkpoints, at most one every {@link #GATHER_NANOS}, each writing all the commits made since the previous one began.
 * <p>
 * PostgreSQL makes its commit durable itself (WAL flush) and an in-memory H2 has no disk: for both this does nothing.
 */
@ApplicationScoped
public class DurableCommits {

    private static final Logger LOG = Logger.getLogger(DurableCommits.class);

    /** A checkpoint normally takes a few milliseconds; a waiter gives up (with an ERROR) after this. */
    static final Duration WAIT_LIMIT = Duration.ofSeconds(10);

    /**
     * Checkpoints start at most this often. Each one writes a chunk of the file, and H2 serialises, caches and later
     * compacts every chunk: at 1,000 switches/s, checkpointing as soon as asked wrote 1.15 commits per chunk, and the
     * chunks took a sixth of the gateway's CPU and much of its garbage. A commit right after a checkpoint waits at
     * most this long for the next one; when the last one is longer ago, a checkpoint starts at once. Measured at
     * 1,000 switches/s (README, P3): 2 ms gave p50 3.0 ms, p99 26 ms; 5 ms p50 4.7 ms, p99 20 ms.
     */
    static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> jdbcUrl;

    private final Object lock = new Object();
    /** Completed by the next checkpoint to start; everyone who committed before it starts waits on it. */
    private CompletableFuture<Void> nextCheckpoint = new CompletableFuture<>();
    private boolean requested;
    private boolean stopped;
    private Thread writer;
    private boolean embeddedFile;
    private Counter waits;
    private Timer checkpoints;

    @PostConstruct
    void init() {
        embeddedFile = isEmbeddedFileDatabase(dbKind, jdbcUrl.orElse(""));
        if (!embeddedFile) {
            return;
        }
        // commits per checkpoint = waits / checkpoints: how much one file write serves
        waits = Counter.builder("gateway.database.commit.waits")
                .description("committed write transactions that waited for a checkpoint (embedded H2)")
                .register(registry);
        checkpoints = Timer.builder("gateway.database.checkpoints")
                .description("checkpoints that wrote the waiting commits to the file (embedded H2)")
                .register(registry);
    }

    static boolean isEmbeddedFileDatabase(String dbKind, String url) {
        return "h2".equals(dbKind) && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    /**
     * Returns once everything committed before this call is on disk (written to the file; what the operating system
     * then does with it survives a killed process). Call it after the commit, outside any transaction's locks.
     */
    public void awaitOnDisk() {
        if (!embeddedFile) {
            return;
        }
        CompletableFuture<Void> checkpoint;
        synchronized (lock) {
            if (stopped) {
                return; // shutting down: the database writes everything when the pool closes it
            }
            if (writer == null) {
                writer = new Thread(this::writeLoop, "h2-group-commit");
                writer.setDaemon(true);
                writer.start();
            }
            checkpoint = nextCheckpoint;
            requested = true;
            waits.increment();
            lock.notifyAll();
        }
        try {
            checkpoint.get(WAIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            LOG.errorf(failed.getCause(), "A committed change could not be written to the database file");
        } catch (TimeoutException slow) {
            LOG.errorf("A committed change was not written to the database file within %d s", WAIT_LIMIT.toSeconds());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLoop() {
        Connection connection = null;
        long lastStart = System.nanoTime() - GATHER_NANOS;
        while (true) {
            synchronized (lock) {
                while (!requested && !stopped) {
                    try {
                        lock.wait();
                    } catch (InterruptedException ignored) {
                        // only stop() ends this thread, after the last checkpoint asked for
                    }
                }
                if (!requested) {
                    close(connection);
                    return;
                }
            }
            // right after a checkpoint, the commits of the next moment go into the next one together
            long gathered = lastStart + GATHER_NANOS - System.nanoTime();
            if (gathered > 0) {
                LockSupport.parkNanos(gathered);
            }
            CompletableFuture<Void> batch;
            synchronized (lock) {
                batch = nextCheckpoint;
                nextCheckpoint = new CompletableFuture<>();
                requested = false;
            }
            try {
                // its own connection, kept: waiters may hold every pooled one until this checkpoint is done
                if (connection == null) {
                    connection = dataSource.getConnection();
                }
                lastStart = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT");
                }
                checkpoints.record(System.nanoTime() - lastStart, TimeUnit.NANOSECONDS);
                batch.complete(null);
            } catch (SQLException | RuntimeException e) {
                close(connection);
                connection = null;
                batch.completeExceptionally(e);
            }
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool is going away or the connection was already broken
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
    }
}
