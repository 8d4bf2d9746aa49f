package io.profilegateway.pbx.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every message the simulator received, in arrival order (the oldest dropped beyond the capacity), and counters per
 * action name. Thread-safe.
 */
final class ActionLog {

    private final int capacity;
    private final ConcurrentLinkedDeque<AmiMessage> messages = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong total = new AtomicLong();
    private final Map<String, LongAdder> perAction = new ConcurrentHashMap<>();

    ActionLog(int capacity) {
        this.capacity = capacity;
    }

    void record(AmiMessage message) {
        total.incrementAndGet();
        String action = message.firstNonEmpty("Action");
        perAction.computeIfAbsent(action == null ? "" : action.toLowerCase(Locale.ROOT), k -> new LongAdder())
                .increment();
        if (capacity == 0) {
            return;
        }
        messages.addLast(message);
        if (size.incrementAndGet() > capacity && messages.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    List<AmiMessage> messages() {
        List<AmiMessage> copy = new ArrayList<>();
        for (AmiMessage m : messages) {
            copy.add(m.copy());
        }
        return copy;
    }

    long total() {
        return total.get();
    }

    long count(String action) {
        LongAdder a = perAction.get(action.toLowerCase(Locale.ROOT));
        return a == null ? 0 : a.sum();
    }

    void clear() {
        messages.clear();
        size.set(0);
        total.set(0);
        perAction.clear();
    }
}
