package io.profilegateway.pbx;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers, for a short while, the device states, presence states, queue members and pauses the gateway has just set, so that the events
 * Asterisk sends about them are recognised as echoes and not taken for changes made on the phone. Asterisk reports
 * a change only when the value really changed, so unmatched expectations simply expire. Planner-thread only.
 */
final class EchoFilter {

    private static final long EXPIRY_NANOS = 30_000_000_000L;

    private record Expected(String value, long at) {
    }

    private final Map<String, Deque<Expected>> expected = new HashMap<>();

    void expect(AmiCommand command) {
        if (command instanceof AmiCommand.SetVar set && set.kind() == AmiCommand.StateKind.DEVICE_STATE) {
            add("dev:" + set.name(), set.value());
        } else if (command instanceof AmiCommand.SetVar set && set.kind() == AmiCommand.StateKind.PRESENCE_STATE) {
            add("presence:" + set.name(), presence(set.value()));
        } else if (command instanceof AmiCommand.QueuePause pause) {
            add("queue:" + pause.queue() + "|" + pause.memberInterface(), Boolean.toString(pause.paused()));
        } else if (command instanceof AmiCommand.QueueAdd join) {
            add("member:" + join.queue() + "|" + join.memberInterface(), "added");
        } else if (command instanceof AmiCommand.QueueRemove leave) {
            add("member:" + leave.queue() + "|" + leave.memberInterface(), "removed");
        }
    }

    boolean isEcho(PbxEvent event) {
        if (event instanceof PbxEvent.DeviceStateChanged change) {
            return consume("dev:" + change.device(), change.state());
        }
        if (event instanceof PbxEvent.MemberPaused pause) {
            return consume("queue:" + pause.queue() + "|" + pause.memberInterface(), Boolean.toString(pause.paused()));
        }
        if (event instanceof PbxEvent.MemberAdded added) {
            return consume("member:" + added.queue() + "|" + added.memberInterface(), "added");
        }
        if (event instanceof PbxEvent.MemberRemoved removed) {
            return consume("member:" + removed.queue() + "|" + removed.memberInterface(), "removed");
        }
        if (event instanceof PbxEvent.PresenceChanged presence) {
            return consume("presence:" + presence.presentity(), presence(presence.status(), presence.message()));
        }
        return false;
    }

    /** A presence as the gateway sets it ({@code <type>,,<message>}), compared by type and message. */
    private static String presence(String value) {
        String[] parts = value.split(",", 3);
        return presence(parts[0], parts.length > 2 ? parts[2] : "");
    }

    private static String presence(String status, String message) {
        return (status == null ? "" : status.toLowerCase(java.util.Locale.ROOT)) + "|" + (message == null ? "" : message);
    }

    private void add(String key, String value) {
        Deque<Expected> queue = expected.computeIfAbsent(key, k -> new ArrayDeque<>());
        queue.addLast(new Expected(value, System.nanoTime()));
        while (queue.size() > 16) {
            queue.removeFirst();
        }
    }

    private boolean consume(String key, String value) {
        Deque<Expected> queue = expected.get(key);
        if (queue == null) {
            return false;
        }
        long now = System.nanoTime();
        queue.removeIf(e -> now - e.at() > EXPIRY_NANOS);
        while (!queue.isEmpty()) {
            Expected next = queue.removeFirst();
            if (Objects.equals(next.value(), value)) {
                if (queue.isEmpty()) {
                    expected.remove(key);
                }
                return true;
            }
        }
        expected.remove(key);
        return false;
    }
}
