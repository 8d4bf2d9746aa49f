package io.profilegateway.common;

/**
 * A setting that keeps the gateway from starting, told in one line: what is wrong, what to set and where. The start
 * fails with it and {@link GatewayMain} prints only its message (no stack trace), then exits with code 1.
 */
public final class StartupProblem extends RuntimeException {

    public StartupProblem(String message) {
        super(message, null, false, false);
    }
}
