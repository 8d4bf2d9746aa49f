package io.profilegateway.dialplan;

import io.profilegateway.access.CurrentActor;
import io.profilegateway.common.Bodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users/{id}/favourites")
@Tag(name = "Feature codes", description = "What the dialplan's feature codes (FastAGI) work with")
public class FavouritesResource {

    @Schema(name = "Favourites", description = "The profiles the feature code *55 cycles through, in this order")
    public record FavouritesDto(@Schema(example = "[7, 3, 2]", maxItems = Favourites.MAX) List<Long> profileIds) {
    }

    @Inject
    Favourites favourites;

    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "A user's favourite profiles (*55 cycles through them)",
            description = "He himself and whoever may switch his profile")
    public FavouritesDto get(@PathParam("id") long id) {
        return new FavouritesDto(favourites.get(actor.get(), id));
    }

    @PUT
    @Operation(summary = "Replace a user's favourite profiles",
            description = "At most 20, each once, each a profile he may use; an empty list ends *55's cycle")
    public FavouritesDto set(@PathParam("id") long id, FavouritesDto body) {
        return new FavouritesDto(favourites.set(actor.get(), id, Bodies.require(body).profileIds()));
    }
}
