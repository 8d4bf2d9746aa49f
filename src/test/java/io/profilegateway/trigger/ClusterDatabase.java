package io.profilegateway.trigger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the cluster's shared PostgreSQL says about its nodes, read directly (ClusterIT): who holds which poll lease,
 * which Quartz instances are checked in, and which instance has acquired a trigger.
 */
final class ClusterDatabase {

    private final Map<String, String> datasource;

    /** @param datasource the Quarkus keys {@code quarkus.datasource.jdbc.url}, {@code .username}, {@code .password} */
    ClusterDatabase(Map<String, String> datasource) {
        this.datasource = datasource;
    }

    /** The unexpired poll leases: node id to the shards it holds. */
    Map<String, Set<Integer>> leases() {
        Map<String, Set<Integer>> holders = new TreeMap<>();
        query("select node_id, shard from graph_poll_lease where node_id is not null and expires_at > now()",
                rs -> holders.computeIfAbsent(rs.getString(1), n -> new TreeSet<>()).add(rs.getInt(2)));
        return holders;
    }

    /** The Quartz instances that are checked in (a dead one stays until a live node has recovered its work). */
    Set<String> quartzInstances() {
        Set<String> instances = new HashSet<>();
        query("select instance_name from qrtz_scheduler_state", rs -> instances.add(rs.getString(1)));
        return instances;
    }

    /** The Quartz instance that has acquired or is firing the trigger {@code group.name}, if any. */
    Optional<String> acquiredBy(String group, String name) {
        Set<String> instances = new HashSet<>();
        query("select instance_name from qrtz_fired_triggers where trigger_group = ? and trigger_name = ?",
                rs -> instances.add(rs.getString(1)), group, name);
        return instances.stream().findFirst();
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row, Object... parameters) {
        try (Connection c = DriverManager.getConnection(datasource.get("quarkus.datasource.jdbc.url"),
                datasource.get("quarkus.datasource.username"), datasource.getOrDefault("quarkus.datasource.password", ""));
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
