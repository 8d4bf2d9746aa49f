package io.profilegateway.access;

import io.profilegateway.common.ApiProblem;
import io.profilegateway.common.ProblemMapper;
import io.quarkus.oidc.AuthorizationCodeFlow;
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * {@code GET /login/microsoft}: the browser sign-in with Microsoft Entra ID (OIDC authorization-code flow). Without
 * a session it redirects to Entra's authorize endpoint (with state and PKCE in an encrypted state cookie); Entra
 * redirects back here with a code, Quarkus OIDC exchanges it, verifies the ID token, the user is matched
 * ({@link EntraAccounts}), the session cookie is set and the browser lands on {@code /}. The session cookie then
 * authenticates {@code /api} like a password. Off (404) unless {@code gateway.oidc.enabled}.
 */
@Path(EntraSignInConfig.LOGIN_PATH)
public class MicrosoftLoginResource {

    @Inject
    EntraSignInConfig config;

    @Inject
    CurrentActor actor;

    @GET
    @Authenticated
    @AuthorizationCodeFlow
    @Operation(hidden = true)
    public Response signedIn() {
        actor.get();
        return Response.seeOther(URI.create("/")).build();
    }

    /** No session yet: the code flow's challenge, a redirect to Entra ID (only this path; {@code /api} answers 401). */
    @ServerExceptionMapper
    public Uni<Response> startSignIn(UnauthorizedException e, RoutingContext context) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        if (!config.enabled() || authenticator == null) {
            return Uni.createFrom().item(off());
        }
        return authenticator.getChallenge(context).map(challenge -> {
            if (challenge == null) {
                return off();
            }
            Response.ResponseBuilder response = Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
            return response.build();
        });
    }

    private static Response off() {
        return ProblemMapper.problem(new ApiProblem(404, "microsoft-sign-in-off",
                "Sign-in with Microsoft is not configured on this gateway"));
    }
}
