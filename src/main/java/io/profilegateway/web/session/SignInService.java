package io.profilegateway.web.session;

import io.profilegateway.access.AccountLookup;
import io.profilegateway.access.Actor;
import io.profilegateway.access.PasswordHasher;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.common.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * The sign-in form's check: a local account's user name and password give a new session. A wrong password and an
 * unknown user name get the same answer after the same work (one BCrypt check), so the answer tells neither.
 */
@ApplicationScoped
public class SignInService {

    @Inject
    AccountLookup accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    SignInLimiter limiter;

    @Inject
    WebSessions sessions;

    private volatile String unknownUserHash;

    /** The new session's cookie value; 401 {@code sign-in-failed} or 429 {@code sign-in-throttled} otherwise. */
    public String signIn(String username, String password, String address) {
        new Violations().text("username", username, 100).text("password", password, 1000).throwIfAny();
        Optional<Duration> wait = limiter.waitBefore(username, address);
        if (wait.isPresent()) {
            throw new SignInThrottled(wait.get());
        }
        Optional<Actor> actor = accounts.byPassword(username, password.toCharArray());
        if (actor.isEmpty()) {
            if (!accounts.hasPassword(username)) {
                hasher.matches(password, unknownUserHash());
            }
            limiter.failed(username, address);
            throw new ApiProblem(401, "sign-in-failed", "Wrong user name or password");
        }
        limiter.succeeded(username);
        return sessions.open(actor.get().userId());
    }

    private String unknownUserHash() {
        String hash = unknownUserHash;
        if (hash == null) {
            hash = hasher.hash("no such user " + System.nanoTime());
            unknownUserHash = hash;
        }
        return hash;
    }

    /** 429: too many wrong passwords lately; {@link #retryAfter()} says when to try again. */
    public static final class SignInThrottled extends ApiProblem {

        private final Duration retryAfter;

        SignInThrottled(Duration retryAfter) {
            super(429, "sign-in-throttled", "Too many failed sign-ins; try again in "
                    + Math.max(1, retryAfter.toSeconds()) + " s");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
