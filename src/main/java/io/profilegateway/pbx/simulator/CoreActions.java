package io.profilegateway.pbx.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code CoreSettings}, {@code CoreStatus}, {@code Command} and {@code UserEvent}, answered as Asterisk 22 does.
 * {@code Command} knows {@code core show version} (what asterisk-java asks to learn the version); any other command
 * is answered as an unknown CLI command.
 */
final class CoreActions {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final List<List<String>> KNOWN_COMMANDS = List.of(List.of("core", "show", "version"));

    private final AmiSimulator sim;

    private CoreActions(AmiSimulator sim) {
        this.sim = sim;
    }

    static void register(Map<String, ActionHandler> handlers, AmiSimulator sim) {
        CoreActions a = new CoreActions(sim);
        handlers.put("coresettings", a::coreSettings);
        handlers.put("corestatus", a::coreStatus);
        handlers.put("command", a::command);
        handlers.put("userevent", a::userEvent);
    }

    private boolean coreSettings(AmiSession session, AmiMessage action) {
        AmiSimulatorConfig c = sim.config();
        session.reply(AmiMessage.response("Success", action.value("ActionID"))
                .add("AMIversion", c.amiVersion())
                .add("AsteriskVersion", c.asteriskVersion())
                .add("SystemName", "")
                .add("CoreMaxCalls", "0")
                .add("CoreMaxLoadAvg", "0.000000")
                .add("CoreRunUser", "")
                .add("CoreRunGroup", "")
                .add("CoreMaxFilehandles", "0")
                .add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "Yes")
                .add("CoreHTTPenabled", "No")
                .add("SoundsSearchCustomDir", "No"));
        return true;
    }

    private boolean coreStatus(AmiSession session, AmiMessage action) {
        ZonedDateTime started = Instant.ofEpochMilli(sim.startedMillis()).atZone(ZoneId.systemDefault());
        session.reply(AmiMessage.response("Success", action.value("ActionID"))
                .add("CoreStartupDate", DATE.format(started))
                .add("CoreStartupTime", TIME.format(started))
                .add("CoreReloadDate", DATE.format(started))
                .add("CoreReloadTime", TIME.format(started))
                .add("CoreCurrentCalls", "0")
                .add("CoreProcessedCalls", "0"));
        return true;
    }

    private boolean command(AmiSession session, AmiMessage action) {
        String command = action.value("Command");
        if (command.isEmpty()) {
            session.error(action, "No command provided");
            return true;
        }
        List<String> words = new ArrayList<>(Arrays.asList(command.trim().toLowerCase(Locale.ROOT).split("\\s+")));
        boolean known = words.equals(KNOWN_COMMANDS.get(0));
        AmiMessage reply = AmiMessage.response(known ? "Success" : "Error", action.value("ActionID"))
                .add("Message", "Command output follows");
        if (known) {
            reply.add("Output", sim.config().versionLine());
        } else {
            String best = String.join(" ", bestMatch(words));
            reply.add("Output", "No such command '" + command.trim() + "' (type 'core show help " + best
                    + "' for other possible commands)");
        }
        session.reply(reply);
        return true;
    }

    /** The longest start of the words that begins a known command, as Asterisk's CLI suggests. */
    private static List<String> bestMatch(List<String> words) {
        List<String> best = List.of();
        for (List<String> known : KNOWN_COMMANDS) {
            int n = 0;
            while (n < words.size() && n < known.size() && words.get(n).equals(known.get(n))) {
                n++;
            }
            if (n > best.size()) {
                best = words.subList(0, n);
            }
        }
        return best;
    }

    private boolean userEvent(AmiSession session, AmiMessage action) {
        String name = action.value("UserEvent");
        List<AmiMessage.Header> headers = new ArrayList<>();
        for (AmiMessage.Header h : action.headers()) {
            boolean skip = h.value() != null
                    && (h.name().equalsIgnoreCase("UserEvent") || h.name().equalsIgnoreCase("Action"));
            if (!skip) {
                headers.add(h);
            }
        }
        session.ack(action, "Event Sent");
        sim.pbx().userEvent(name, headers);
        return true;
    }
}
