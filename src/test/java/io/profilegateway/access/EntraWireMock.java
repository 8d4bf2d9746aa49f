package io.profilegateway.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local Microsoft Entra ID: WireMock (http, loopback) serving the v2.0 discovery document, the JWKS with an RSA
 * key made for this run, and the token endpoint of the code flow; tokens are signed here with that key. Configures
 * the gateway with {@code gateway.oidc.*} pointing at it and its own in-memory database.
 */
public class EntraWireMock implements QuarkusTestResourceLifecycleManager {

    public static final String TENANT = "entra-test-tenant";
    public static final String CLIENT_ID = "3f0c2a6e-0b7d-4c55-9a31-5c6f1e2d7a10";
    /** 40 characters, as Entra's secrets are: Quarkus derives the state and session cookies' keys from it. */
    public static final String CLIENT_SECRET = "Qx8~entra-client-secret-0123456789abcdef";
    public static final String KEY_ID = "entra-test-key";
    public static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    public static final String AUTHORIZE_PATH = "/" + TENANT + "/oauth2/v2.0/authorize";
    public static final String LOG_FILE = "target/entra-sign-in-test.log";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair KEYS = rsaKeys();

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    public static String issuer() {
        return "http://localhost:" + server.port() + "/" + TENANT + "/v2.0";
    }

    /** A signed token with the claims an Entra v2 token carries, for the given account, plus {@code extra}. */
    public static String token(String objectId, Map<String, Object> extra) {
        return sign(claims(objectId, extra), KEYS.getPrivate());
    }

    public static Map<String, Object> claims(String objectId, Map<String, Object> extra) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("aud", CLIENT_ID);
        claims.put("tid", TENANT);
        claims.put("sub", "sub-" + objectId);
        claims.put("oid", objectId);
        claims.put("iat", now - 10);
        claims.put("nbf", now - 10);
        claims.put("exp", now + 3600);
        claims.put("ver", "2.0");
        claims.putAll(extra);
        claims.values().removeIf(v -> v == null);
        return claims;
    }

    /** A compact RS256 JWS of {@code claims}, signed with {@code key} under this issuer's key id. */
    public static String sign(Map<String, Object> claims, PrivateKey key) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid",
                    KEY_ID)));
            String payload = b64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(rsa.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key the issuer does not publish. */
    public static PrivateKey foreignKey() {
        return rsaKeys().getPrivate();
    }

    /** The token endpoint answers this ID token (and an opaque access token) for the authorization code. */
    public static void answerCode(String code, String idToken) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("token_type", "Bearer", "expires_in", 3599, "scope",
                    "openid profile email", "access_token", "opaque-access-" + code, "id_token", idToken));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("code=" + code))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String base = "http://localhost:" + server.port() + "/" + TENANT;
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("issuer", issuer());
        discovery.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
        discovery.put("token_endpoint", base + "/oauth2/v2.0/token");
        discovery.put("jwks_uri", base + "/discovery/v2.0/keys");
        discovery.put("response_types_supported", List.of("code", "id_token", "code id_token"));
        discovery.put("subject_types_supported", List.of("pairwise"));
        discovery.put("id_token_signing_alg_values_supported", List.of("RS256"));
        discovery.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        discovery.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        discovery.put("code_challenge_methods_supported", List.of("S256"));
        RSAPublicKey publicKey = (RSAPublicKey) KEYS.getPublic();
        Map<String, Object> jwk = Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", KEY_ID,
                "n", unsigned(publicKey.getModulus()), "e", unsigned(publicKey.getPublicExponent()));
        try {
            server.stubFor(get(urlPathEqualTo("/" + TENANT + "/v2.0/.well-known/openid-configuration"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody(JSON.writeValueAsString(discovery))));
            server.stubFor(get(urlPathEqualTo("/" + TENANT + "/discovery/v2.0/keys"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody(JSON.writeValueAsString(Map.of("keys", List.of(jwk))))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(10).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: unknown code\"}")));

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:entra;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        config.put("gateway.oidc.enabled", "true");
        config.put("gateway.oidc.tenant-id", TENANT);
        config.put("gateway.oidc.client-id", CLIENT_ID);
        config.put("gateway.oidc.client-secret", CLIENT_SECRET);
        config.put("gateway.oidc.authority-url", "http://localhost:" + server.port() + "/");
        config.put("quarkus.log.file.enabled", "true");
        config.put("quarkus.log.file.path", LOG_FILE);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.util.Arrays.copyOfRange(bytes, start, bytes.length));
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
