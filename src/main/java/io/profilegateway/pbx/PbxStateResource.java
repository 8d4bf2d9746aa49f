package io.profilegateway.pbx;

import io.profilegateway.access.CurrentActor;
import io.profilegateway.switching.ActiveProfileService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users/{id}/pbx-state")
@Tag(name = "Switching")
public class PbxStateResource {

    @Inject
    ActiveProfileService profiles;

    @Inject
    PbxReconciler reconciler;

    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "What Asterisk should hold for the user (desired), what it confirmed (applied), in sync or not",
            description = "In sync means: Asterisk confirmed the state version the database holds now. Any node of a"
                    + " cluster answers alike: the node that holds the user's AMI link records each confirmed version.")
    public PbxStateView get(@PathParam("id") long id) {
        var entry = profiles.desired(actor.get(), id);
        PbxStatus status = reconciler.status(id, entry.server(), entry.state().version());
        var applied = status.applied() != null ? status.applied() : status.inSync() ? entry.state() : null;
        return new PbxStateView(entry.state(), applied, status.appliedVersion(), status.inSync(), status.reason(),
                status.server(), status.node());
    }
}
