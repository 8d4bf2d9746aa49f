package io.profilegateway.agentstate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/v1/reports/agent-states}: the time each user spent in each state per team, inside a window. */
@Schema(description = "Time per agent state and pause reason, clipped to the window [from, to), per user and team "
        + "and over all rows")
public record AgentStateReport(
        @Schema(example = "2026-12-01T00:00:00Z") Instant from,
        @Schema(example = "2026-12-02T00:00:00Z", description = "the end of the window; an interval still open "
                + "counts up to now when now is earlier") Instant to,
        Totals totals,
        List<Row> rows) {

    @Schema(description = "Seconds per state (every state, 0 when none) and, of PAUSED, per pause reason")
    public record Totals(
            @Schema(example = "{\"LOGGED_OUT\":0,\"AVAILABLE\":25200,\"PAUSED\":3600}") Map<AgentState, Long> seconds,
            List<PauseReason> pauseReasons) {
    }

    @Schema(description = "Seconds paused with one reason; reason null = paused without a reason")
    public record PauseReason(@Schema(example = "lunch") String reason, @Schema(example = "2700") long seconds) {
    }

    @Schema(description = "One user in one team")
    public record Row(
            @Schema(example = "1042") long userId,
            @Schema(example = "1001") String extension,
            @Schema(example = "Anna") String displayName,
            @Schema(example = "1000") long teamId,
            @Schema(example = "support") String team,
            Totals totals) {
    }
}
