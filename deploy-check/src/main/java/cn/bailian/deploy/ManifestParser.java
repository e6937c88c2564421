package cn.bailian.deploy;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a multi-document rendering into typed objects; every object that does not fit its type is a finding. */
public final class ManifestParser {

    static final String CHECK = "schema";

    private final YAMLMapper mapper = StrictMapper.create();

    public Manifests parse(String yaml) {
        List<Resource> resources = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<JsonNode> documents;
        try {
            documents =
                    mapper.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
        } catch (JacksonException e) {
            return new Manifests(
                    List.of(), List.of(new Finding(CHECK, "(rendering)", "not YAML: " + e.getOriginalMessage())));
        }
        for (JsonNode doc : documents) {
            if (doc == null || doc.isNull() || doc.isMissingNode()) {
                continue;
            }
            String apiVersion = doc.path("apiVersion").asString("");
            String kind = doc.path("kind").asString("");
            String namespace = doc.path("metadata").path("namespace").asString(null);
            String name = doc.path("metadata").path("name").asString("");
            String id = kind + " " + (namespace == null ? "" : namespace + "/") + name;
            var type = Kinds.type(apiVersion, kind);
            if (type.isEmpty()) {
                findings.add(new Finding(CHECK, id, "unknown kind " + apiVersion + "/" + kind));
                continue;
            }
            try {
                resources.add(new Resource(apiVersion, kind, namespace, name, mapper.treeToValue(doc, type.get())));
            } catch (UnrecognizedPropertyException e) {
                findings.add(new Finding(CHECK, id, "unknown field '" + e.getPropertyName() + "' at " + path(e)));
            } catch (JacksonException e) {
                findings.add(new Finding(
                        CHECK,
                        id,
                        "does not fit " + apiVersion + "/" + kind + " at " + path(e) + ": " + e.getOriginalMessage()));
            }
        }
        return new Manifests(List.copyOf(resources), List.copyOf(findings));
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
