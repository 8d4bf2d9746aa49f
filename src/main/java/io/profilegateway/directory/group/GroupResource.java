package io.profilegateway.directory.group;

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

@Path("/api/v1/groups")
@Tag(name = "Groups", description = "Sites and departments: language, time zone, office hours")
public class GroupResource {

    @Inject
    GroupService groups;

    @Inject
    OfficeService offices;

    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "All groups")
    public List<GroupDto> list() {
        return groups.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One group")
    public GroupDto get(@PathParam("id") long id) {
        return groups.get(id);
    }

    @POST
    @Operation(summary = "Create a group (system admins)")
    public Response create(GroupDto dto, @Context UriInfo uri) {
        GroupDto created = groups.create(actor.get(), Bodies.require(dto));
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a group (its group admins, system admins)")
    public GroupDto update(@PathParam("id") long id, GroupDto dto) {
        return groups.update(actor.get(), id, Bodies.require(dto));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an unused group (system admins)")
    public void delete(@PathParam("id") long id) {
        groups.delete(actor.get(), id);
    }

    @GET
    @Path("/{id}/office")
    @Operation(summary = "The group's office state now: OPEN, BREAK or CLOSED, by schedule or override")
    public OfficeView office(@PathParam("id") long id) {
        return offices.view(id);
    }

    @PUT
    @Path("/{id}/office-override")
    @Operation(summary = "Override the office state (OPEN, CLOSED, BREAK) or remove the override (null); "
            + "receptionists of the group and up. Members are switched by OFFICE_HOURS triggers before the answer. "
            + "With until, the override ends by itself then and the office hours rule again (at the next check, "
            + "gateway.triggers.office-check-interval)")
    public OfficeView overrideOffice(@PathParam("id") long id, OfficeOverride body) {
        OfficeOverride request = Bodies.require(body);
        return offices.override(actor.get(), id, request.state(), request.until());
    }
}
