package io.profilegateway.pbx.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded AMI transcript (src/test/resources/ami/*.txt) split into sessions (connections) and steps: what the
 * client sent and the messages that came back before the next send. Two layouts are read: {@code >>>}/{@code <<<}
 * blocks with a banner line per connection, and the older {@code >>>>> SENT:}/{@code <<<<< RECEIVED:} layout without
 * banners, where a new connection follows a failed login or a Logoff.
 */
final class AmiTranscript {

    /**
     * @param sentLines the lines the client sent (without the empty line)
     * @param expected  the messages received in answer (responses and events), possibly none
     */
    record Step(List<String> sentLines, List<AmiMessage> expected) {

        AmiMessage sent() {
            return AmiMessage.parse(sentLines);
        }

        String action() {
            String a = sent().get("Action");
            return a == null ? "" : a;
        }

        /** @return whether Asterisk closes the connection after this step */
        boolean closesConnection() {
            if (action().equalsIgnoreCase("Logoff")) {
                return true;
            }
            if (!action().equalsIgnoreCase("Login")) {
                return false;
            }
            return expected.isEmpty() || "Authentication failed".equals(expected.get(0).get("Message"));
        }
    }

    /**
     * @param banner the banner recorded for the connection, or null when the layout has none
     * @param steps  the steps in order
     */
    record Session(String banner, List<Step> steps) {
    }

    private final String name;
    private final List<Session> sessions;

    private AmiTranscript(String name, List<Session> sessions) {
        this.name = name;
        this.sessions = sessions;
    }

    String name() {
        return name;
    }

    List<Session> sessions() {
        return sessions;
    }

    @Override
    public String toString() {
        return name;
    }

    static AmiTranscript load(String resource) throws IOException {
        try (InputStream in = AmiTranscript.class.getResourceAsStream("/ami/" + resource)) {
            if (in == null) {
                throw new IOException("missing transcript " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(resource, text);
        }
    }

    static AmiTranscript parse(String name, String text) {
        String[] lines = text.split("\r?\n", -1);
        List<Session> sessions = new ArrayList<>();
        String banner = null;
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.startsWith("<<< Asterisk Call Manager/")) {
                if (!steps.isEmpty()) {
                    sessions.add(new Session(banner, steps));
                    steps = new ArrayList<>();
                }
                banner = line.substring(4).replace("\\r\\n", "");
                i++;
            } else if (line.equals(">>>") || line.equals(">>>>> SENT:")) {
                i++;
                List<String> sent = new ArrayList<>();
                while (i < lines.length && !lines[i].isEmpty()) {
                    sent.add(lines[i++]);
                }
                while (i < lines.length && lines[i].isEmpty()) {
                    i++;
                }
                List<AmiMessage> expected = new ArrayList<>();
                if (i < lines.length && (lines[i].equals("<<<") || lines[i].equals("<<<<< RECEIVED:"))) {
                    i++;
                    List<String> current = new ArrayList<>();
                    while (i < lines.length && !isBlockStart(lines[i])) {
                        if (lines[i].isEmpty()) {
                            if (!current.isEmpty()) {
                                expected.add(AmiMessage.parse(current));
                                current = new ArrayList<>();
                            }
                        } else {
                            current.add(lines[i]);
                        }
                        i++;
                    }
                    if (!current.isEmpty()) {
                        expected.add(AmiMessage.parse(current));
                    }
                }
                Step step = new Step(List.copyOf(sent), List.copyOf(expected));
                steps.add(step);
                if (step.closesConnection()) {
                    sessions.add(new Session(banner, steps));
                    steps = new ArrayList<>();
                }
            } else {
                i++;
            }
        }
        if (!steps.isEmpty()) {
            sessions.add(new Session(banner, steps));
        }
        return new AmiTranscript(name, List.copyOf(sessions));
    }

    private static boolean isBlockStart(String line) {
        return line.equals(">>>") || line.equals(">>>>> SENT:") || line.startsWith("<<< Asterisk Call Manager/")
                || line.startsWith("# scenario");
    }
}
