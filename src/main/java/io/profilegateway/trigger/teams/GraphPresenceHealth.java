package io.profilegateway.trigger.teams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * "graph-presence": up while Teams presence polling works (or when it is not configured), down during an outage
 * (Graph failing, throttled, the token endpoint refusing) with the reason — an error code, never a secret.
 */
@Readiness
@ApplicationScoped
public class GraphPresenceHealth implements HealthCheck {

    @Inject
    PresencePoller poller;

    @Inject
    PresenceSubscriptions subscriptions;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("graph-presence").up();
        if (!poller.isRunning()) {
            return response.withData("state", "not configured").build();
        }
        PollStatus.Snapshot s = poller.status().snapshot();
        PollTargets t = poller.targets();
        response.withData("polledUsers", t.polledUsers()).withData("watchedUsers", t.watched())
                .withData("shards", t.shards()).withData("nodes", t.nodes())
                .withData("intervalMillis", poller.currentInterval().toMillis());
        if (subscriptions.enabled()) {
            response.withData("subscriptions", subscriptions.active());
            if (subscriptions.lastError() != null) {
                response.withData("subscriptionError", subscriptions.lastError());
            }
        }
        if (s.lastSuccess() != null) {
            response.withData("lastSuccess", s.lastSuccess().toString());
        }
        if (s.consecutiveFailures() == 0) {
            String state = !poller.connected() ? "connecting" : s.lastSuccess() != null ? "polling"
                    : t.polledUsers() == 0 ? "idle: no user with a Teams trigger" : "starting";
            return response.withData("state", state).build();
        }
        response.down().withData("state", state(s.lastKind())).withData("consecutiveFailures", s.consecutiveFailures())
                .withData("lastError", s.lastError()).withData("retryingAt", s.pausedUntil().toString());
        poller.credential().map(RenewableCredential::lastError).ifPresent(token -> response.withData("token", token));
        return response.build();
    }

    private static String state(GraphFailure.Kind kind) {
        return switch (kind) {
            case THROTTLED -> "throttled";
            case TOKEN, UNAUTHORIZED -> "no valid token";
            case REJECTED -> "refused by Graph";
            default -> "Graph unavailable";
        };
    }
}
