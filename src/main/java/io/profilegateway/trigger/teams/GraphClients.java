package io.profilegateway.trigger.teams;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.UsernamePasswordCredentialBuilder;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Builds the Graph SDK clients: the application client (client credentials: secret or certificate) that polls and
 * looks users up, and the delegated client (a service account) that owns presence subscriptions. The SDK's own
 * retries are off: the poller decides when to try again (Retry-After, backoff).
 */
@ApplicationScoped
public class GraphClients {

    /** Graph's resource scope; valid for every Graph host, also when requests go elsewhere (tests). */
    static final String SCOPE = "https://graph.microsoft.com/.default";

    /** Application permissions the gateway needs; {@code graph-setup/register-app.sh} adds exactly these. */
    static final List<String> APPLICATION_PERMISSIONS = List.of("Presence.Read.All", "User.Read.All");

    /** Application permissions of Teams presence from the PBX ({@code gateway.graph.publish.enabled}). */
    static final List<String> PUBLISH_PERMISSIONS = List.of("Presence.ReadWrite.All");

    /** Delegated permissions of the subscription service account. */
    static final List<String> DELEGATED_PERMISSIONS = List.of("Presence.Read.All");

    /** A Graph client and the credential whose token it sends. */
    record Connection(GraphServiceClient graph, RenewableCredential credential) {
    }

    @Inject
    GraphConfig config;

    @Inject
    @Named(GraphHttpClient.NAME)
    HttpClient tokenHttp;

    @Inject
    Clock clock;

    /** Whether a tenant is configured: without one the Teams trigger stays off. */
    public boolean configured() {
        return config.tenantId().filter(t -> !t.isBlank()).isPresent();
    }

    /** Refuses a half configuration at start, naming the missing key (never a value). */
    void checkConfiguration() {
        if (config.clientId().isEmpty()) {
            throw new IllegalStateException("gateway.graph.tenant-id is set but gateway.graph.client-id is not");
        }
        if (config.clientSecret().isEmpty() == config.certificatePath().isEmpty()) {
            throw new IllegalStateException(
                    "Set exactly one of gateway.graph.client-secret and gateway.graph.certificate-path");
        }
        if (!config.authorityUrl().startsWith("https://")) {
            throw new IllegalStateException("gateway.graph.authority-url must be an https URL");
        }
    }

    Connection application() {
        return connect(this::applicationCredential);
    }

    /** The service account's client for subscriptions; requires {@code gateway.graph.subscriptions.username}. */
    Connection delegated() {
        GraphConfig.Subscriptions s = config.subscriptions();
        if (s.username().isEmpty() || s.password().isEmpty()) {
            throw new IllegalStateException("gateway.graph.subscriptions.enabled needs "
                    + "gateway.graph.subscriptions.username and .password (a delegated service account)");
        }
        return connect(() -> new UsernamePasswordCredentialBuilder().tenantId(config.tenantId().orElseThrow())
                .clientId(config.clientId().orElseThrow()).username(s.username().get()).password(s.password().get())
                .authorityHost(config.authorityUrl()).httpClient(tokenHttp).disableInstanceDiscovery().maxRetry(0)
                .build());
    }

    private TokenCredential applicationCredential() {
        if (config.clientSecret().isPresent()) {
            return new ClientSecretCredentialBuilder().tenantId(config.tenantId().orElseThrow())
                    .clientId(config.clientId().orElseThrow()).clientSecret(config.clientSecret().get())
                    .authorityHost(config.authorityUrl()).httpClient(tokenHttp).disableInstanceDiscovery().maxRetry(0)
                    .build();
        }
        return new ClientCertificateCredentialBuilder().tenantId(config.tenantId().orElseThrow())
                .clientId(config.clientId().orElseThrow()).pemCertificate(config.certificatePath().orElseThrow())
                .authorityHost(config.authorityUrl()).httpClient(tokenHttp).disableInstanceDiscovery().maxRetry(0)
                .build();
    }

    private Connection connect(Supplier<TokenCredential> factory) {
        RenewableCredential credential = new RenewableCredential(factory, clock);
        String host = URI.create(config.baseUrl()).getHost();
        AzureIdentityAuthenticationProvider auth = new AzureIdentityAuthenticationProvider(credential,
                new String[] {host}, SCOPE);
        RequestOption noRetries = new RetryHandlerOption((delay, attempt, request, response) -> false, 0, 0);
        OkHttpClient http = GraphClientFactory.create(new RequestOption[] {noRetries})
                .callTimeout(config.requestTimeout()).readTimeout(config.requestTimeout()).build();
        GraphServiceClient graph = new GraphServiceClient(auth, http);
        graph.getRequestAdapter().setBaseUrl(config.baseUrl());
        return new Connection(graph, credential);
    }
}
