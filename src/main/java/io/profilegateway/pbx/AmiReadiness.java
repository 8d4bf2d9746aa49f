package io.profilegateway.pbx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every Asterisk server is either driven by this node (connected, its full reconcile after connecting
 * done) or held by another live node (standby here: that node reconciles it, this one serves the API).
 */
@Readiness
@ApplicationScoped
public class AmiReadiness implements HealthCheck {

    @Inject
    PbxReconciler reconciler;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("asterisk").up();
        for (String name : reconciler.configuredServers()) {
            ServerSync sync = reconciler.syncs().get(name);
            if (sync == null) {
                String holder = reconciler.linkHolder(name).orElse(null);
                response.withData(name, holder == null ? "no node holds the AMI link" : "standby: node " + holder
                        + " holds the AMI link");
                if (holder == null) {
                    response.down();
                }
                continue;
            }
            String state = !sync.link().isConnected() ? "disconnected"
                    : sync.isReady() ? "connected, reconciled" : "connected, reconciling";
            response.withData(name, state);
            if (!sync.isReady()) {
                response.down();
            }
            sync.lastFullReconcileError().ifPresent(error -> response.withData(name + ".lastError", error));
        }
        return response.build();
    }
}
