package io.profilegateway.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * {@code gateway.oidc.*}: sign-in with Microsoft Entra ID (bearer JWTs for API clients, the authorization-code flow
 * for the web page). Off unless {@link #enabled()}; then the OIDC tenant stays disabled
 * ({@code quarkus.oidc.tenant-enabled=false}) and no issuer is ever contacted. application.properties derives the
 * {@code quarkus.oidc.*} keys from these; any {@code quarkus.oidc.*} key may still be set directly.
 */
@ConfigMapping(prefix = "gateway.oidc")
public interface EntraSignInConfig {

    /** The path that starts the sign-in in a browser and is the redirect URI registered in Entra ID. */
    String LOGIN_PATH = "/login/microsoft";

    /** Whether users may sign in with Microsoft Entra ID. */
    @WithDefault("false")
    boolean enabled();

    /** The Entra ID tenant (directory) id; unset = {@code gateway.graph.tenant-id} (the same app registration). */
    Optional<String> tenantId();

    /** The app registration's application (client) id; unset = {@code gateway.graph.client-id}. */
    Optional<String> clientId();

    /**
     * The app registration's client secret, for the code flow's token request; unset =
     * {@code gateway.graph.client-secret}. Never logged nor shown.
     */
    Optional<String> clientSecret();

    /** Entra ID's authority host; the issuer is {@code <authority-url><tenant-id>/v2.0}. */
    @WithDefault("https://login.microsoftonline.com/")
    String authorityUrl();

    /** Whether the session and state cookies carry {@code Secure} even when the gateway itself is reached over http. */
    @WithDefault("true")
    boolean secureCookies();
}
