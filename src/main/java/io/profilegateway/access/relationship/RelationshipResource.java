package io.profilegateway.access.relationship;

import io.profilegateway.access.CurrentActor;
import io.profilegateway.common.Bodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users/{id}/relationships")
@Tag(name = "Relationships")
public class RelationshipResource {

    @Inject
    RelationshipService relationships;

    @Inject
    CurrentActor actor;

    public record LevelChange(Level level) {
    }

    @GET
    @Operation(summary = "The levels the user has given others himself (read by him and whoever manages him)")
    public List<RelationshipService.Personal> list(@PathParam("id") long id) {
        return relationships.list(actor.get(), id);
    }

    @PUT
    @Path("/{viewerId}")
    @Operation(summary = "Set the level the viewer has on the user; beats every server setting (under "
            + "gateway.relationships.personal-levels=EXTEND_ONLY it may only widen it)")
    public RelationshipService.Personal set(@PathParam("id") long id, @PathParam("viewerId") long viewerId,
            LevelChange change) {
        return relationships.set(actor.get(), id, viewerId, Bodies.require(change).level());
    }

    @DELETE
    @Path("/{viewerId}")
    @Operation(summary = "Remove the user's own level for the viewer: the server's rules apply again")
    public void remove(@PathParam("id") long id, @PathParam("viewerId") long viewerId) {
        relationships.remove(actor.get(), id, viewerId);
    }

    @GET
    @Path("/effective/{viewerId}")
    @Operation(summary = "The viewer's effective level on the user, the rule that decided it, every path weighed, "
            + "what the viewer's role adds and the resulting rights")
    public RelationshipService.Explained effective(@PathParam("id") long id, @PathParam("viewerId") long viewerId) {
        return relationships.explain(actor.get(), id, viewerId);
    }
}
