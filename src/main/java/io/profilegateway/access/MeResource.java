package io.profilegateway.access;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Tag(name = "Users")
public class MeResource {

    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "Who the credentials belong to: user id, role, groups")
    public Actor me() {
        return actor.get();
    }
}
