package io.profilegateway.pbx;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers, for a short while, the device states and queue pauses the gateway has just set, so that the events
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
        } else if (command instanceof AmiCommand.QueuePause pause) {
            add("queue:" + pause.queue() + "|" + pause.memberInterface(), Boolean.toString(pause.paused()));
        }
    }

    boolean isEcho(PbxEvent event) {
        if (event instanceof PbxEvent.DeviceStateChanged change) {
            return consume("dev:" + change.device(), change.state());
        }
        if (event instanceof PbxEvent.MemberPaused pause) {
            return consume("queue:" + pause.queue() + "|" + pause.memberInterface(), Boolean.toString(pause.paused()));
        }
        return false;
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
