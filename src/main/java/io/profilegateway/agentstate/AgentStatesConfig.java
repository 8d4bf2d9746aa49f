package io.profilegateway.agentstate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code gateway.agent-states.*}: the agent-state history behind {@code GET /api/v1/reports/agent-states}. */
@ConfigMapping(prefix = "gateway.agent-states")
public interface AgentStatesConfig {

    /** How long an ended interval is kept; older ones are deleted (checked every hour, on one node). */
    @WithDefault("400d")
    Duration retention();

    /** The longest window one report may cover. */
    @WithDefault("400d")
    Duration maxWindow();
}
