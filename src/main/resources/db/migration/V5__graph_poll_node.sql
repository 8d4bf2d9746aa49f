-- Teams meeting trigger: the nodes that poll, each renewing its row with its leases. A node that holds no shard yet
-- must count when the fair share is computed, or the node holding every shard never gives any back. Same SQL for H2
-- and PostgreSQL.

CREATE TABLE graph_poll_node (
    node_id    VARCHAR(100)             NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
