package cn.bailian.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A service's committed OpenAPI document ({@code <service>/openapi/openapi.yaml}) read as the list of its
 * operations, with every schema {@code $ref} resolved, so tests can be generated from the contract integrators
 * read rather than from a hand-kept list.
 */
public final class OpenApiDocument {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** One parameter: where it goes (path, query, header), its name, whether required, its resolved schema. */
    public record Parameter(String in, String name, boolean required, JsonNode schema) {}

    /** One operation of one service. {@code bodyMediaType} and {@code bodySchema} are null without a body. */
    public record Operation(
            String service,
            String id,
            String method,
            String path,
            List<Parameter> parameters,
            String bodyMediaType,
            JsonNode bodySchema,
            boolean bodyRequired) {

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        public boolean hasBody() {
            return bodyMediaType != null;
        }

        @Override
        public String toString() {
            return service + " " + id + " (" + method + " " + path + ")";
        }
    }

    private final JsonNode root;
    private final String service;

    private OpenApiDocument(String service, JsonNode root) {
        this.service = service;
        this.root = root;
    }

    public static OpenApiDocument of(String service) {
        Path file = Path.of(System.getProperty("bailian.root", ".."))
                .resolve(service)
                .resolve("openapi/openapi.yaml");
        try {
            return new OpenApiDocument(service, YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    parameters.add(new Parameter(
                            p.path("in").asText(),
                            p.path("name").asText(),
                            p.path("required").asBoolean(false),
                            resolve(p.path("schema"))));
                }
                String mediaType = null;
                JsonNode bodySchema = null;
                JsonNode content = op.path("requestBody").path("content");
                if (content.isObject() && content.size() > 0) {
                    mediaType = content.fieldNames().next();
                    bodySchema = resolve(content.path(mediaType).path("schema"));
                }
                operations.add(new Operation(
                        service,
                        op.path("operationId").asText(),
                        method.toUpperCase(),
                        path.getKey(),
                        List.copyOf(parameters),
                        mediaType,
                        bodySchema,
                        op.path("requestBody").path("required").asBoolean(mediaType != null)));
            }
        }
        return operations;
    }

    /** The schema with its {@code $ref} (and those of its properties and items) replaced by the target, merged. */
    public JsonNode resolve(JsonNode schema) {
        if (schema == null || schema.isMissingNode() || !schema.isObject()) {
            return schema;
        }
        ObjectNode result = ((ObjectNode) schema).deepCopy();
        if (result.has("$ref")) {
            String ref = result.remove("$ref").asText();
            JsonNode target = root.at(ref.substring(1));
            ObjectNode merged = ((ObjectNode) resolve(target)).deepCopy();
            result.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
            result = merged;
        }
        if (result.has("properties")) {
            ObjectNode properties = result.putObject("properties");
            JsonNode original = schema.has("properties")
                    ? schema.get("properties")
                    : root.at(refOf(schema)).path("properties");
            original.fields().forEachRemaining(e -> properties.set(e.getKey(), resolve(e.getValue())));
        }
        if (result.has("items")) {
            result.set("items", resolve(result.get("items")));
        }
        return result;
    }

    private String refOf(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? "" : ref.substring(1);
    }
}
