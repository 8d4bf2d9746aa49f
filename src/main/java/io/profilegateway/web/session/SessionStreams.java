package io.profilegateway.web.session;

import io.profilegateway.events.EventHub;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * An event stream opened with the page's session cookie lasts no longer than the session: a sign-out on this node ends
 * its streams at once; every {@code gateway.web.stream-session-check} the sessions behind this node's open streams are
 * read again ({@link WebSessions#stillValid}), and the streams of those that ended (sign-out elsewhere, idle timeout,
 * max age, password change, user deleted) get {@code session-ended} and complete. A node-local timer, not a Quartz
 * job: every node checks its own streams.
 */
@ApplicationScoped
public class SessionStreams {

    private static final Logger LOG = Logger.getLogger(SessionStreams.class);

    @Inject
    EventHub hub;

    @Inject
    WebSessions sessions;

    @Inject
    WebConfig config;

    private ScheduledExecutorService timer;
    private boolean failing;

    void onStart(@Observes StartupEvent start) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-stream-sessions");
            t.setDaemon(true);
            return t;
        });
        long every = config.streamSessionCheck().toMillis();
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The session key of a request to the stream: its cookie's, unless an Authorization header authenticated it. */
    public static String keyOf(String sessionCookie, String authorization) {
        return sessionCookie == null || sessionCookie.isEmpty() || authorization != null ? null
                : WebSessions.keyOf(sessionCookie);
    }

    /** The session was signed out here: its streams on this node end now (other nodes' at their next check). */
    public void signedOut(String sessionCookie) {
        hub.endSessions(Set.of(WebSessions.keyOf(sessionCookie)), "signed-out");
    }

    void check() {
        try {
            Set<String> open = hub.sessionKeys().get(5, TimeUnit.SECONDS);
            if (open.isEmpty()) {
                return;
            }
            Set<String> ended = new HashSet<>(open);
            ended.removeAll(sessions.stillValid(open));
            hub.endSessions(ended, "session-ended");
            if (failing) {
                failing = false;
                LOG.info("Event stream: the web sessions behind the streams are checked again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!failing) {
                failing = true;
                LOG.infof("Event stream: the web sessions behind the streams cannot be checked now (%s); trying again",
                        e.getMessage());
            }
        }
    }
}
