package io.profilegateway.web.session;

import io.agroal.api.AgroalDataSource;
import io.profilegateway.access.AccountLookup;
import io.profilegateway.access.Actor;
import io.profilegateway.access.Secrets;
import io.profilegateway.directory.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The web page's sessions, kept in the database so that every node of a cluster accepts every session with no shared
 * key to configure. The cookie's value is a random id; only its SHA-256 is stored. Read with one plain query per
 * request (as API tokens are): the session counts while it is neither expired nor idle and the user's credentials
 * are still the ones it was made with, so a password change or a removed login ends it on every node at once.
 */
@ApplicationScoped
public class WebSessions {

    /** The session's user, one row per other group (or one row without). */
    private static final String SESSION_ACTOR = "SELECT s.last_seen, u.id, u.username, u.role, u.profile_personal, "
            + "u.primary_group_id, m.group_id FROM web_session s JOIN app_user u ON u.id = s.user_id "
            + "AND u.credentials_version = s.credentials_version AND u.password_hash IS NOT NULL "
            + "LEFT JOIN user_group_member m ON m.user_id = u.id "
            + "WHERE s.id_hash = ? AND s.expires_at > ? AND s.last_seen > ?";

    private static final String STILL_VALID = "SELECT s.id_hash FROM web_session s JOIN app_user u ON u.id = s.user_id "
            + "AND u.credentials_version = s.credentials_version AND u.password_hash IS NOT NULL "
            + "WHERE s.expires_at > ? AND s.last_seen > ? AND s.id_hash IN ";
    private static final int CHECK_BATCH = 500;

    /** last_seen is written at most this often per session, not on every request. */
    private static final Duration TOUCH = Duration.ofMinutes(1);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebConfig config;

    @Inject
    Clock clock;

    /** A new session for a user who just proved his password; answers the cookie's value. */
    @Transactional
    public String open(long userId) {
        User user = User.findById(userId);
        Instant now = clock.instant();
        WebSession.delete("expiresAt < ?1 or lastSeen < ?2", now, now.minus(config.sessionTimeout()));
        String id = Secrets.random(32);
        WebSession session = new WebSession();
        session.idHash = Secrets.sha256(id);
        session.userId = user.id;
        session.credentialsVersion = user.credentialsVersion;
        session.createdAt = now;
        session.lastSeen = now;
        session.expiresAt = now.plus(config.sessionMaxAge());
        session.persist();
        return id;
    }

    /** The actor of a session cookie while the session counts; its last use is noted. */
    public Optional<Actor> find(String sessionId) {
        Instant now = clock.instant();
        String hash = Secrets.sha256(sessionId);
        try (Connection connection = dataSource.getConnection()) {
            Instant lastSeen;
            Actor actor;
            try (PreparedStatement query = connection.prepareStatement(SESSION_ACTOR)) {
                query.setString(1, hash);
                query.setObject(2, at(now));
                query.setObject(3, at(now.minus(config.sessionTimeout())));
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    lastSeen = rows.getObject("last_seen", OffsetDateTime.class).toInstant();
                    actor = AccountLookup.readActor(rows, rows.getString("username"), false);
                }
            }
            if (lastSeen.isBefore(now.minus(TOUCH))) {
                try (PreparedStatement touch = connection.prepareStatement(
                        "UPDATE web_session SET last_seen = ? WHERE id_hash = ?")) {
                    touch.setObject(1, at(now));
                    touch.setString(2, hash);
                    touch.executeUpdate();
                }
            }
            return Optional.of(actor);
        } catch (SQLException e) {
            throw new PersistenceException("reading the web session failed", e);
        }
    }

    /**
     * Which of these sessions (by the hashes {@link #keyOf} gives) still count, without noting a use: an open event
     * stream is no use of its session, so that idle expiry ends it too.
     */
    public Set<String> stillValid(Collection<String> keys) {
        Instant now = clock.instant();
        Set<String> valid = new HashSet<>();
        List<String> all = List.copyOf(keys);
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += CHECK_BATCH) {
                List<String> batch = all.subList(from, Math.min(all.size(), from + CHECK_BATCH));
                String marks = String.join(",", Collections.nCopies(batch.size(), "?"));
                try (PreparedStatement query = connection.prepareStatement(STILL_VALID + "(" + marks + ")")) {
                    query.setObject(1, at(now));
                    query.setObject(2, at(now.minus(config.sessionTimeout())));
                    for (int i = 0; i < batch.size(); i++) {
                        query.setString(3 + i, batch.get(i));
                    }
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            valid.add(rows.getString(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading the web sessions failed", e);
        }
        return valid;
    }

    /** The key a session is known by outside this class (the SHA-256 of the cookie's value, as stored). */
    public static String keyOf(String sessionId) {
        return Secrets.sha256(sessionId);
    }

    /** Sign-out: the session is gone on every node. */
    @Transactional
    public void close(String sessionId) {
        WebSession.deleteById(Secrets.sha256(sessionId));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
