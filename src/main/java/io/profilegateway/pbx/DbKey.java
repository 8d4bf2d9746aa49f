package io.profilegateway.pbx;

/** One AstDB entry's address: {@code family} and {@code key} (the key may contain {@code /}). */
public record DbKey(String family, String key) implements Comparable<DbKey> {

    /** Parses Asterisk's {@code DBGetTree} form {@code /FAMILY/key/parts}. */
    public static DbKey ofTreePath(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            return new DbKey(trimmed, "");
        }
        return new DbKey(trimmed.substring(0, slash), trimmed.substring(slash + 1));
    }

    @Override
    public int compareTo(DbKey other) {
        int byFamily = family.compareTo(other.family);
        return byFamily != 0 ? byFamily : key.compareTo(other.key);
    }

    @Override
    public String toString() {
        return family + "/" + key;
    }
}
