package io.profilegateway.agentstate;

import java.util.List;

/**
 * The report as CSV (RFC 4180, CRLF): one line per user, team and state; PAUSED once per pause reason (the reason
 * column empty for a pause without one). Seconds are whole seconds. A cell that a spreadsheet would take for a
 * formula ({@code = + - @} first) gets a leading apostrophe.
 */
final class AgentStateCsv {

    static final String HEADER = "userId,extension,displayName,teamId,team,state,reason,seconds";

    private AgentStateCsv() {
    }

    static String of(AgentStateReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (AgentStateReport.Row row : report.rows()) {
            String head = row.userId() + "," + cell(row.extension()) + "," + cell(row.displayName()) + ","
                    + row.teamId() + "," + cell(row.team()) + ",";
            for (AgentState state : AgentState.values()) {
                List<AgentStateReport.PauseReason> reasons = row.totals().pauseReasons();
                if (state == AgentState.PAUSED && !reasons.isEmpty()) {
                    reasons.forEach(r -> csv.append(head).append(state).append(',').append(cell(r.reason()))
                            .append(',').append(r.seconds()).append("\r\n"));
                } else {
                    csv.append(head).append(state).append(",,").append(row.totals().seconds().get(state))
                            .append("\r\n");
                }
            }
        }
        return csv.toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
