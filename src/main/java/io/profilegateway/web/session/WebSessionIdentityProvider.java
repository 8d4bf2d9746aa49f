package io.profilegateway.web.session;

import io.profilegateway.access.PasswordIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The web page's session cookie: the session's user as he is now ({@link WebSessions#find}). */
@ApplicationScoped
public class WebSessionIdentityProvider implements IdentityProvider<WebSessionRequest> {

    @Inject
    WebSessions sessions;

    @Override
    public Class<WebSessionRequest> getRequestType() {
        return WebSessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(WebSessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.find(request.sessionId())
                .map(PasswordIdentityProvider::identity)
                .orElseThrow(AuthenticationFailedException::new));
    }
}
