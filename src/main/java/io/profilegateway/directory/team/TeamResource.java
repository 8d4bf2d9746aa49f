package io.profilegateway.directory.team;

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

@Path("/api/v1/teams")
@Tag(name = "Teams", description = "Asterisk queues users log in to, out of and pause in")
public class TeamResource {

    @Inject
    TeamService teams;

    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "All teams")
    public List<TeamDto> list() {
        return teams.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One team")
    public TeamDto get(@PathParam("id") long id) {
        return teams.get(id);
    }

    @POST
    @Operation(summary = "Create a team (group admins of its group, system admins)")
    public Response create(TeamDto dto, @Context UriInfo uri) {
        TeamDto created = teams.create(actor.get(), Bodies.require(dto));
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a team")
    public TeamDto update(@PathParam("id") long id, TeamDto dto) {
        return teams.update(actor.get(), id, Bodies.require(dto));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a team no profile uses and nobody is logged in to")
    public void delete(@PathParam("id") long id) {
        teams.delete(actor.get(), id);
    }
}
