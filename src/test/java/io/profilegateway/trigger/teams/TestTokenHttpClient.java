package io.profilegateway.trigger.teams;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tests only: the token HTTP client trusts exactly the certificate {@link GraphWireMock} made for its https port
 * (and nothing else); without that setting it is the normal client.
 */
@ApplicationScoped
public class TestTokenHttpClient {

    @ConfigProperty(name = "graph-test.truststore")
    Optional<String> truststore;

    @ConfigProperty(name = "graph-test.truststore-password")
    Optional<String> password;

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    @Named(GraphHttpClient.NAME)
    HttpClient tokenHttpClient() throws Exception {
        if (truststore.isEmpty()) {
            return new JdkHttpClientBuilder().build();
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(truststore.get()))) {
            store.load(in, password.orElse("").toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);
        return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(ssl)).build();
    }
}
