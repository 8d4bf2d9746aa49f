package io.profilegateway.pbx;

import io.profilegateway.common.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;

/** The names of the Asterisk servers users can live on: those configured, or the simulator's in dev and tests. */
@ApplicationScoped
public class PbxServers {

    @Inject
    AmiConfig config;

    public Set<String> names() {
        Set<String> names = new TreeSet<>(config.servers().keySet());
        if (names.isEmpty() && config.simulator().enabled()) {
            names.add(config.defaultServer());
        }
        return names;
    }

    /** The server a user with {@code pbxServer} lives on. */
    public String serverOf(String pbxServer) {
        return pbxServer == null ? config.defaultServer() : pbxServer;
    }

    /** 400 naming {@code field} when {@code name} is set and not a configured server. */
    public void requireKnown(String field, String name) {
        if (name != null && !names().contains(name)) {
            throw ApiProblem.invalid(field, "no Asterisk server named '" + name + "'; configured: " + names());
        }
    }
}
