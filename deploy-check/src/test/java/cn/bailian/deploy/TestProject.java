package cn.bailian.deploy;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The project under test: where it is, its overlays rendered once, and YAML surgery for broken copies. */
final class TestProject {

    static final Path ROOT =
            Path.of(System.getProperty("bailian.root", "..")).toAbsolutePath().normalize();
    static final Path OVERLAYS = ROOT.resolve("deploy/overlays");
    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private TestProject() {}

    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(OVERLAYS)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> new Kustomize().render(OVERLAYS.resolve(o)));
    }

    /** The contract as the brief states it (test resources), the kit's real defaults and the real root pom. */
    static Contract statedContract() {
        return Contract.of(
                ROOT,
                service -> resource(service, "application.properties"),
                service -> resource(service, "asyncapi.yaml"));
    }

    private static Path resource(String service, String file) {
        try {
            return Path.of(TestProject.class
                    .getResource("/contract/" + service + "/" + file)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ObjectNode> documents(String yaml) {
        List<ObjectNode> docs = new ArrayList<>();
        YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).forEachRemaining(n -> docs.add((ObjectNode) n));
        return docs;
    }

    static String yaml(List<ObjectNode> docs) {
        return docs.stream().map(YAML::writeValueAsString).collect(Collectors.joining());
    }

    static ObjectNode find(List<ObjectNode> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.path("kind").asString())
                        && name.equals(d.path("metadata").path("name").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendering"));
    }

    static ObjectNode firstOfKind(List<ObjectNode> docs, String kind) {
        return docs.stream()
                .filter(d -> kind.equals(d.path("kind").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in the rendering"));
    }

    /** The first container of a Deployment. */
    static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) ((ArrayNode) deployment.at("/spec/template/spec/containers")).get(0);
    }

    static ObjectNode parse(String yaml) {
        return (ObjectNode) YAML.readTree(yaml);
    }
}
