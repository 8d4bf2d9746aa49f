package io.profilegateway.trigger;

import io.profilegateway.access.CurrentActor;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users/{id}/trigger-opt-outs")
@Tag(name = "Triggers", description = "Time, office-hours and Teams triggers")
public class OptOutResource {

    @Inject
    OptOutService optOuts;

    @Inject
    CurrentActor actor;

    /** The profiles whose triggers do not switch the user. */
    @Schema(name = "TriggerOptOuts")
    public record OptOuts(@Schema(example = "[7, 9]") List<Long> profileIds) {
    }

    @GET
    @Operation(summary = "The profiles whose triggers leave this user alone")
    public OptOuts list(@PathParam("id") long id) {
        return new OptOuts(optOuts.list(actor.get(), id));
    }

    @PUT
    @Path("/{profileId}")
    @Operation(summary = "Opt the user out of the profile's triggers (he may still switch to it by hand)")
    public OptOuts optOut(@PathParam("id") long id, @PathParam("profileId") long profileId) {
        return new OptOuts(optOuts.optOut(actor.get(), id, profileId));
    }

    @DELETE
    @Path("/{profileId}")
    @Operation(summary = "Let the profile's triggers switch the user again")
    public OptOuts optIn(@PathParam("id") long id, @PathParam("profileId") long profileId) {
        return new OptOuts(optOuts.optIn(actor.get(), id, profileId));
    }
}
