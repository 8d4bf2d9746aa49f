package io.profilegateway.common;

/** Validated {@code ?page=&size=} query parameters. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 200;

    public static Paging of(Integer page, Integer size) {
        Violations v = new Violations();
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0 || p > 1_000_000) {
            v.add("page", "must be between 0 and 1000000");
        }
        if (s < 1 || s > MAX_SIZE) {
            v.add("size", "must be between 1 and " + MAX_SIZE);
        }
        v.throwIfAny();
        return new Paging(p, s);
    }
}
