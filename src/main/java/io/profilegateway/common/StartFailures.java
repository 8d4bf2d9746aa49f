package io.profilegateway.common;

import io.quarkus.runtime.QuarkusBindException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Turns what made a start fail into one line that says what to set: the gateway's own {@link StartupProblem}s, a
 * database that cannot be opened, an HTTP port in use. Anything else is not a setting and keeps its stack trace.
 */
final class StartFailures {

    private StartFailures() {
    }

    /** The one line for {@code failure}, or empty when it is no known setting problem. */
    static Optional<String> oneLine(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupProblem problem) {
                return Optional.of(problem.getMessage());
            }
            if (t instanceof QuarkusBindException bind) {
                return Optional.of("The HTTP port " + bind.getPort() + " on " + bind.getHost() + " is in use by another"
                        + " process: stop it, or set quarkus.http.port (environment QUARKUS_HTTP_PORT).");
            }
        }
        return database(failure).map(sql -> "Cannot open the database (" + firstLine(sql.getMessage()) + "): check "
                + "quarkus.datasource.jdbc.url, quarkus.datasource.username and quarkus.datasource.password (environment"
                + " QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD); see README,"
                + " 'Production'.");
    }

    /**
     * The SQL failure that stopped the start, if it was about reaching the database: SQL state class 08 (connection),
     * 28 (authorization), 3D (no such database), or H2's own codes for a broken or refused connection and a database
     * that cannot be found (9xxxx with a connection meaning).
     */
    private static Optional<SQLException> database(Throwable failure) {
        SQLException deepest = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                deepest = sql;
            }
        }
        if (deepest == null) {
            return Optional.empty();
        }
        String state = deepest.getSQLState() == null ? "" : deepest.getSQLState();
        boolean connection = state.startsWith("08") || state.startsWith("28") || state.startsWith("3D")
                || state.equals("90067") || state.equals("90046") || state.equals("90013") || state.equals("90146")
                || state.equals("90149") || state.equals("90020") || state.equals("90031");
        return connection || isFlywayConnectFailure(failure) ? Optional.of(deepest) : Optional.empty();
    }

    private static boolean isFlywayConnectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().equals("FlywaySqlUnableToConnectToDbException")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).trim();
    }
}
