package io.profilegateway.access;

import io.profilegateway.directory.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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

    @Transactional
    public Optional<Actor> byToken(String token) {
        // one query: the token, its user and his groups (the actor needs them all)
        return ApiToken.<ApiToken>find("from ApiToken t join fetch t.user u left join fetch u.otherGroups "
                        + "where t.tokenHash = ?1", Secrets.sha256(token)).firstResultOptional()
                .map(t -> actorOf(t.user, (t.user.username != null ? t.user.username : "user " + t.user.id)
                        + " (token " + t.name + ")", true));
    }

    private static Actor actorOf(User user, String label, boolean viaToken) {
        return new Actor(user.id, label, user.role, user.groupIds(), user.profilePersonal, viaToken);
    }
}
