package cn.bailian.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OpenAPI document a service serves must be the one committed at {@code openapi/openapi.yaml} in its
 * module, so integrators can read (and diff) the contract without running anything. Run the tests with
 * {@code -Dopenapi.write=true} (bin/bailian openapi) to write the served document there instead.
 */
public final class OpenApiContract {

    public static final Path COMMITTED = Path.of("openapi", "openapi.yaml");

    private OpenApiContract() {}

    /** Call from a {@code @QuarkusTest} of the service (the working directory is the module's). */
    public static void assertServedDocumentIsCommitted() {
        String served = given().accept("application/yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            if (Boolean.getBoolean("openapi.write")) {
                Files.createDirectories(COMMITTED.getParent());
                Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
                return;
            }
            assertThat(COMMITTED)
                    .as("committed OpenAPI document (write it with bin/bailian openapi)")
                    .exists();
            String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
            assertThat(served)
                    .as(
                            "the served /q/openapi differs from the committed %s: if the change is intended, run bin/bailian openapi and commit it",
                            COMMITTED.toAbsolutePath())
                    .isEqualTo(committed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{3,}");

    /**
     * The served document is a complete contract (issue #11): info with title, version, contact and a description
     * in Chinese and English; servers; tags with descriptions; the problem+json schema and a security scheme; and
     * every operation with an operationId, summary, description and tags, and an example for every request body
     * and every response body. Lists every gap at once. Call from a {@code @QuarkusTest} of the service.
     */
    public static void assertDocumentIsComplete() {
        String json = given().accept("application/json")
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> gaps;
        try {
            gaps = gaps(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!gaps.isEmpty()) {
            fail("the OpenAPI document is incomplete (%d gaps):%n  %s", gaps.size(), String.join("\n  ", gaps));
        }
    }

    /** What the document lacks, one line per gap. */
    public static List<String> gaps(JsonNode doc) {
        List<String> gaps = new ArrayList<>();
        JsonNode info = doc.path("info");
        for (String field : List.of("title", "version", "description")) {
            if (info.path(field).asText("").isBlank()) {
                gaps.add("info." + field + " missing");
            }
        }
        String description = info.path("description").asText("");
        if (!CHINESE.matcher(description).find()
                || !ENGLISH.matcher(description).find()) {
            gaps.add("info.description must be in Chinese and English: " + description);
        }
        if (info.path("contact").path("name").asText("").isBlank()
                || (info.path("contact").path("email").asText("").isBlank()
                        && info.path("contact").path("url").asText("").isBlank())) {
            gaps.add("info.contact needs a name and an email or url");
        }
        if (doc.path("servers").isEmpty()) {
            gaps.add("servers missing");
        }
        doc.path("servers").forEach(server -> {
            if (server.path("description").asText("").isBlank()) {
                gaps.add("server " + server.path("url").asText() + " has no description");
            }
        });
        if (doc.path("tags").isEmpty()) {
            gaps.add("tags missing");
        }
        doc.path("tags").forEach(tag -> {
            if (tag.path("description").asText("").isBlank()) {
                gaps.add("tag " + tag.path("name").asText() + " has no description");
            }
        });
        if (doc.path("components").path("schemas").path("Problem").isMissingNode()) {
            gaps.add("components.schemas.Problem (the problem+json schema) missing");
        }
        if (doc.path("components").path("securitySchemes").isEmpty()) {
            gaps.add("components.securitySchemes missing");
        }
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    if (!METHODS.contains(entry.getKey())) {
                        return;
                    }
                    JsonNode op = entry.getValue();
                    String name = entry.getKey().toUpperCase() + " " + path.getKey();
                    for (String field : List.of("operationId", "summary", "description")) {
                        if (op.path(field).asText("").isBlank()) {
                            gaps.add(name + ": no " + field);
                        }
                    }
                    if (op.path("tags").isEmpty()) {
                        gaps.add(name + ": no tags");
                    }
                    if (op.path("security").isMissingNode()) {
                        gaps.add(name + ": no security requirement (public operations declare an empty one)");
                    }
                    op.path("requestBody")
                            .path("content")
                            .properties()
                            .forEach(media ->
                                    requireExample(gaps, name + " request body " + media.getKey(), media.getValue()));
                    op.path("responses")
                            .properties()
                            .forEach(response -> response.getValue()
                                    .path("content")
                                    .properties()
                                    .forEach(media -> requireExample(
                                            gaps,
                                            name + " response " + response.getKey() + " " + media.getKey(),
                                            media.getValue())));
                }));
        return gaps;
    }

    private static void requireExample(List<String> gaps, String where, JsonNode media) {
        JsonNode example = media.path("example");
        boolean has =
                (!example.isMissingNode() && !example.isNull() && !(example.isContainerNode() && example.isEmpty()))
                        || !media.path("examples").isEmpty();
        if (!has) {
            gaps.add(where + ": no example");
        }
    }
}
