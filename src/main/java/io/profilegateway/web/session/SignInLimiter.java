package io.profilegateway.web.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing on the sign-in form: after {@code gateway.web.sign-in-attempts} wrong passwords for
 * one user name (or ten times as many from one client address) within {@code gateway.web.sign-in-window}, further
 * tries are refused until the oldest failure leaves the window. Counted per node (a cluster of n nodes allows n
 * times as many); a successful sign-in clears the user name's count.
 */
@ApplicationScoped
public class SignInLimiter {

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Inject
    WebConfig config;

    @Inject
    Clock clock;

    /** How long the caller must wait before he may try again, or empty when he may try now. */
    public Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> byUser = wait(userKey(username), config.signInAttempts(), now);
        return byUser.isPresent() ? byUser : wait(addressKey(address), config.signInAttempts() * 10, now);
    }

    public void failed(String username, String address) {
        if (failures.size() > MAX_KEYS) {
            failures.clear();
        }
        Instant now = clock.instant();
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
            }
        }
    }

    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private Optional<Duration> wait(String key, int allowed, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            Instant windowStart = now.minus(config.signInWindow());
            while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
                times.removeFirst();
            }
            if (times.size() < allowed) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(windowStart, times.peekFirst()));
        }
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
