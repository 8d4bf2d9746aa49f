package io.profilegateway.web;

import io.profilegateway.common.ApiProblem;
import io.profilegateway.common.ProblemMapper;
import io.profilegateway.web.session.SessionCookieMechanism;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * CSRF for the web page: a double-submit token. A state-changing request that carries a session cookie, the local
 * {@code pgw_session} or the Microsoft sign-in's {@code q_session} (SameSite=Lax, so a top-level cross-site POST
 * would carry it), and no Authorization header (Basic and bearer clients are not browsers' ambient credentials), and
 * every sign-in POST, must send the value of the pgw_csrf cookie in the X-CSRF-Token header, else 403. Every response
 * hands out pgw_csrf if missing.
 */
@Provider
@PreMatching
public class CsrfFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String SESSION = SessionCookieMechanism.COOKIE;
    /** Quarkus OIDC's code-flow session cookie: {@code q_session}, with a tenant suffix or split into chunks. */
    public static final String OIDC_SESSION = "q_session";
    /** The sign-in POST is checked even without a session (login CSRF: a foreign page signing the browser in). */
    private static final String SIGN_IN = "/login";
    public static final String COOKIE = "pgw_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        boolean signIn = SIGN_IN.equals(request.getUriInfo().getPath());
        boolean cookieAuthenticated = request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && request.getCookies().keySet().stream().anyMatch(CsrfFilter::isSessionCookie);
        if (!signIn && !cookieAuthenticated) {
            return;
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        String header = request.getHeaderString(HEADER);
        if (cookie == null || header == null || cookie.getValue().isEmpty() || !MessageDigest.isEqual(
                cookie.getValue().getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(ProblemMapper.problem(new ApiProblem(403, "csrf-token-missing",
                    "The X-CSRF-Token header must carry the value of the pgw_csrf cookie")));
        }
    }

    static boolean isSessionCookie(String name) {
        return name.equals(SESSION) || name.startsWith(OIDC_SESSION);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getCookies().containsKey(COOKIE)) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(COOKIE)
                    .value(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)).path("/")
                    .sameSite(NewCookie.SameSite.STRICT).build());
        }
    }
}
