package io.profilegateway.directory.workplace;

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

@Path("/api/v1/workplaces")
@Tag(name = "Workplaces", description = "Hot desks with their own device; one user at a time")
public class WorkplaceResource {

    @Inject
    WorkplaceService workplaces;

    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "All workplaces, with who holds each")
    public List<WorkplaceDto> list() {
        return workplaces.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One workplace")
    public WorkplaceDto get(@PathParam("id") long id) {
        return workplaces.get(id);
    }

    @POST
    @Operation(summary = "Create a workplace (group admins of its group, system admins)")
    public Response create(WorkplaceDto dto, @Context UriInfo uri) {
        WorkplaceDto created = workplaces.create(actor.get(), Bodies.require(dto));
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a workplace")
    public WorkplaceDto update(@PathParam("id") long id, WorkplaceDto dto) {
        return workplaces.update(actor.get(), id, Bodies.require(dto));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a workplace no profile uses and nobody holds")
    public void delete(@PathParam("id") long id) {
        workplaces.delete(actor.get(), id);
    }
}
