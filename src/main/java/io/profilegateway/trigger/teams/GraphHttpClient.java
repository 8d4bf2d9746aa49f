package io.profilegateway.trigger.teams;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The HTTP client azure-identity fetches tokens with: the JDK's (not Netty 4.2); tests replace it. */
@ApplicationScoped
public class GraphHttpClient {

    /** The bean name of the token HTTP client. */
    public static final String NAME = "graph-token-http";

    @Produces
    @DefaultBean
    @Singleton
    @Named(NAME)
    HttpClient tokenHttpClient() {
        return new JdkHttpClientBuilder().build();
    }
}
