package io.profilegateway.dialplan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Asterisk's side of a FastAGI call, over a plain socket: the {@code agi_*} header lines as Asterisk 22 sends them,
 * an empty line, then every command the script sends is answered as a channel would ({@code 200 result=…}) until the
 * server closes the connection.
 */
final class FastAgiCall {

    private FastAgiCall() {
    }

    /** The commands the script sent, in order. */
    static List<String> dial(int port, String script, String channel, String callerId) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            out.write(headers(port, script, channel, callerId));
            out.flush();
            List<String> commands = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                commands.add(line);
                out.write(answer(line) + "\n");
                out.flush();
            }
            return commands;
        }
    }

    private static String headers(int port, String script, String channel, String callerId) {
        String[][] lines = {
            {"agi_network", "yes"},
            {"agi_network_script", script},
            {"agi_request", "agi://127.0.0.1:" + port + "/" + script},
            {"agi_channel", channel},
            {"agi_language", "en"},
            {"agi_type", channel.substring(0, Math.max(0, channel.indexOf('/')))},
            {"agi_uniqueid", "1764770000.42"},
            {"agi_version", "22.10.1"},
            {"agi_callerid", callerId},
            {"agi_calleridname", "Test"},
            {"agi_callingpres", "0"},
            {"agi_callingani2", "0"},
            {"agi_callington", "0"},
            {"agi_callingtns", "0"},
            {"agi_dnid", "unknown"},
            {"agi_rdnis", "unknown"},
            {"agi_context", "from-internal"},
            {"agi_extension", "*55"},
            {"agi_priority", "1"},
            {"agi_enhanced", "0.0"},
            {"agi_accountcode", ""},
            {"agi_threadid", "140245623457536"},
        };
        StringBuilder text = new StringBuilder();
        for (String[] line : lines) {
            text.append(line[0]).append(": ").append(line[1]).append('\n');
        }
        return text.append('\n').toString();
    }

    /** What a live channel answers (Asterisk's res_agi). */
    private static String answer(String command) {
        if (command.startsWith("STREAM FILE")) {
            return "200 result=0 endpos=1600";
        }
        if (command.startsWith("SET VARIABLE")) {
            return "200 result=1";
        }
        return "200 result=0";
    }
}
