package cn.bailian.kit.problem;

import cn.bailian.kit.db.DatabaseErrors;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every failure leaves the service as problem+json: refusals with their code, bugs as a bare 500 with an id. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return respond(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String code = violation
                    .getConstraintDescriptor()
                    .getAnnotation()
                    .annotationType()
                    .getSimpleName();
            errors.add(new FieldError(fieldOf(violation.getPropertyPath()), code, violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::code));
        return respond(new ProblemException(400, ProblemCodes.VALIDATION_FAILED, errors, Map.of()), headers, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return respond(fromJson(e), headers, uri);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return respond(fromJson(e), headers, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return respond(new ProblemException(401, ProblemCodes.UNAUTHENTICATED), headers, uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return respond(new ProblemException(401, ProblemCodes.UNAUTHENTICATED), headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(new ProblemException(403, ProblemCodes.FORBIDDEN), headers, uri);
    }

    @ServerExceptionMapper
    public Response stale(OptimisticLockException e, HttpHeaders headers, UriInfo uri) {
        return respond(new ProblemException(412, ProblemCodes.VERSION_MISMATCH), headers, uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, HttpHeaders headers, UriInfo uri) {
        return respond(new ProblemException(412, ProblemCodes.VERSION_MISMATCH), headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return respond(fromJson(json), headers, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        String code = switch (status) {
            case 401 -> ProblemCodes.UNAUTHENTICATED;
            case 403 -> ProblemCodes.FORBIDDEN;
            case 404 -> ProblemCodes.NOT_FOUND;
            case 405 -> ProblemCodes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCodes.NOT_ACCEPTABLE;
            case 409 -> ProblemCodes.CONFLICT;
            case 412 -> ProblemCodes.VERSION_MISMATCH;
            case 413 -> ProblemCodes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCodes.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemCodes.INVALID_PARAMETER;
        };
        Response response = respond(new ProblemException(status, code), headers, uri);
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response)
                    .header("Allow", e.getResponse().getHeaderString("Allow"))
                    .build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        ProblemException translated = translateDatabase(e);
        if (translated != null) {
            return respond(translated, headers, uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, uri.getPath());
        return respond(
                new ProblemException(500, ProblemCodes.INTERNAL_ERROR, List.of(), Map.of("errorId", errorId)),
                headers,
                uri);
    }

    /**
     * Database failures that are not bugs: a lost connection is 503 (the client may retry), a constraint that
     * a service did not translate itself is still a conflict, and bad data is the request's fault.
     */
    static ProblemException translateDatabase(Throwable e) {
        if (DatabaseErrors.unavailable(e)) {
            return new ProblemException(503, ProblemCodes.SERVICE_UNAVAILABLE);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            // the transaction reaper aborted a transaction that outlived its timeout (a slow database or an
            // overloaded machine): nothing was stored, the client may retry — not a bug in the request or in us
            if (t instanceof jakarta.transaction.RollbackException) {
                return new ProblemException(503, ProblemCodes.SERVICE_UNAVAILABLE);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return new ProblemException(412, ProblemCodes.VERSION_MISMATCH);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("23")) {
                    return new ProblemException(409, ProblemCodes.CONFLICT);
                }
                if (state.startsWith("22")) {
                    return new ProblemException(400, ProblemCodes.INVALID_PARAMETER);
                }
                // 40001/40P01: serialisation failure or deadlock; 57014: statement cancelled (timeout)
                if (state.equals("40001") || state.equals("40P01") || state.equals("57014")) {
                    return new ProblemException(503, ProblemCodes.SERVICE_UNAVAILABLE);
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static ProblemException fromJson(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return new ProblemException(400, ProblemCodes.MALFORMED_JSON);
        }
        String field = pathOf(mapping);
        if (field.isEmpty()) {
            return new ProblemException(400, ProblemCodes.MALFORMED_JSON);
        }
        String code;
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            code = "UnknownField";
            message = "unknown field";
        } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            code = "WrongType";
            Class<?> target = ((MismatchedInputException) e).getTargetType();
            message = "expected " + describe(target);
        } else {
            code = "Invalid";
            message = "invalid value";
        }
        return new ProblemException(
                400, ProblemCodes.VALIDATION_FAILED, List.of(new FieldError(field, code, message)), Map.of());
    }

    private static String describe(Class<?> target) {
        if (target == null) {
            return "another type";
        }
        if (target.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : target.getEnumConstants()) {
                names.add(constant.toString());
            }
            return "one of " + names;
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "an integer";
        }
        return switch (target.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "OffsetDateTime", "Instant" -> "an ISO-8601 instant with offset";
            case "String" -> "a string";
            case "Boolean", "boolean" -> "true or false";
            default -> target.getSimpleName().startsWith("List") ? "an array" : "an object of the documented shape";
        };
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Drops the method and parameter nodes, keeping the path inside the request (name, guardians[0].id). */
    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.length() > 0 ? field.toString() : (parameter == null ? "" : parameter);
    }

    private static Response respond(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return Problem.response(
                e, Messages.resolve(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)), uri.getPath());
    }
}
