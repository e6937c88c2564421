package cn.bailian.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the RFC 9457 body of every error answer: type, title, status, detail, instance, code, errors. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problem() {}

    public static String typeUri(String code) {
        return "urn:bailian:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Map<String, Object> body(ProblemException problem, Locale locale, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", typeUri(problem.code()));
        body.put("title", Messages.title(problem.code(), locale));
        body.put("status", problem.status());
        String detail = Messages.detail(problem.code(), locale, problem.args());
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("code", problem.code());
        List<FieldError> errors = problem.errors();
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        problem.extensions().forEach(body::putIfAbsent);
        return body;
    }

    public static Response response(ProblemException problem, Locale locale, String instance) {
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(MEDIA_TYPE)
                .header("Content-Language", locale.toLanguageTag())
                .entity(json(body(problem, locale, instance)));
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    public static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
