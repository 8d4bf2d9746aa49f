package io.profilegateway.trigger.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;

/**
 * Graph's subscription endpoints and the user-realm discovery MSAL does before a password sign-in, in WireMock; and
 * the push-path configuration of the tests (short lifetimes, so renewals happen within a test).
 */
final class FakeSubscriptions {

    static final String SUBSCRIPTIONS = "/v1.0/subscriptions";
    static final String SERVICE_ACCOUNT = "presence-reader@example.com";

    private FakeSubscriptions() {
    }

    static void stub(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo(SUBSCRIPTIONS)).atPriority(10)
                .willReturn(aResponse().withTransformers(FakeGraph.NAME)));
        server.stubFor(patch(urlPathMatching(SUBSCRIPTIONS + "/.+")).atPriority(10)
                .willReturn(aResponse().withTransformers(FakeGraph.NAME)));
        server.stubFor(delete(urlPathMatching(SUBSCRIPTIONS + "/.+")).atPriority(10)
                .willReturn(aResponse().withStatus(204)));
        server.stubFor(get(urlPathMatching("/common/userrealm/.*")).atPriority(10).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"ver\":\"1.0\",\"account_type\":\"Managed\","
                        + "\"domain_name\":\"example.com\",\"cloud_instance_name\":\"microsoftonline.com\","
                        + "\"cloud_audience_urn\":\"urn:federation:MicrosoftOnline\"}")));
    }

    static Map<String, String> config(WireMockServer server) {
        return Map.of("gateway.graph.subscriptions.enabled", "true",
                "gateway.graph.subscriptions.notification-url", "https://gateway.example.test/api/v1/graph/notifications",
                "gateway.graph.subscriptions.client-state", GraphWireMock.CLIENT_STATE,
                "gateway.graph.subscriptions.username", SERVICE_ACCOUNT,
                "gateway.graph.subscriptions.password", GraphWireMock.SERVICE_PASSWORD,
                "gateway.graph.subscriptions.lifetime", "8s",
                "gateway.graph.subscriptions.renew-before", "5s",
                // the tests exercise polling too: the reconciliation poll runs as fast as the poll would
                "gateway.graph.subscriptions.reconcile-interval", "200ms");
    }
}
