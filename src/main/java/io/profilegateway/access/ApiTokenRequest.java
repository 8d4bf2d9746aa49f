package io.profilegateway.access;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * An opaque {@code pgw_…} API token from {@code Authorization: Bearer}. A request type of its own, so that only
 * {@link TokenIdentityProvider} sees it and OIDC's provider (which takes {@code TokenAuthenticationRequest}s with
 * JWTs) never does, nor ours a JWT.
 */
public final class ApiTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public ApiTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
