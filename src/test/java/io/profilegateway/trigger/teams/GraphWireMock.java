package io.profilegateway.trigger.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WireMock in place of Microsoft Graph (http, on localhost) and of Entra ID's token endpoint (https, as azure-identity
 * demands, with a certificate for localhost made by keytool for this run and trusted by the test's token client
 * only). Configures the gateway with small intervals and its own in-memory database.
 */
public class GraphWireMock implements QuarkusTestResourceLifecycleManager {

    public static final String TENANT = "test-tenant";
    public static final String CLIENT_ID = "test-client";
    /** A distinctive secret, so a test can search every log line and response for it. */
    public static final String CLIENT_SECRET = "Sx7~graph-client-secret-1f2e3d";
    public static final String CLIENT_STATE = "client-state-9c8b7a";
    public static final String SERVICE_PASSWORD = "Pw-service-account-55aa";
    public static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    public static final String PRESENCE_PATH = "/v1.0/communications/getPresencesByUserId";
    private static final String KEYSTORE_PASSWORD = "wiremock-test";

    private static WireMockServer server;
    private static FakeGraph fake;
    private Path dir;

    public static WireMockServer server() {
        return server;
    }

    public static FakeGraph fake() {
        return fake;
    }

    /** The normal stubs: tokens, presences, users, subscriptions (a test's own stubs get a higher priority). */
    public static void resetStubs() {
        server.resetMappings();
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"test-access-token\"}")));
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(9)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=password"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(delegatedToken())));
        server.stubFor(post(urlPathEqualTo(PRESENCE_PATH)).atPriority(10)
                .willReturn(aResponse().withTransformers(FakeGraph.NAME)));
        server.stubFor(get(urlPathEqualTo("/v1.0/users")).atPriority(10)
                .willReturn(aResponse().withTransformers(FakeGraph.NAME)));
        server.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                "/v1\\.0/(users/[^/]+/presence/(setPresence|clearPresence)|\\$batch)")).atPriority(10)
                .willReturn(aResponse().withTransformers(FakeGraph.NAME)));
        FakeSubscriptions.stub(server);
    }

    /** A password-grant answer as Entra gives it: MSAL needs the id token and client info to build the account. */
    private static String delegatedToken() {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String claims = b64.encodeToString(("{\"aud\":\"" + CLIENT_ID + "\",\"iss\":\"https://login.example/" + TENANT
                + "/v2.0\",\"oid\":\"00000000-0000-0000-0000-0000000000aa\",\"tid\":\"" + TENANT
                + "\",\"sub\":\"service\",\"preferred_username\":\"" + FakeSubscriptions.SERVICE_ACCOUNT
                + "\",\"iat\":1700000000,\"nbf\":1700000000,\"exp\":4102444800}").getBytes());
        String clientInfo = b64.encodeToString(("{\"uid\":\"00000000-0000-0000-0000-0000000000aa\",\"utid\":\""
                + TENANT + "\"}").getBytes());
        return "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"delegated-token\","
                + "\"scope\":\"https://graph.microsoft.com/.default\",\"id_token\":\"" + header + "." + claims
                + ".\",\"client_info\":\"" + clientInfo + "\"}";
    }

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("graph-wiremock");
            Path keystore = dir.resolve("localhost.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "localhost", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD)
                    .redirectErrorStream(true).start();
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + new String(keytool.getInputStream().readAllBytes()));
            }
            fake = new FakeGraph();
            server = new WireMockServer(options().dynamicPort().dynamicHttpsPort().keystorePath(keystore.toString())
                    .keystoreType("PKCS12").keystorePassword(KEYSTORE_PASSWORD).keyManagerPassword(KEYSTORE_PASSWORD)
                    .extensions(fake).containerThreads(16));
            server.start();
            resetStubs();
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:teams;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            config.put("gateway.graph.tenant-id", TENANT);
            config.put("gateway.graph.client-id", CLIENT_ID);
            config.put("gateway.graph.client-secret", CLIENT_SECRET);
            config.put("gateway.graph.base-url", "http://localhost:" + server.port() + "/v1.0");
            config.put("gateway.graph.authority-url", "https://localhost:" + server.httpsPort() + "/");
            config.put("gateway.graph.poll-interval", "200ms");
            config.put("gateway.graph.hold-down", "5s");
            config.put("gateway.graph.roster-refresh", "250ms");
            config.put("gateway.graph.request-timeout", "4s");
            config.put("gateway.graph.backoff-initial", "200ms");
            config.put("gateway.graph.backoff-max", "1s");
            config.put("gateway.graph.lookup-retry", "1s");
            config.put("graph-test.truststore", keystore.toString());
            config.put("graph-test.truststore-password", KEYSTORE_PASSWORD);
            config.putAll(FakeSubscriptions.config(server));
            return config;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder
            }
        }
    }

    /** Requests to Graph's presence endpoint so far. */
    public static List<com.github.tomakehurst.wiremock.verification.LoggedRequest> presenceRequests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo(PRESENCE_PATH)));
    }
}
