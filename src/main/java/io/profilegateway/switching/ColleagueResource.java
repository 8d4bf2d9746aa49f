package io.profilegateway.switching;

import io.profilegateway.access.CurrentActor;
import io.profilegateway.common.PageResult;
import io.profilegateway.common.Paging;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/colleagues")
@Tag(name = "Switching")
public class ColleagueResource {

    @Inject
    ColleagueService colleagues;

    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "The users the caller may see (as GET /users), each with his active profile cut to what "
            + "the caller may see of it (as GET /users/{id}/profile; none for a portal-only user) and the ids of the teams "
            + "he is in (from EMPLOYEE on); the web page's colleagues board, grouped by group or team, kept live by the 'profile' events of GET /events")
    public PageResult<ColleagueService.Colleague> list(@QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return colleagues.list(actor.get(), Paging.of(page, size));
    }
}
