package io.profilegateway.pbx.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Asterisk's database (AstDB) in memory: keys {@code /family/key}, thread-safe without a global lock.
 *
 * <p>Like Asterisk's SQLite table, a single entry is found by its exact key, while tree operations
 * ({@code DBGetTree}, {@code DBDelTree}) match with SQL {@code LIKE}, i.e. case-insensitively (ASCII), and list their
 * result ordered by key. Entries are therefore indexed by the key folded to ASCII lower case, then a NUL, then the
 * key itself: a case-insensitive prefix is one contiguous range, and comparisons stay plain string comparisons.
 */
final class AstDb {

    /** An entry: its real key and value. */
    private record Entry(String key, String value) {
    }

    private final ConcurrentSkipListMap<String, Entry> entries = new ConcurrentSkipListMap<>();

    static String key(String family, String key) {
        return "/" + family + "/" + key;
    }

    private static String index(String key) {
        return fold(key) + '\u0000' + key;
    }

    /** ASCII lower case, as SQLite's LIKE compares. */
    private static String fold(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    void put(String family, String key, String value) {
        String k = key(family, key);
        entries.put(index(k), new Entry(k, value));
    }

    String get(String family, String key) {
        Entry e = entries.get(index(key(family, key)));
        return e == null ? null : e.value;
    }

    /** @return whether an entry was deleted */
    boolean del(String family, String key) {
        return entries.remove(index(key(family, key))) != null;
    }

    /**
     * Entries at or below a prefix ({@code /family} or {@code /family/key}), ordered by key as SQLite's
     * {@code ORDER BY key} does; an empty prefix lists everything.
     */
    List<Map.Entry<String, String>> tree(String prefix) {
        List<Map.Entry<String, String>> result = new ArrayList<>();
        for (Entry e : range(prefix).values()) {
            if (matches(e.key, prefix)) {
                result.add(Map.entry(e.key, e.value));
            }
        }
        result.sort(Map.Entry.comparingByKey());
        return result;
    }

    /** Deletes the entries at or below a prefix; @return how many were deleted */
    int delTree(String prefix) {
        int count = 0;
        for (Map.Entry<String, Entry> e : new ArrayList<>(range(prefix).entrySet())) {
            if (matches(e.getValue().key, prefix) && entries.remove(e.getKey(), e.getValue())) {
                count++;
            }
        }
        return count;
    }

    /** @return a copy of every entry, ordered by key */
    Map<String, String> snapshot() {
        Map<String, String> copy = new TreeMap<>();
        for (Entry e : entries.values()) {
            copy.put(e.key, e.value);
        }
        return copy;
    }

    /** @return the entries of one family as key (without family) to value */
    Map<String, String> family(String family) {
        Map<String, String> result = new TreeMap<>();
        String prefix = "/" + family + "/";
        for (Entry e : range("/" + family).values()) {
            if (e.key.startsWith(prefix)) {
                result.put(e.key.substring(prefix.length()), e.value);
            }
        }
        return result;
    }

    private ConcurrentNavigableMap<String, Entry> range(String prefix) {
        if (prefix.isEmpty()) {
            return entries;
        }
        // Every index whose folded key starts with the folded prefix sorts in [prefix, prefix + U+FFFF].
        String from = fold(prefix);
        return entries.subMap(from, true, from + Character.MAX_VALUE, true);
    }

    /** {@code key || '/' LIKE prefix || '/' || '%'}, without LIKE's wildcards. */
    private static boolean matches(String key, String prefix) {
        if (prefix.isEmpty()) {
            return true;
        }
        return fold(key + "/").startsWith(fold(prefix + "/"));
    }
}
