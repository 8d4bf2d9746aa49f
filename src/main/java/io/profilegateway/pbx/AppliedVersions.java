package io.profilegateway.pbx;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The state version Asterisk last confirmed per user, kept in {@code pbx_applied} by the node that holds the user's
 * AMI link (written in batches every 200 ms, off the planner thread), so that {@code GET /users/{id}/pbx-state} on
 * any node compares it with the database's state version.
 */
@ApplicationScoped
public class AppliedVersions {

    private static final Logger LOG = Logger.getLogger(AppliedVersions.class);
    private static final String UPDATE = "update pbx_applied set server = ?, state_version = ?, in_sync = ?,"
            + " reason = ?, node_id = ?, updated_at = ? where user_id = ?";
    private static final String INSERT = "insert into pbx_applied (server, state_version, in_sync, reason, node_id,"
            + " updated_at, user_id) values (?, ?, ?, ?, ?, ?, ?)";

    /** What the holder of the link last wrote for a user. */
    record Applied(String server, long version, boolean inSync, String reason, String node) {
    }

    private record Note(String server, long version, boolean inSync, String reason) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PbxNode node;

    /** Real time, whatever clock the rest of the gateway is given (tests move theirs). */
    private final Clock clock = Clock.systemUTC();

    private final Map<Long, Note> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService writer;

    synchronized void start() {
        if (writer == null) {
            writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread t = new Thread(runnable, "pbx-applied");
                t.setDaemon(true);
                return t;
            });
            writer.scheduleWithFixedDelay(this::flushQuietly, 200, 200, TimeUnit.MILLISECONDS);
        }
    }

    synchronized void stop() {
        if (writer != null) {
            writer.shutdownNow();
            writer = null;
            flushQuietly();
        }
    }

    /** The holder of the link confirmed {@code version} ({@code inSync}) or could not apply it ({@code reason}). */
    void note(long userId, String server, long version, boolean inSync, String reason) {
        pending.put(userId, new Note(server, version, inSync, reason));
    }

    Optional<Applied> of(long userId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "select server, state_version, in_sync, reason, node_id from pbx_applied where user_id = ?")) {
                s.setLong(1, userId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Applied(rs.getString(1), rs.getLong(2), rs.getBoolean(3),
                            rs.getString(4), rs.getString(5))) : Optional.<Applied>empty();
                }
            }
        });
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.debugf("AMI: applied versions not written yet: %s", e.getMessage());
        }
    }

    /** Writes what is pending; what fails stays pending (unless a newer note came meanwhile). */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, Note>> batch = new ArrayList<>(pending.entrySet());
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                List<Map.Entry<Long, Note>> missing = new ArrayList<>();
                int[] updated = write(c, UPDATE, batch, now);
                for (int i = 0; i < updated.length; i++) {
                    if (updated[i] == 0) {
                        missing.add(batch.get(i));
                    }
                }
                if (!missing.isEmpty()) {
                    write(c, INSERT, missing, now);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        batch.forEach(e -> pending.remove(e.getKey(), e.getValue()));
    }

    private int[] write(Connection c, String sql, List<Map.Entry<Long, Note>> rows, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (Map.Entry<Long, Note> row : rows) {
                Note note = row.getValue();
                s.setString(1, note.server());
                s.setLong(2, note.version());
                s.setBoolean(3, note.inSync());
                s.setString(4, note.reason() == null || note.reason().length() <= 500 ? note.reason()
                        : note.reason().substring(0, 500));
                s.setString(5, node.id());
                s.setObject(6, now);
                s.setLong(7, row.getKey());
                s.addBatch();
            }
            return s.executeBatch();
        }
    }
}
