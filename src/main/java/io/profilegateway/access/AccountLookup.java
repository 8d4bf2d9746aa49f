package io.profilegateway.access;

import io.agroal.api.AgroalDataSource;
import io.profilegateway.directory.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the actor behind credentials. A BCrypt check costs tens of milliseconds, so a successful check is
 * remembered for a few minutes under the SHA-256 of the credentials, and forgotten as soon as the password changes.
 */
@ApplicationScoped
public class AccountLookup {

    private static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;

    /** The token's user, one row per other group (or one row without). */
    private static final String TOKEN_ACTOR = "SELECT t.name AS token_name, u.id, u.username, u.role, "
            + "u.profile_personal, u.primary_group_id, m.group_id FROM api_token t "
            + "JOIN app_user u ON u.id = t.user_id LEFT JOIN user_group_member m ON m.user_id = u.id "
            + "WHERE t.token_hash = ?";

    private record Verified(int credentialsVersion, Instant until) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    PasswordHasher hasher;

    @Inject
    AgroalDataSource dataSource;

    /** Whether a local account of this user name may sign in with a password. */
    @Transactional
    public boolean hasPassword(String username) {
        return User.count("username = ?1 and passwordHash is not null", username) > 0;
    }

    @Transactional
    public Optional<Actor> byPassword(String username, char[] password) {
        Optional<User> found = User.findByUsername(username);
        if (found.isEmpty() || found.get().passwordHash == null) {
            return Optional.empty();
        }
        User user = found.get();
        String plain = new String(password);
        String key = Secrets.sha256(user.id + "\u0000" + username + "\u0000" + plain);
        Verified known = verified.get(key);
        Instant now = Instant.now();
        if (known == null || known.credentialsVersion() != user.credentialsVersion || known.until().isBefore(now)) {
            if (!hasher.matches(plain, user.passwordHash)) {
                return Optional.empty();
            }
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(key, new Verified(user.credentialsVersion, now.plus(REMEMBER)));
        }
        return Optional.of(Actor.of(user, user.username, false));
    }

    /**
     * One plain SQL query, no entities and no JTA transaction: every API request with a token comes here, and going
     * through Hibernate cost a sixth of a switch's CPU (query plan, session, flush check, transaction). Read live on
     * every request, so a revoked token or a changed role counts from the next request on, on every node.
     */
    public Optional<Actor> byToken(String token) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(TOKEN_ACTOR)) {
            query.setString(1, Secrets.sha256(token));
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String label = rows.getString("username");
                label = (label != null ? label : "user " + rows.getLong("id")) + " (token "
                        + rows.getString("token_name") + ")";
                return Optional.of(readActor(rows, label, true));
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading the API token's user failed", e);
        }
    }

    /**
     * The actor in rows of {@code u.id, u.role, u.profile_personal, u.primary_group_id, m.group_id} (one row per
     * other group, or one without), positioned on the first row; reads them all.
     */
    public static Actor readActor(ResultSet rows, String label, boolean viaToken) throws SQLException {
        long userId = rows.getLong("id");
        Role role = Role.valueOf(rows.getString("role"));
        boolean profilePersonal = rows.getBoolean("profile_personal");
        Set<Long> groupIds = new LinkedHashSet<>();
        long primaryGroup = rows.getLong("primary_group_id");
        if (!rows.wasNull()) {
            groupIds.add(primaryGroup);
        }
        do {
            long other = rows.getLong("group_id");
            if (!rows.wasNull()) {
                groupIds.add(other);
            }
        } while (rows.next());
        return new Actor(userId, label, role, groupIds, profilePersonal, viaToken);
    }
}
