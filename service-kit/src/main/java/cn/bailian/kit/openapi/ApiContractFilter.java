package cn.bailian.kit.openapi;

import cn.bailian.kit.problem.Messages;
import cn.bailian.kit.problem.Problem;
import cn.bailian.kit.problem.ProblemCodes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes every service's OpenAPI document a complete contract, done once for all four: problem+json
 * errors ({@link ProblemResponsesFilter}), server descriptions, each operation's security requirement (and
 * its 401), and examples for every request body and response composed from the schemas' property examples
 * ({@link Examples}); problem examples are the service's real problem texts for the codes a response names.
 * <p>
 * An operation is token-only unless it declares {@code @SecurityRequirementsSet} (empty): such a public read
 * is documented as "anonymous, or with a token" (a token may show more, e.g. a staff member sees drafts).
 */
public class ApiContractFilter implements OASFilter {

    private static final String PROBLEM = "application/problem+json";
    /** Codes named in a response's description, e.g. "PLOT_NOT_AVAILABLE or HOUSEHOLD_ALREADY_HAS_PLOT". */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    private static final Map<String, String> DEFAULT_CODES = Map.ofEntries(
            Map.entry("401", ProblemCodes.UNAUTHENTICATED),
            Map.entry("403", ProblemCodes.FORBIDDEN),
            Map.entry("404", ProblemCodes.NOT_FOUND),
            Map.entry("405", ProblemCodes.METHOD_NOT_ALLOWED),
            Map.entry("406", ProblemCodes.NOT_ACCEPTABLE),
            Map.entry("409", ProblemCodes.CONFLICT),
            Map.entry("412", ProblemCodes.VERSION_MISMATCH),
            Map.entry("413", ProblemCodes.PAYLOAD_TOO_LARGE),
            Map.entry("415", ProblemCodes.UNSUPPORTED_MEDIA_TYPE),
            Map.entry("422", ProblemCodes.IDEMPOTENCY_KEY_REUSED),
            Map.entry("428", ProblemCodes.IF_MATCH_REQUIRED),
            Map.entry("500", ProblemCodes.INTERNAL_ERROR),
            Map.entry("503", ProblemCodes.SERVICE_UNAVAILABLE));

    /** The kit's codes whose argument is not an id. */
    private static final Map<String, Object> KIT_ARGUMENTS =
            Map.of(ProblemCodes.VERSION_MISMATCH, 3, ProblemCodes.PAYLOAD_TOO_LARGE, 256);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new ProblemResponsesFilter().filterOpenAPI(openAPI);
        describeServers(openAPI);
        realisticBaseExamples(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        String scheme = openAPI.getComponents().getSecuritySchemes() == null
                ? null
                : openAPI.getComponents().getSecuritySchemes().keySet().stream()
                        .findFirst()
                        .orElse(null);
        Examples examples = new Examples(openAPI.getComponents());
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                    secure(operation, scheme);
                    documentIdempotencyKey(method, operation);
                    exemplify(path, item, operation, examples);
                }));
    }

    /**
     * Where integrators reach the service: {@code bin/bailian up} on its own port, and the Kubernetes Service of
     * deploy/ (named after the application, namespace bailian, port 80).
     */
    private static void describeServers(OpenAPI openAPI) {
        if (openAPI.getServers() != null && !openAPI.getServers().isEmpty()) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        String name = config.getOptionalValue("quarkus.application.name", String.class)
                .orElse(null);
        Integer port =
                config.getOptionalValue("quarkus.http.port", Integer.class).orElse(null);
        if (name == null || port == null) {
            return;
        }
        openAPI.addServer(OASFactory.createServer()
                .url("http://localhost:" + port)
                .description("本机开发环境（bin/bailian up）/ Local development (bin/bailian up)"));
        openAPI.addServer(OASFactory.createServer()
                .url("http://" + name + ".bailian.svc.cluster.local")
                .description(
                        "Kubernetes 集群内部（deploy/ 的 Service）/ Inside the Kubernetes cluster (the Service of deploy/)"));
    }

    /** The generated id, time and date components carry a sample from elsewhere; ours are 白莲社区's. */
    private static void realisticBaseExamples(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        set(schemas.get("UUID"), Examples.uuid("communityId"));
        set(schemas.get("OffsetDateTime"), Examples.INSTANT);
        set(schemas.get("Instant"), Examples.INSTANT);
        set(schemas.get("LocalDate"), Examples.DATE);
        set(schemas.get("LocalTime"), Examples.TIME);
    }

    private static void set(Schema schema, Object example) {
        if (schema != null) {
            schema.setExamples(List.of(example));
        }
    }

    private static void secure(Operation operation, String scheme) {
        if (scheme == null) {
            return;
        }
        SecurityRequirement bearer = OASFactory.createSecurityRequirement().addScheme(scheme);
        List<SecurityRequirement> declared = operation.getSecurity();
        if (declared == null) {
            operation.setSecurity(List.of(bearer));
            if (operation.getResponses().getAPIResponse("401") == null) {
                operation
                        .getResponses()
                        .addAPIResponse(
                                "401",
                                OASFactory.createAPIResponse()
                                        .description("No valid token / 未登录或令牌无效")
                                        .content(OASFactory.createContent()
                                                .addMediaType(
                                                        PROBLEM,
                                                        OASFactory.createMediaType()
                                                                .schema(OASFactory.createSchema()
                                                                        .ref("#/components/schemas/Problem")))));
            }
        } else if (declared.stream()
                .allMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty())) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement(), bearer));
        }
    }

    /**
     * Every creating POST (one that answers 201) takes {@code Idempotency-Key}: resources mark it with
     * {@code @Idempotent} and declare no header parameter of their own.
     */
    private static void documentIdempotencyKey(PathItem.HttpMethod method, Operation operation) {
        if (method != PathItem.HttpMethod.POST
                || operation.getResponses() == null
                || operation.getResponses().getAPIResponse("201") == null) {
            return;
        }
        String header = cn.bailian.kit.idempotency.Idempotency.HEADER;
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> header.equals(p.getName()))) {
            return;
        }
        operation.addParameter(OASFactory.createParameter()
                .name(header)
                .in(Parameter.In.HEADER)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
    }

    private static void exemplify(String path, PathItem item, Operation operation, Examples examples) {
        if (operation.getRequestBody() != null) {
            compose(operation.getRequestBody().getContent(), examples);
        }
        Map<String, Object> pathValues = pathValues(path, item, operation);
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
                return;
            }
            MediaType problem = response.getContent().getMediaType(PROBLEM);
            if (problem != null && problem.getExample() == null && problem.getExamples() == null) {
                problemExamples(path, pathValues, operation, status, response, problem);
            }
            compose(response.getContent(), examples);
        });
    }

    private static void compose(Content content, Examples examples) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((name, media) -> {
            if (media.getExample() == null && media.getExamples() == null && media.getSchema() != null) {
                Object example = examples.of(media.getSchema());
                if (example != null) {
                    media.setExample(example);
                }
            }
        });
    }

    private static void problemExamples(
            String path,
            Map<String, Object> pathValues,
            Operation operation,
            String status,
            APIResponse response,
            MediaType media) {
        Set<String> codes = new LinkedHashSet<>();
        if (response.getDescription() != null) {
            Matcher m = CODE.matcher(response.getDescription());
            while (m.find()) {
                if (!Messages.title(m.group(), Messages.CHINESE).equals(m.group())) {
                    codes.add(m.group());
                }
            }
        }
        if (codes.isEmpty()) {
            String fallback = status.equals("400")
                    ? (operation.getRequestBody() != null
                            ? ProblemCodes.VALIDATION_FAILED
                            : ProblemCodes.INVALID_PARAMETER)
                    : DEFAULT_CODES.get(status);
            if (fallback == null) {
                fallback = status.startsWith("4") ? ProblemCodes.CONFLICT : ProblemCodes.INTERNAL_ERROR;
            }
            codes.add(fallback);
        }
        String instance = instance(path, pathValues);
        for (String code : codes) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", Problem.typeUri(code));
            body.put("title", Messages.title(code, Messages.CHINESE));
            body.put("status", Integer.parseInt(status));
            String detail = detail(code, pathValues, operation);
            if (detail != null) {
                body.put("detail", detail);
            }
            body.put("instance", instance);
            body.put("code", code);
            if (code.equals(ProblemCodes.VALIDATION_FAILED)) {
                Map<String, Object> error = new LinkedHashMap<>(); // ordered: the document must be the same every build
                error.put("field", invalidField(operation));
                error.put("code", "NotBlank");
                error.put("message", "不能为空");
                body.put("errors", List.of(error));
            }
            media.addExample(
                    code,
                    OASFactory.createExample()
                            .summary(code + ": " + Messages.title(code, Messages.ENGLISH))
                            .value(body));
        }
    }

    /**
     * The detail as the service would write it. The first argument of a *_NOT_FOUND is the id of the record the
     * code names ("PLOT_NOT_FOUND" on /plots/{id}: 地块 {id} 不存在; else the name-based id the body examples use),
     * of a *_NAME_TAKEN the name the request sent; numbers are amounts in fen; what we can't know is elided (…).
     */
    private static String detail(String code, Map<String, Object> pathValues, Operation operation) {
        String pattern = Messages.detail(code, Messages.CHINESE);
        if (pattern == null) {
            return null;
        }
        Format[] formats = new MessageFormat(pattern).getFormatsByArgumentIndex();
        Object[] args = new Object[formats.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = formats[i] instanceof NumberFormat ? 20000 : "…";
        }
        if (args.length > 0 && !(formats[0] instanceof NumberFormat)) {
            String idName = code.substring(0, Math.max(code.indexOf('_'), 0)).toLowerCase(Locale.ROOT) + "Id";
            Object name = requestExample(operation).get("name");
            if (KIT_ARGUMENTS.containsKey(code)) {
                args[0] = KIT_ARGUMENTS.get(code);
            } else if (code.endsWith("_NAME_TAKEN") && name != null) {
                args[0] = name;
            } else if (code.endsWith("_NOT_FOUND")) {
                args[0] = pathValues.getOrDefault(idName, Examples.uuid(idName));
            }
        }
        try {
            return Messages.detail(code, Messages.CHINESE, args);
        } catch (IllegalArgumentException unformattable) {
            return null; // an example without a detail rather than a service that does not start
        }
    }

    private static Map<?, ?> requestExample(Operation operation) {
        if (operation.getRequestBody() == null
                || operation.getRequestBody().getContent() == null
                || operation.getRequestBody().getContent().getMediaTypes() == null) {
            return Map.of();
        }
        return operation.getRequestBody().getContent().getMediaTypes().values().stream()
                .map(MediaType::getExample)
                .filter(Map.class::isInstance)
                .map(Map.class::cast)
                .findFirst()
                .orElse(Map.of());
    }

    private static String invalidField(Operation operation) {
        Schema schema = operation.getRequestBody().getContent().getMediaTypes().values().stream()
                .map(MediaType::getSchema)
                .filter(s -> s != null)
                .findFirst()
                .orElse(null);
        return schema != null
                        && schema.getRequired() != null
                        && !schema.getRequired().isEmpty()
                ? schema.getRequired().get(0)
                : "name";
    }

    private static Map<String, Object> pathValues(String path, PathItem item, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Matcher m = Pattern.compile("/([^/{}]+)/\\{([^}]+)}").matcher(path);
        while (m.find()) {
            String name = m.group(2);
            String idName = name.equals("id") ? singular(m.group(1)) + "Id" : name;
            Parameter parameter = parameters.stream()
                    .filter(p -> name.equals(p.getName()))
                    .findFirst()
                    .orElse(null);
            values.put(
                    name,
                    parameter != null && parameter.getExample() != null
                            ? parameter.getExample()
                            : Examples.uuid(idName));
            values.putIfAbsent(idName, values.get(name)); // also by the id's full name, for details
        }
        return values;
    }

    private static String instance(String path, Map<String, Object> values) {
        String instance = path;
        for (Map.Entry<String, Object> e : values.entrySet()) { // the extra full-name entries match nothing
            instance = instance.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
        return instance;
    }

    /** "activities" → "activity", "claims" → "claim". */
    private static String singular(String segment) {
        if (segment.endsWith("ies")) {
            return segment.substring(0, segment.length() - 3) + "y";
        }
        return segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment;
    }
}
