package io.profilegateway.common;

/** One problem with one field of a request: {@code field} is a JSON path such as {@code enterActions[1].target}. */
public record Violation(String field, String message) {
}
