package io.profilegateway.switching;

import io.profilegateway.access.CurrentActor;
import io.profilegateway.common.Bodies;
import io.profilegateway.common.PageResult;
import io.profilegateway.common.Paging;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users/{id}")
@Tag(name = "Switching", description = "A user's active profile, switching it, its history and the PBX state")
public class ActiveProfileResource {

    @Inject
    ActiveProfileService service;

    @Inject
    CurrentActor actor;

    @Schema(name = "SwitchRequest")
    public record SwitchRequest(
            @Schema(required = true, example = "7") Long profileId,
            @Schema(description = "values for the profile's \"ask\" parameters",
                    example = "{\"redirectTarget\": \"+4930123456\"}") Map<String, String> parameters,
            @Schema(description = "optional: the switch lasts until then (ISO-8601 instant, in the future, at most "
                    + "gateway.switching.until-limit ahead, default 31 days); then the user returns to what was "
                    + "active before, as if a trigger had ended (README \"Activations\")",
                    example = "2026-11-22T13:00:00Z") Instant until) {
    }

    @Schema(name = "SwitchAnswer", description = "the active profile after the switch, and what came of it")
    public record SwitchAnswer(long userId, long profileId, String profileName, Instant since,
            SwitchSource source, Long previousProfileId,
            @Schema(description = "when the active profile ends by itself, or null") Instant until,
            SwitchOutcome outcome) {

        static SwitchAnswer of(SwitchResult r) {
            ActiveProfile a = r.active();
            return new SwitchAnswer(a.userId(), a.profileId(), a.profileName(), a.since(), a.source(),
                    a.previousProfileId(), a.until(), r.outcome());
        }
    }

    @GET
    @Path("/profile")
    @Operation(summary = "The user's active profile, cut to what the caller's relationship with him shows")
    public PresenceView get(@PathParam("id") long id) {
        return service.get(actor.get(), id);
    }

    @PUT
    @Path("/profile")
    @Operation(summary = "Switch the user's profile: the old one's leave chain, then the new one's enter chain; "
            + "switching to the active profile changes nothing. With until, the user returns at that time to what "
            + "was active before. A refused switch (400, 403, 404 of an existing user) is recorded in the history "
            + "as REFUSED with the reason")
    public SwitchAnswer switchProfile(@PathParam("id") long id, SwitchRequest request) {
        SwitchRequest body = Bodies.require(request);
        return SwitchAnswer.of(service.switchProfile(actor.get(), id, body.profileId(), body.parameters(),
                body.until()));
    }

    @GET
    @Path("/history")
    @Operation(summary = "The user's switches, newest first")
    public PageResult<HistoryEntry> history(@PathParam("id") long id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return service.history(actor.get(), id, Paging.of(page, size));
    }
}
