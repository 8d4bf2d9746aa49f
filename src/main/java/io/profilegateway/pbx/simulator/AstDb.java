package io.profilegateway.pbx.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Asterisk's database (AstDB) in memory: keys {@code /family/key}, thread-safe without a global lock.
 *
 * <p>Like Asterisk's SQLite table, a single entry is found by its exact key, while tree operations
 * ({@code DBGetTree}, {@code DBDelTree}) match with SQL {@code LIKE}, i.e. case-insensitively (ASCII), and list their
 * result ordered by key. Entries are kept ordered case-insensitively first so that such a prefix is one contiguous
 * range.
 */
final class AstDb {

    private static final Comparator<String> ORDER =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final ConcurrentSkipListMap<String, String> entries = new ConcurrentSkipListMap<>(ORDER);

    static String key(String family, String key) {
        return "/" + family + "/" + key;
    }

    void put(String family, String key, String value) {
        entries.put(key(family, key), value);
    }

    String get(String family, String key) {
        return entries.get(key(family, key));
    }

    /** @return whether an entry was deleted */
    boolean del(String family, String key) {
        return entries.remove(key(family, key)) != null;
    }

    /**
     * Entries at or below a prefix ({@code /family} or {@code /family/key}), ordered by key as SQLite's
     * {@code ORDER BY key} does; an empty prefix lists everything.
     */
    List<Map.Entry<String, String>> tree(String prefix) {
        List<Map.Entry<String, String>> result = new ArrayList<>();
        for (Map.Entry<String, String> e : range(prefix).entrySet()) {
            if (matches(e.getKey(), prefix)) {
                result.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        result.sort(Map.Entry.comparingByKey());
        return result;
    }

    /** Deletes the entries at or below a prefix; @return how many were deleted */
    int delTree(String prefix) {
        int count = 0;
        for (String k : new ArrayList<>(range(prefix).keySet())) {
            if (matches(k, prefix) && entries.remove(k) != null) {
                count++;
            }
        }
        return count;
    }

    /** @return a copy of every entry, ordered by key */
    Map<String, String> snapshot() {
        return new TreeMap<>(entries);
    }

    /** @return the entries of one family as key (without family) to value */
    Map<String, String> family(String family) {
        Map<String, String> result = new TreeMap<>();
        String prefix = "/" + family + "/";
        for (Map.Entry<String, String> e : range("/" + family).entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                result.put(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        return result;
    }

    private ConcurrentNavigableMap<String, String> range(String prefix) {
        if (prefix.isEmpty()) {
            return entries;
        }
        // Under the case-insensitive-first order every key that starts with the prefix (ignoring case) sorts at or
        // after the upper-case spelling of the prefix and before the prefix followed by the highest character.
        String from = prefix.toUpperCase(Locale.ROOT);
        String to = prefix.toLowerCase(Locale.ROOT) + Character.MAX_VALUE;
        return entries.subMap(from, true, to, true);
    }

    /** {@code key || '/' LIKE prefix || '/' || '%'}, without LIKE's wildcards. */
    private static boolean matches(String key, String prefix) {
        if (prefix.isEmpty()) {
            return true;
        }
        String k = key + "/";
        String p = prefix + "/";
        return k.regionMatches(true, 0, p, 0, p.length());
    }
}
