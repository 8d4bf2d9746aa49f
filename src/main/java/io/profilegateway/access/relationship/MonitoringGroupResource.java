package io.profilegateway.access.relationship;

import io.profilegateway.access.CurrentActor;
import io.profilegateway.common.Bodies;
import io.profilegateway.common.Created;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/monitoring-groups")
@Tag(name = "Relationships", description = "Who may see or do what to whom (product.md §5)")
public class MonitoringGroupResource {

    @Inject
    MonitoringGroupService groups;

    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "The monitoring groups the caller manages (group admins: of their groups; system admins: all)")
    public List<MonitoringGroupDto> list() {
        return groups.list(actor.get());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One monitoring group")
    public MonitoringGroupDto get(@PathParam("id") long id) {
        return groups.get(actor.get(), id);
    }

    @POST
    @Operation(summary = "Create a monitoring group: named sub-groups and the level each has on another")
    public Response create(MonitoringGroupDto dto, @Context UriInfo uri) {
        MonitoringGroupDto created = groups.create(actor.get(), Bodies.require(dto));
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a monitoring group")
    public MonitoringGroupDto update(@PathParam("id") long id, MonitoringGroupDto dto) {
        return groups.update(actor.get(), id, Bodies.require(dto));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a monitoring group")
    public void delete(@PathParam("id") long id) {
        groups.delete(actor.get(), id);
    }
}
