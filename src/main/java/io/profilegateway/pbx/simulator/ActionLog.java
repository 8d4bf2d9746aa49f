package io.profilegateway.pbx.simulator;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * @param message the received message
     * @param action  its action name as sent, or null
     */
    void record(AmiMessage message, String action) {
        total.incrementAndGet();
        String name = action == null ? "" : action;
        LongAdder counter = perAction.get(name);
        if (counter == null) {
            counter = perAction.computeIfAbsent(name, k -> new LongAdder());
        }
        counter.increment();
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

    /** @return how many actions of this name (case-insensitive) were received */
    long count(String action) {
        long sum = 0;
        for (Map.Entry<String, LongAdder> e : perAction.entrySet()) {
            if (e.getKey().equalsIgnoreCase(action)) {
                sum += e.getValue().sum();
            }
        }
        return sum;
    }

    void clear() {
        messages.clear();
        size.set(0);
        total.set(0);
        perAction.clear();
    }
}
