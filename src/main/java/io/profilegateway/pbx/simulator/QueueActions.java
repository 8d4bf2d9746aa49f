package io.profilegateway.pbx.simulator;

import java.util.List;
import java.util.Map;

/**
 * {@code QueueAdd}, {@code QueueRemove}, {@code QueuePause}, {@code QueuePenalty} and {@code QueueStatus}, with
 * app_queue's messages.
 */
final class QueueActions {

    private final AmiSimulator sim;

    private QueueActions(AmiSimulator sim) {
        this.sim = sim;
    }

    static void register(Map<String, ActionHandler> handlers, AmiSimulator sim) {
        QueueActions a = new QueueActions(sim);
        handlers.put("queueadd", a::add);
        handlers.put("queueremove", a::remove);
        handlers.put("queuepause", a::pause);
        handlers.put("queuepenalty", a::penalty);
        handlers.put("queuestatus", a::status);
    }

    private boolean add(AmiSession session, AmiMessage action) {
        String queue = action.value("Queue");
        String iface = action.value("Interface");
        if (queue.isEmpty()) {
            session.error(action, "'Queue' not specified.");
            return true;
        }
        if (iface.isEmpty()) {
            session.error(action, "'Interface' not specified.");
            return true;
        }
        SimulatedPbx.AddResult result = sim.pbx().addMember(queue, iface, action.value("MemberName"),
                action.value("StateInterface"), leadingInt(action.value("Penalty")),
                isTrue(action.value("Paused")), action.value("Reason"), leadingInt(action.value("Wrapuptime")));
        switch (result) {
            case ADDED:
                session.ack(action, "Added interface to queue");
                break;
            case EXISTS:
                session.error(action, "Unable to add interface: Already there");
                break;
            default:
                session.error(action, "Unable to add interface to queue: No such queue");
                break;
        }
        return true;
    }

    private boolean remove(AmiSession session, AmiMessage action) {
        String queue = action.value("Queue");
        String iface = action.value("Interface");
        if (queue.isEmpty() || iface.isEmpty()) {
            session.error(action, "Need 'Queue' and 'Interface' parameters.");
            return true;
        }
        switch (sim.pbx().removeMember(queue, iface)) {
            case REMOVED:
                session.ack(action, "Removed interface from queue");
                break;
            case NOT_THERE:
                session.error(action, "Unable to remove interface: Not there");
                break;
            default:
                session.error(action, "Unable to remove interface from queue: No such queue");
                break;
        }
        return true;
    }

    private boolean pause(AmiSession session, AmiMessage action) {
        String iface = action.value("Interface");
        String pausedText = action.value("Paused");
        if (iface.isEmpty() || pausedText.isEmpty()) {
            session.error(action, "Need 'Interface' and 'Paused' parameters.");
            return true;
        }
        boolean paused = isTrue(pausedText);
        if (!sim.pbx().pauseMember(action.value("Queue"), iface, action.value("Reason"), paused)) {
            session.error(action, "Interface not found");
        } else {
            session.ack(action, paused ? "Interface paused successfully" : "Interface unpaused successfully");
        }
        return true;
    }

    /** Messages as in app_queue's {@code manager_queue_member_penalty} (not in the recorded transcripts). */
    private boolean penalty(AmiSession session, AmiMessage action) {
        String iface = action.value("Interface");
        String penaltyText = action.value("Penalty");
        if (iface.isEmpty() || penaltyText.isEmpty()) {
            session.error(action, "Need 'Interface' and 'Penalty' parameters.");
            return true;
        }
        int penalty;
        try {
            penalty = Integer.parseInt(penaltyText.trim());
        } catch (NumberFormatException e) {
            penalty = -1;
        }
        if (penalty < 0) {
            session.error(action, "Invalid penalty");
        } else if (!sim.pbx().setPenalty(action.value("Queue"), iface, penalty)) {
            session.error(action, "Invalid interface, queuename or penalty");
        } else {
            session.ack(action, "Interface penalty set successfully");
        }
        return true;
    }

    private boolean status(AmiSession session, AmiMessage action) {
        List<AmiMessage> events = sim.pbx().queueStatus(action.value("Queue"), action.value("Member"));
        session.listAck(action, "Queue status will follow");
        for (AmiMessage e : events) {
            session.listItem(action, e);
        }
        session.listComplete(action, "QueueStatusComplete", events.size());
        return true;
    }

    /** Asterisk's {@code ast_true}: yes, true, y, t, 1, on (any case). */
    static boolean isTrue(String value) {
        switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "yes": case "true": case "y": case "t": case "1": case "on":
                return true;
            default:
                return false;
        }
    }

    /** {@code sscanf("%d")} with negative or unreadable values taken as 0, as app_queue does. */
    static int leadingInt(String value) {
        String v = value.trim();
        int i = 0;
        if (i < v.length() && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
            i++;
        }
        int start = i;
        while (i < v.length() && Character.isDigit(v.charAt(i)) && i - start < 9) {
            i++;
        }
        if (i == start) {
            return 0;
        }
        int n = Integer.parseInt(v.substring(0, i));
        return Math.max(0, n);
    }
}
