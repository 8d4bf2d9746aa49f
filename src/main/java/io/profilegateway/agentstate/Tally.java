package io.profilegateway.agentstate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Adds up intervals, each clipped to the window, in milliseconds per state and per pause reason. */
final class Tally {

    private final Map<AgentState, Long> millis = new EnumMap<>(AgentState.class);
    private final Map<String, Long> pausedMillis = new HashMap<>();
    private boolean pausedWithoutReason;
    private long pausedWithoutReasonMillis;

    /** Adds the part of [start, end) inside [from, to); {@code end == null}: still open, up to {@code now}. */
    void add(AgentState state, String reason, Instant start, Instant end, Instant from, Instant to, Instant now) {
        Instant stop = end != null ? end : now;
        Instant clippedStart = start.isBefore(from) ? from : start;
        Instant clippedEnd = stop.isAfter(to) ? to : stop;
        long ms = Math.max(0, Duration.between(clippedStart, clippedEnd).toMillis());
        millis.merge(state, ms, Long::sum);
        if (state == AgentState.PAUSED) {
            if (reason == null) {
                pausedWithoutReason = true;
                pausedWithoutReasonMillis += ms;
            } else {
                pausedMillis.merge(reason, ms, Long::sum);
            }
        }
    }

    void addAll(Tally other) {
        other.millis.forEach((state, ms) -> millis.merge(state, ms, Long::sum));
        other.pausedMillis.forEach((reason, ms) -> pausedMillis.merge(reason, ms, Long::sum));
        pausedWithoutReason |= other.pausedWithoutReason;
        pausedWithoutReasonMillis += other.pausedWithoutReasonMillis;
    }

    AgentStateReport.Totals totals() {
        Map<AgentState, Long> seconds = new EnumMap<>(AgentState.class);
        for (AgentState state : AgentState.values()) {
            seconds.put(state, millis.getOrDefault(state, 0L) / 1000);
        }
        List<AgentStateReport.PauseReason> reasons = new ArrayList<>();
        pausedMillis.forEach((reason, ms) -> reasons.add(new AgentStateReport.PauseReason(reason, ms / 1000)));
        reasons.sort(Comparator.comparing(AgentStateReport.PauseReason::reason));
        if (pausedWithoutReason) {
            reasons.add(new AgentStateReport.PauseReason(null, pausedWithoutReasonMillis / 1000));
        }
        return new AgentStateReport.Totals(seconds, List.copyOf(reasons));
    }
}
