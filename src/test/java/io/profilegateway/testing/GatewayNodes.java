package io.profilegateway.testing;

import io.profilegateway.bench.GatewayProcess;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway processes of a cluster test by node name: which one REST Assured talks to, and all of them killed at
 * the end (also from a shutdown hook: a test that is stopped must not leave jars running).
 */
public final class GatewayNodes {

    private final Map<String, GatewayProcess> nodes = new LinkedHashMap<>();

    public void add(String node, GatewayProcess process) {
        nodes.put(node, process);
    }

    public GatewayProcess get(String node) {
        return nodes.get(node);
    }

    public Set<String> names() {
        return nodes.keySet();
    }

    /** Points REST Assured at the node. */
    public void use(String node) {
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = nodes.get(node).port();
    }

    /** Kills every node (as a crash would: no shutdown). */
    public void killAll() {
        for (GatewayProcess node : nodes.values()) {
            try {
                node.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The node whose AMI link lease of the server has not expired, as the cluster's database says. */
    public static Optional<String> linkHolder(Map<String, String> datasource, String server) {
        try (Connection c = DriverManager.getConnection(datasource.get("quarkus.datasource.jdbc.url"),
                datasource.get("quarkus.datasource.username"),
                datasource.getOrDefault("quarkus.datasource.password", ""));
                PreparedStatement s = c.prepareStatement(
                        "select node_id from pbx_link_lease where server = ? and expires_at > now()")) {
            s.setString(1, server);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
