package io.profilegateway.web.session;

import io.profilegateway.access.EntraSignInConfig;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.common.Bodies;
import io.profilegateway.common.ProblemMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The web page's sign-in with a local account, outside {@code /api} (no credentials needed to reach it). The login
 * POST is protected against login CSRF by the {@code pgw_csrf} double-submit token ({@code CsrfFilter}) and by the
 * Origin check here; the session cookie is HttpOnly and SameSite=Strict, Secure when the page came over https.
 */
@Path("/login")
@Tag(name = "Web page sign-in", description = "Sessions of the gateway's own web page (cookie pgw_session)")
public class SignInResource {

    @Inject
    SignInService signIn;

    @Inject
    EntraSignInConfig entra;

    @Context
    HttpServerRequest http;

    public record SignInRequest(String username, String password) {
    }

    public record SignInOptions(boolean local, boolean microsoft) {
    }

    @GET
    @Path("/options")
    @Operation(summary = "How one may sign in on this gateway's page: local account, and Microsoft when configured")
    public SignInOptions options() {
        return new SignInOptions(true, entra.enabled());
    }

    @POST
    @Operation(summary = "Sign in with a local account's user name and password: 204 and the session cookie "
            + "pgw_session (HttpOnly, SameSite=Strict); 401 sign-in-failed (the same for an unknown user and a wrong "
            + "password), 429 sign-in-throttled with Retry-After after too many failures, 403 from another origin. "
            + "Needs the X-CSRF-Token header equal to the pgw_csrf cookie (which any response of the gateway hands "
            + "out, e.g. GET /login/options)")
    public Response signIn(SignInRequest request) {
        if (!sameOrigin()) {
            return ProblemMapper.problem(new ApiProblem(403, "cross-origin-sign-in",
                    "Sign-in is only accepted from the gateway's own page"));
        }
        SignInRequest body = Bodies.require(request);
        try {
            String session = signIn.signIn(body.username(), body.password(), http.remoteAddress().hostAddress());
            return Response.noContent().cookie(cookie(session, http)).build();
        } catch (SignInService.SignInThrottled e) {
            return Response.fromResponse(ProblemMapper.problem(e))
                    .header("Retry-After", Math.max(1, e.retryAfter().toSeconds())).build();
        }
    }

    private boolean sameOrigin() {
        String origin = http.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            return uri.getAuthority() != null && uri.getAuthority().equalsIgnoreCase(http.getHeader("Host"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The session cookie; an empty value with Max-Age=0 clears it. */
    static NewCookie cookie(String value, HttpServerRequest http) {
        NewCookie.Builder cookie = new NewCookie.Builder(SessionCookieMechanism.COOKIE).value(value).path("/")
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).secure("https".equals(http.scheme()));
        return value.isEmpty() ? cookie.maxAge(0).build() : cookie.build();
    }
}
