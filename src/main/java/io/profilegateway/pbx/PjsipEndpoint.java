package io.profilegateway.pbx;

import java.util.List;

/**
 * A PJSIP endpoint as Asterisk reports it over AMI: its id, its AORs ({@code EndpointList}'s {@code Aor}) and its
 * {@code callerid} as configured ({@code EndpointDetail}'s {@code Callerid}, e.g. {@code "Anna Schmidt" <1001>}; empty
 * when none is set).
 */
public record PjsipEndpoint(String name, List<String> aors, String callerid) {

    public PjsipEndpoint {
        aors = List.copyOf(aors);
        callerid = callerid == null ? "" : callerid;
    }
}
