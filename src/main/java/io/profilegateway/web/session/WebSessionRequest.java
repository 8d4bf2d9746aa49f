package io.profilegateway.web.session;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The web page's session cookie; a request type of its own, so that only {@link WebSessionIdentityProvider} sees it. */
public final class WebSessionRequest extends BaseAuthenticationRequest {

    private final String sessionId;

    public WebSessionRequest(String sessionId) {
        this.sessionId = sessionId;
    }

    public String sessionId() {
        return sessionId;
    }
}
