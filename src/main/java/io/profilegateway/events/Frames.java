package io.profilegateway.events;

import io.vertx.core.buffer.Buffer;
import java.util.regex.Pattern;

/**
 * Server-sent event frames as the bytes that go on the wire, built once and written to every client that gets the
 * same cut of an event (a Vert.x buffer can be written to many connections).
 */
final class Frames {

    static final Buffer HEARTBEAT = comment("heartbeat");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private Frames() {
    }

    /**
     * {@code id} (none when null: the event is for one client and not kept), {@code event} and one {@code data} line
     * per line of the JSON (which has none, being compact).
     */
    static Buffer event(Long id, String name, String json) {
        StringBuilder frame = new StringBuilder(json.length() + name.length() + 40);
        if (id != null) {
            frame.append("id: ").append(id).append('\n');
        }
        frame.append("event: ").append(name).append('\n');
        if (json.indexOf('\n') < 0 && json.indexOf('\r') < 0) {
            frame.append("data: ").append(json).append('\n');
        } else {
            for (String line : LINE_BREAK.split(json, -1)) {
                frame.append("data: ").append(line).append('\n');
            }
        }
        return Buffer.buffer(frame.append('\n').toString());
    }

    static Buffer comment(String text) {
        return Buffer.buffer(": " + text + "\n\n");
    }
}
