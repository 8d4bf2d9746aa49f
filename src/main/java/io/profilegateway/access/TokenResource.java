package io.profilegateway.access;

import io.profilegateway.common.Bodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users/{userId}/tokens")
@Tag(name = "API tokens", description = "Bearer tokens for machines; a token acts as its user")
public class TokenResource {

    @Inject
    TokenService tokens;

    @Inject
    CurrentActor actor;

    public record TokenRequest(String name) {
    }

    @GET
    @Operation(summary = "A user's tokens (names and dates, never the tokens)")
    public List<TokenService.TokenView> list(@PathParam("userId") long userId) {
        return tokens.list(actor.get(), userId);
    }

    @POST
    @Operation(summary = "Create a token; the answer is the only time it is shown")
    public Response create(@PathParam("userId") long userId, TokenRequest request) {
        return Response.status(201).entity(tokens.create(actor.get(), userId, Bodies.require(request).name())).build();
    }

    @DELETE
    @Path("/{tokenId}")
    @Operation(summary = "Revoke a token")
    public void delete(@PathParam("userId") long userId, @PathParam("tokenId") long tokenId) {
        tokens.delete(actor.get(), userId, tokenId);
    }
}
