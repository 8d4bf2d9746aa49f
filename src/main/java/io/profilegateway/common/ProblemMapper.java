package io.profilegateway.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers: RFC 9457 problem details with a stable {@code errorId}. Bad
 * input is a 4xx naming the field; nothing here ever puts a stack trace, class name, host or secret in a response.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e) {
        return problem(e);
    }

    /** The answer to a domain error, for the few places that answer outside a mapper. */
    public static Response problem(ApiProblem e) {
        return respond(e.status(), e.errorId(), e.getMessage(), e.violations());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return jsonProblem(e);
    }

    /** Jackson's own mapper for this type answers an empty 400; ours names the field. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    /** Wrong credentials, or a Microsoft account the gateway refuses (its {@link ApiProblem} is the cause). */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        ApiProblem refused = causeOf(e, ApiProblem.class);
        return refused != null ? problem(refused) : unauthenticated();
    }

    /** The code flow's return from Microsoft failed: the code exchange, the ID token, or the user match. */
    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e) {
        ApiProblem refused = causeOf(e, ApiProblem.class);
        if (refused != null) {
            return problem(refused);
        }
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(401, "sign-in-failed",
                        "The sign-in with Microsoft could not be completed; start it again", List.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "forbidden", "You may not do this", List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json);
        }
        int status = e.getResponse().getStatus();
        String errorId = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status < 500 ? "bad-request" : "internal-error";
        };
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 415 -> "Send application/json";
            case 413 -> "The request body is too large";
            default -> status < 500 ? "The request is not valid" : "The request could not be processed";
        };
        return respond(status, errorId, detail, List.of());
    }

    @ServerExceptionMapper
    public Response lock(PessimisticLockException e) {
        return busy();
    }

    @ServerExceptionMapper
    public Response lockTimeout(LockTimeoutException e) {
        return busy();
    }

    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e) {
        LOG.debugf("constraint %s violated", e.getConstraintName());
        return respond(409, "conflict", "The change conflicts with existing data (a duplicate or a reference in use)",
                List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("database unavailable: %s", e.getMessage());
            return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, "5")
                    .entity(Problem.of(503, "database-unavailable",
                            "The database is not reachable; try again in a few seconds", List.of()))
                    .build();
        }
        if (isConcurrentChange(e)) {
            return respond(409, "concurrent-change",
                    "Someone else changed this at the same moment; read it again and repeat your change", List.of());
        }
        LOG.error("unexpected error", e);
        return respond(500, "internal-error", "An unexpected error occurred; it has been logged", List.of());
    }

    static Response respond(int status, String errorId, String detail, List<Violation> violations) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, errorId, detail, violations)).build();
    }

    private static Response unauthenticated() {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"profile-gateway\"")
                .entity(Problem.of(401, "unauthenticated",
                        "Send credentials: HTTP Basic (user name and password) or an API token as Bearer", List.of()))
                .build();
    }

    private static Response busy() {
        return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, "1")
                .entity(Problem.of(503, "busy", "The user is being switched by another request; try again", List.of()))
                .build();
    }

    private static Response jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonParseException || e instanceof StreamConstraintsException) {
            return respond(400, "malformed-json", "The request body is not valid JSON", List.of());
        }
        if (e instanceof InputCoercionException) {
            return respond(400, "validation-failed", "A number is out of range", List.of());
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return respond(400, "malformed-json", "The request body is not valid JSON", List.of());
        }
        String field = path(mapping);
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidTypeIdException typeId) {
            field = field.isEmpty() ? "type" : field + ".type";
            message = "is not a known type";
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else if (mapping.getCause() instanceof InputCoercionException) {
            message = "is out of range";
        } else {
            message = "has the wrong type or format";
        }
        if (field.isEmpty()) {
            return respond(400, "malformed-json", "The request body has the wrong shape", List.of());
        }
        return respond(400, "validation-failed", field + ": " + message, List.of(new Violation(field, message)));
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** An optimistic-lock failure (two changes of one row at once), often wrapped in the commit's exception. */
    private static boolean isConcurrentChange(Throwable e) {
        return anyCause(e, t -> t instanceof jakarta.persistence.OptimisticLockException
                || t instanceof org.hibernate.StaleStateException);
    }

    private static boolean isDatabaseUnavailable(Throwable e) {
        // 08: connection exceptions; 57P: the server shuts down or is starting (PostgreSQL's admin_shutdown ends the
        // connections a pool still holds, so it is the first error after the database went away)
        return anyCause(e, t -> t instanceof SQLTransientConnectionException
                || t instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")));
    }

    /** The first of {@code e} and its causes that is a {@code type}, or null. */
    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Whether {@code e} or any of its causes is one. */
    private static boolean anyCause(Throwable e, Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
