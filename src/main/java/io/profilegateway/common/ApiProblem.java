package io.profilegateway.common;

import java.util.List;

/**
 * A domain error with an HTTP status, a stable kebab-case {@code errorId} and a message that is safe to show:
 * never a class name, host or secret. The one exception mapper turns it into RFC 9457 problem details.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String errorId;
    private final List<Violation> violations;

    public ApiProblem(int status, String errorId, String detail) {
        this(status, errorId, detail, List.of());
    }

    public ApiProblem(int status, String errorId, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.errorId = errorId;
        this.violations = List.copyOf(violations);
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, what + "-not-found", "No " + what.replace('-', ' ') + " with id " + id);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", detail);
    }

    public static ApiProblem conflict(String errorId, String detail) {
        return new ApiProblem(409, errorId, detail);
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(400, "validation-failed", field + ": " + message, List.of(new Violation(field, message)));
    }

    public int status() {
        return status;
    }

    public String errorId() {
        return errorId;
    }

    public List<Violation> violations() {
        return violations;
    }
}
