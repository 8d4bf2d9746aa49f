package io.profilegateway.access.relationship;

import io.profilegateway.access.CurrentActor;
import io.profilegateway.common.PageResult;
import io.profilegateway.common.Paging;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/relationship-changes")
@Tag(name = "Relationships")
public class RelationshipChangeResource {

    @Inject
    RelationshipService relationships;

    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "Recorded changes of relationships, newest first: all (system admins) or one owner's "
            + "(?ownerId=, for him and whoever manages him)")
    public PageResult<RelationshipLog.Entry> changes(@QueryParam("ownerId") Long ownerId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return relationships.changes(actor.get(), ownerId, Paging.of(page, size));
    }
}
