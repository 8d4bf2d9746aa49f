package io.profilegateway.trigger.teams;

import java.util.Map;

/** The Teams tests' boot with Teams presence from the PBX on, renewing every few seconds. */
public class PublishTestProfile extends TeamsTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.graph.publish.enabled", "true",
                "gateway.graph.publish.expiration", "5m",
                "gateway.graph.publish.renew-before", "296s", // renew 4 s after the set
                "gateway.graph.publish.roster-refresh", "250ms");
    }
}
