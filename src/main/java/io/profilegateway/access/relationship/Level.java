package io.profilegateway.access.relationship;

/**
 * The levels of a relationship (product.md §5), lowest first: what a viewer may see of, or do to, an owner. The
 * order is the "more permissive than" of the rules: of several server paths the highest level wins.
 */
public enum Level {
    BLOCKED, UNKNOWN, EXTERNAL, EMPLOYEE, TEAM_COLLEAGUE, ASSISTANT, ASSISTANT_PLUS;

    public boolean isAtLeast(Level other) {
        return ordinal() >= other.ordinal();
    }

    public static Level max(Level a, Level b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
