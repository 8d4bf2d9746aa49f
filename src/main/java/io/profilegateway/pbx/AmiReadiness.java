package io.profilegateway.pbx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when every Asterisk server is connected and its full reconcile after connecting is done. */
@Readiness
@ApplicationScoped
public class AmiReadiness implements HealthCheck {

    @Inject
    PbxReconciler reconciler;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("asterisk").up();
        reconciler.syncs().forEach((name, sync) -> {
            String state = !sync.link().isConnected() ? "disconnected"
                    : sync.isReady() ? "connected, reconciled" : "connected, reconciling";
            response.withData(name, state);
            if (!sync.isReady()) {
                response.down();
            }
            sync.lastFullReconcileError().ifPresent(error -> response.withData(name + ".lastError", error));
        });
        return response.build();
    }
}
