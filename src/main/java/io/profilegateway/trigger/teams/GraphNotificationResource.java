package io.profilegateway.trigger.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.profilegateway.common.ApiProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Microsoft Graph's webhook: the validation handshake (echo {@code validationToken} as text/plain) and presence
 * change notifications. Called by Microsoft without credentials; the client state proves a notification's origin.
 */
@Path("/api/v1/graph/notifications")
@Tag(name = "Microsoft Graph", description = "Change notifications from Microsoft Graph (called by Microsoft)")
public class GraphNotificationResource {

    private static final int MAX_TOKEN = 1024;

    @Inject
    PresenceSubscriptions subscriptions;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Graph's validation handshake and change notifications (no credentials)")
    public Response notify(@QueryParam("validationToken") String validationToken, String body) {
        if (!subscriptions.enabled()) {
            throw new ApiProblem(404, "graph-subscriptions-off", "Graph subscriptions are not enabled");
        }
        if (validationToken != null) {
            if (validationToken.length() > MAX_TOKEN) {
                throw ApiProblem.invalid("validationToken", "must be at most " + MAX_TOKEN + " characters");
            }
            return Response.ok(validationToken, MediaType.TEXT_PLAIN_TYPE)
                    .header("X-Content-Type-Options", "nosniff").build();
        }
        GraphNotifications notifications;
        try {
            notifications = json.readValue(body == null ? "" : body, GraphNotifications.class);
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, "malformed-json", "The request body is not a Graph notification");
        }
        subscriptions.receive(notifications);
        return Response.accepted().build();
    }
}
