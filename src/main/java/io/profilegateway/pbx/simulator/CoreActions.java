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
 * {@code Command} knows {@code core show version} (what asterisk-java asks to learn the version) and
 * {@code database show [family [keytree]]} (what the gateway's full reconcile reads AstDB with: one answer per family
 * instead of one event per entry); any other command is answered as an unknown CLI command. Each line of a command's
 * output is one {@code Output:} header, as Asterisk 22's {@code action_command} writes it.
 */
final class CoreActions {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final List<String> CORE_SHOW_VERSION = List.of("core", "show", "version");
    private static final List<String> DATABASE_SHOW = List.of("database", "show");
    private static final List<List<String>> KNOWN_COMMANDS = List.of(CORE_SHOW_VERSION, DATABASE_SHOW);
    /** {@code handle_cli_database_show}'s usage text (main/db.c), printed for a wrong number of arguments. */
    private static final List<String> DATABASE_SHOW_USAGE = List.of(
            "Usage: database show [family [keytree]]",
            "   OR: database show [family[/keytree]]",
            "       Shows Asterisk database contents, optionally restricted",
            "       to a given family, or family and keytree. The two arguments",
            "       may be separated either by a space or by a slash.");

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
        List<String> words = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
        List<String> lowered = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        List<String> output;
        if (lowered.equals(CORE_SHOW_VERSION)) {
            output = List.of(sim.config().versionLine());
        } else if (lowered.size() >= 2 && lowered.subList(0, 2).equals(DATABASE_SHOW)) {
            output = databaseShow(words.subList(2, words.size()));
        } else {
            output = null;
        }
        AmiMessage reply = AmiMessage.response(output != null ? "Success" : "Error", action.value("ActionID"))
                .add("Message", "Command output follows");
        if (output != null) {
            output.forEach(line -> reply.add("Output", line));
        } else {
            String best = String.join(" ", bestMatch(lowered));
            reply.add("Output", "No such command '" + command.trim() + "' (type 'core show help " + best
                    + "' for other possible commands)");
        }
        session.reply(reply);
        return true;
    }

    /**
     * {@code database show}: every entry at or below the prefix as {@code "%-50s: %-25s"} (key, value: both padded
     * with blanks, longer ones not cut), then {@code "%d results found."}; the family and keytree are the prefix
     * {@code /family/keytree}, as in main/db.c.
     */
    private List<String> databaseShow(List<String> args) {
        String prefix;
        if (args.size() == 2) {
            prefix = "/" + args.get(0) + "/" + args.get(1);
        } else if (args.size() == 1) {
            prefix = "/" + args.get(0);
        } else if (args.isEmpty()) {
            prefix = "";
        } else {
            return DATABASE_SHOW_USAGE;
        }
        List<Map.Entry<String, String>> entries = sim.pbx().db().tree(prefix);
        List<String> lines = new ArrayList<>(entries.size() + 1);
        for (Map.Entry<String, String> e : entries) {
            lines.add(String.format(Locale.ROOT, "%-50s: %-25s", e.getKey(), e.getValue()));
        }
        lines.add(entries.size() + " results found.");
        return lines;
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
