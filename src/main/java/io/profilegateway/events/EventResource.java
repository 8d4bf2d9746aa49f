package io.profilegateway.events;

import io.profilegateway.access.CurrentActor;
import io.profilegateway.common.ApiProblem;
import io.vertx.core.http.HttpServerResponse;
import io.profilegateway.web.session.SessionCookieMechanism;
import io.profilegateway.web.session.SessionStreams;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/events")
@Tag(name = "Events", description = "Live changes as server-sent events")
public class EventResource {

    @Inject
    EventHub hub;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-sent events: 'profile' (a user's active profile after a switch, cut to what the "
            + "caller may see of him, as GET /users/{id}/profile), 'pbx-sync' ({userId, inSync, reason}, for "
            + "TEAM_COLLEAGUE and up), 'office' ({groupId, from, to, at}), 'trigger' ({type, edge, profileId, groupId, "
            + "users, failed, at}: a TIME or OFFICE_HOURS trigger fired, for receptionists and up); each with an id. Reconnect with "
            + "Last-Event-ID to get what was missed, or a 'reset' event when it is no longer kept. Comment lines "
            + "are heartbeats. A client that does not read fast enough is dropped. A stream opened with the web page's "
            + "session cookie ends when the session does (sign-out, expiry, password change, user deleted): a last "
            + "'session-ended' event ({reason}), then the stream completes.")
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context HttpServerResponse response,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @CookieParam(SessionCookieMechanism.COOKIE) String session,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Long last = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                last = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("Last-Event-ID", "must be the id of an event of this stream");
            }
        }
        hub.subscribe(actor.get(), SessionStreams.keyOf(session, authorization), sink, sse, response, last);
    }
}
