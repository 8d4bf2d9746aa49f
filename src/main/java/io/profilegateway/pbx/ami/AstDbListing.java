package io.profilegateway.pbx.ami;

import io.profilegateway.pbx.DbKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the output of the CLI command {@code database show <family>} as the AMI {@code Command} action returns it
 * (one {@code Output:} line each): {@code /family/key}, padded with blanks to 50 characters, {@code ": "}, the value
 * padded to 25, and last {@code "N results found."} (Asterisk's main/db.c writes {@code "%-50s: %-25s"}). A key
 * longer than 50 characters is not padded, so the separator is the first {@code ": "} at or after column 50; the
 * value is everything after it, blanks and colons included, less the padding (asterisk-java trims header values, so
 * a value's own trailing blanks are lost, as they are in Asterisk's padded output anyway). The count line must be
 * there and agree with the entries read: an output cut short is an error, not a smaller AstDB.
 */
final class AstDbListing {

    private static final int KEY_WIDTH = 50;
    private static final String SEPARATOR = ": ";
    private static final Pattern COUNT = Pattern.compile("(\\d+) results? found\\.");

    private AstDbListing() {
    }

    /**
     * @param lines the command's output lines, in order
     * @return every entry, key parsed as {@link DbKey#ofTreePath}
     * @throws IllegalStateException when a line is neither an entry nor the count, or the count does not agree
     */
    static Map<DbKey, String> parse(List<String> lines) {
        Map<DbKey, String> entries = new HashMap<>();
        Integer count = null;
        for (String raw : lines) {
            String line = raw == null ? "" : stripNewline(raw);
            if (line.isBlank()) {
                continue;
            }
            if (count != null) {
                throw new IllegalStateException("database show: output after the count line: " + line);
            }
            Matcher counted = COUNT.matcher(line.strip());
            if (counted.matches()) {
                count = Integer.parseInt(counted.group(1));
                continue;
            }
            if (!line.startsWith("/")) {
                throw new IllegalStateException("database show: not an AstDB entry: " + line);
            }
            int separator = line.indexOf(SEPARATOR, Math.min(KEY_WIDTH, line.length()));
            if (separator < 0) {
                // a line cut at its end: "…key   :" with an empty value, once asterisk-java trimmed it
                if (line.endsWith(":") && line.length() > KEY_WIDTH) {
                    separator = line.length() - 1;
                } else {
                    throw new IllegalStateException("database show: no ': ' after the key: " + line);
                }
            }
            String key = line.substring(0, separator).stripTrailing();
            String value = separator + SEPARATOR.length() <= line.length()
                    ? line.substring(separator + SEPARATOR.length()).stripTrailing() : "";
            entries.put(DbKey.ofTreePath(key), value);
        }
        if (count == null) {
            throw new IllegalStateException("database show: no 'results found' line (output incomplete)");
        }
        if (count != entries.size()) {
            throw new IllegalStateException("database show: " + count + " results announced, " + entries.size()
                    + " read");
        }
        return entries;
    }

    private static String stripNewline(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }
}
