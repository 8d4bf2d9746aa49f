package io.profilegateway.directory.user;

import io.profilegateway.access.CurrentActor;
import io.profilegateway.common.Bodies;
import io.profilegateway.common.Created;
import io.profilegateway.common.PageResult;
import io.profilegateway.common.Paging;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users")
@Tag(name = "Users", description = "The directory: PBX users (with an extension) and portal-only users")
public class UserResource {

    @Inject
    UserService users;

    @Inject
    CurrentActor actor;

    public record PasswordChange(String password) {
    }

    @GET
    @Operation(summary = "The users the caller may see, by id; ?extension= finds one extension")
    public PageResult<UserDto> list(@QueryParam("extension") @Parameter(example = "1001") String extension,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return users.list(actor.get(), extension, Paging.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One user")
    public UserDto get(@PathParam("id") long id) {
        return users.get(actor.get(), id);
    }

    @POST
    @Operation(summary = "Create a user (managers in their groups, system admins); he starts in Available")
    public Response create(UserDto dto, @Context UriInfo uri) {
        UserDto created = users.create(actor.get(), Bodies.require(dto));
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a user's directory entry (not his password)")
    public UserDto update(@PathParam("id") long id, UserDto dto) {
        return users.update(actor.get(), id, Bodies.require(dto));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a user")
    public void delete(@PathParam("id") long id) {
        users.delete(actor.get(), id);
    }

    @PUT
    @Path("/{id}/password")
    @Operation(summary = "Set a user's password (himself, or whoever manages him)")
    public void setPassword(@PathParam("id") long id, PasswordChange change) {
        users.setPassword(actor.get(), id, Bodies.require(change).password());
    }
}
