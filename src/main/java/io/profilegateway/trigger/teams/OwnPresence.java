package io.profilegateway.trigger.teams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the gateway's own presence session holds per Entra id (set by {@link PresencePublisher}), so that the meeting
 * trigger never takes the gateway's Busy/InACall (or DoNotDisturb/Presenting) for a Teams meeting: a reading that
 * equals what the gateway set, while its session is on or shortly after it was cleared, is the gateway's own echo.
 */
@ApplicationScoped
public class OwnPresence {

    private record Session(TeamsPresence presence, Instant clearedAt) {
    }

    @Inject
    GraphConfig config;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    void set(String entraId, TeamsPresence presence) {
        sessions.put(key(entraId), new Session(presence, null));
    }

    void cleared(String entraId, Instant at) {
        sessions.computeIfPresent(key(entraId), (k, s) -> s.clearedAt != null ? s : new Session(s.presence, at));
    }

    /** Whether Graph's reading of this user is only what the gateway's own session put there. */
    boolean isEcho(String entraId, String availability, String activity, Instant now) {
        if (entraId == null) {
            return false;
        }
        Session s = sessions.get(key(entraId));
        if (s == null) {
            return false;
        }
        if (s.clearedAt != null && now.isAfter(s.clearedAt.plus(config.publish().echoGrace()))) {
            sessions.remove(key(entraId), s);
            return false;
        }
        return s.presence.availability().equalsIgnoreCase(String.valueOf(availability))
                && s.presence.activity().equalsIgnoreCase(String.valueOf(activity));
    }

    private static String key(String entraId) {
        return entraId.toLowerCase(Locale.ROOT);
    }
}
