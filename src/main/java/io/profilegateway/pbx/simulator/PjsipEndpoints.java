package io.profilegateway.pbx.simulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The PJSIP endpoints of the simulated Asterisk ({@code pjsip.conf} as sorcery holds it), only what the AMI actions
 * {@code PJSIPShowEndpoints} and {@code PJSIPShowEndpoint} report: the endpoint's id, its AORs and its
 * {@code callerid}. Ordered by id, as Asterisk's sorted containers are.
 */
final class PjsipEndpoints {

    /** One endpoint: {@code aors} as configured (comma-separated in pjsip.conf), {@code callerid} as written. */
    record Endpoint(String name, List<String> aors, String callerid) {

        Endpoint {
            Objects.requireNonNull(name, "name");
            aors = List.copyOf(aors);
            callerid = callerid == null ? "" : callerid;
        }
    }

    private final Map<String, Endpoint> endpoints = new ConcurrentSkipListMap<>();

    void put(Endpoint endpoint) {
        endpoints.put(endpoint.name(), endpoint);
    }

    Endpoint get(String name) {
        return endpoints.get(name);
    }

    List<Endpoint> all() {
        return List.copyOf(endpoints.values());
    }

    void clear() {
        endpoints.clear();
    }
}
