package io.profilegateway.web.session;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The web page's "Sign out": the session row is deleted (so it ends on every node) and the HttpOnly cookie cleared. */
@Path("/logout")
@Tag(name = "Web page sign-in")
public class SignOutResource {

    @Inject
    WebSessions sessions;

    @Inject
    SessionStreams streams;

    @Context
    HttpServerRequest http;

    @POST
    @Operation(summary = "Sign out of the web page: 204, the session ends, its cookie is cleared and its event streams end ('session-ended'). Needs the "
            + "X-CSRF-Token header equal to the pgw_csrf cookie")
    public Response signOut(@CookieParam(SessionCookieMechanism.COOKIE) String session) {
        if (session != null && !session.isEmpty()) {
            sessions.close(session);
            streams.signedOut(session);
        }
        return Response.noContent().cookie(SignInResource.cookie("", http)).build();
    }
}
