package io.profilegateway.profile;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/profiles")
@Tag(name = "Profiles", description = "Presence profiles with their enter and leave chains and triggers")
public class ProfileResource {

    @Inject
    ProfileService profiles;

    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "The profiles the caller may see: SYSTEM, ADMIN ones available to him or managed by him, "
            + "his own PERSONAL ones")
    public List<ProfileDto> list() {
        return profiles.list(actor.get());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One profile with its actions and triggers")
    public ProfileDto get(@PathParam("id") long id) {
        return profiles.get(actor.get(), id);
    }

    @POST
    @Operation(summary = "Create an ADMIN (group admins) or PERSONAL (users with profilePersonal) profile")
    @APIResponse(responseCode = "201", description = "created; Location names it")
    public Response create(ProfileDto dto, @Context UriInfo uri) {
        ProfileDto created = profiles.create(actor.get(), Bodies.require(dto));
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a profile; a SYSTEM profile keeps its built-in reachability step")
    public ProfileDto replace(@PathParam("id") long id, ProfileDto dto) {
        return profiles.replace(actor.get(), id, Bodies.require(dto));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a profile; users who have it active are switched to Available first")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "409", description = "profile-not-deletable: a SYSTEM profile")
    public void delete(@PathParam("id") long id) {
        profiles.delete(actor.get(), id);
    }
}
