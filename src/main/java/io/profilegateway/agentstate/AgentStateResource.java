package io.profilegateway.agentstate;

import io.profilegateway.access.CurrentActor;
import io.profilegateway.common.ApiProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports/agent-states")
@Tag(name = "Reports", description = "Agent-state history: queue login, logout, pause and unpause per user and team")
public class AgentStateResource {

    static final String CSV = "text/csv";

    @Inject
    AgentStateReports reports;

    @Inject
    AgentStatesConfig config;

    @Inject
    CurrentActor actor;

    @Inject
    Clock clock;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Time per agent state and pause reason, per user and team",
            description = "Every login, logout, pause and unpause of a user in a team (by a profile, a trigger or on "
                    + "the phone) is kept as an interval; the report adds them up inside [from, to), each interval "
                    + "clipped to the window. System admins see every row, managers and owners the teams of their "
                    + "groups, everyone his own rows. CSV with `Accept: text/csv` or `format=csv`.")
    @APIResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgentStateReport.class)),
        @Content(mediaType = CSV, example = AgentStateCsv.HEADER + "\r\n1042,1001,Anna,1000,support,PAUSED,lunch,2700")})
    @APIResponse(responseCode = "400", description = "A malformed date or id, from after to, an unknown team or user")
    @APIResponse(responseCode = "403", description = "A team or user the caller may not report on")
    public Response report(
            @Parameter(description = "Start of the window: ISO-8601 with offset or a date (UTC); default: a day "
                    + "before `to`", example = "2026-12-01T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "End of the window (exclusive); default: now", example = "2026-12-02")
            @QueryParam("to") String to,
            @Parameter(description = "Only this team (id)") @QueryParam("team") String team,
            @Parameter(description = "Only this user (id)") @QueryParam("user") String user,
            @Parameter(description = "`json` or `csv`; default: by the Accept header") @QueryParam("format")
            String format,
            @Context HttpHeaders headers) {
        boolean csv = csv(format, headers);
        ReportQuery query = ReportQuery.parse(from, to, team, user, clock.instant(), config.maxWindow());
        AgentStateReport report = reports.report(actor.get(), query);
        if (csv) {
            return Response.ok(AgentStateCsv.of(report), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"agent-states.csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    private static boolean csv(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ApiProblem.invalid("format", "must be json or csv");
            };
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.valueOf(CSV)) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
