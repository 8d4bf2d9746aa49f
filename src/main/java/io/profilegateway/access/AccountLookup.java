package io.profilegateway.access;

import io.profilegateway.directory.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
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

    private record Verified(int credentialsVersion, Instant until) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    PasswordHasher hasher;

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
        return Optional.of(actorOf(user, user.username, false));
    }

    /**
     * Plain values, no entities: every API request with a token comes here, and loading the user as an entity would
     * cost a flush-time dirty check on top of the queries.
     */
    @Transactional
    public Optional<Actor> byToken(String token) {
        EntityManager em = ApiToken.getEntityManager();
        List<Object[]> rows = em.createQuery("select u.id, u.username, u.role, u.profilePersonal, pg.id, t.name "
                        + "from ApiToken t join t.user u left join u.primaryGroup pg where t.tokenHash = :hash",
                        Object[].class)
                .setParameter("hash", Secrets.sha256(token)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        long userId = (Long) row[0];
        Set<Long> groupIds = new LinkedHashSet<>();
        if (row[4] != null) {
            groupIds.add((Long) row[4]);
        }
        groupIds.addAll(em.createQuery("select g.id from AppUser u join u.otherGroups g where u.id = :id", Long.class)
                .setParameter("id", userId).getResultList());
        String username = (String) row[1];
        return Optional.of(new Actor(userId, (username != null ? username : "user " + userId) + " (token " + row[5]
                + ")", (Role) row[2], groupIds, (Boolean) row[3], true));
    }

    private static Actor actorOf(User user, String label, boolean viaToken) {
        return new Actor(user.id, label, user.role, user.groupIds(), user.profilePersonal, viaToken);
    }
}
