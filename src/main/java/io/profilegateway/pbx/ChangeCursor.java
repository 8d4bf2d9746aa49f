package io.profilegateway.pbx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far the change log has been read. Ids are handed out when a change is written and become visible when its
 * transaction commits, so a smaller id may appear after a larger one: an id skipped over is a gap, looked for again
 * on every read until it shows up or {@code patienceNanos} have passed (a rolled-back change never shows up).
 * Not thread-safe: one reader.
 */
public final class ChangeCursor {

    static final int MAX_GAPS = 10_000;

    private final long patienceNanos;
    private long last;
    /** Missing ids and when they stop being looked for (System.nanoTime). */
    private final Map<Long, Long> gaps = new LinkedHashMap<>();

    public ChangeCursor(long patienceNanos) {
        this.patienceNanos = patienceNanos;
    }

    public void reset(long lastId) {
        last = lastId;
        gaps.clear();
    }

    public long last() {
        return last;
    }

    /** The gaps still worth looking for at {@code now}. */
    public List<Long> gaps(long now) {
        gaps.values().removeIf(deadline -> now - deadline > 0);
        return new ArrayList<>(gaps.keySet());
    }

    /**
     * Takes the ids of one read; returns whether {@code id} is new (not seen before).
     */
    public boolean seen(long id, long now) {
        if (gaps.remove(id) != null) {
            return true;
        }
        if (id <= last) {
            return false;
        }
        for (long missing = last + 1; missing < id && gaps.size() < MAX_GAPS; missing++) {
            gaps.put(missing, now + patienceNanos);
        }
        last = id;
        return true;
    }

    int gapCount() {
        return gaps.size();
    }
}
