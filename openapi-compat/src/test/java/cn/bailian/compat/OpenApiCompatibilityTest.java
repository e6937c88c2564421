package cn.bailian.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ComposedChanged;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * No silent breaking change (issue #11): each service's committed document ({@code <service>/openapi/openapi.yaml},
 * which OpenApiDocumentTest holds to the code) is compared with its latest released baseline
 * ({@code <service>/openapi/baseline/openapi-<version>.yaml}). A change that breaks a client of the baseline fails
 * the build, with what broke, unless info.version's major number was raised; the version never goes down.
 * Releasing a new baseline: docs/integration.md, "Versioning the HTTP APIs".
 */
class OpenApiCompatibilityTest {

    private static final Pattern BASELINE = Pattern.compile("openapi-(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");
    private static final Pattern VERSION = Pattern.compile("(?m)^  version: \"?(\\d+)\\.(\\d+)\\.(\\d+)\"?\\s*$");

    @ParameterizedTest
    @ValueSource(strings = {"resident-service", "farm-service", "activity-service", "fund-service"})
    void noBreakingChangeWithoutANewMajorVersion(String service) throws IOException {
        Path current = Path.of(service, "openapi", "openapi.yaml");
        Path baseline = latestBaseline(Path.of(service, "openapi", "baseline"));
        String refusal = refusal(
                service,
                baseline,
                Files.readString(baseline, StandardCharsets.UTF_8),
                Files.readString(current, StandardCharsets.UTF_8));
        if (refusal != null) {
            fail(refusal);
        }
    }

    // ------------------------------------------------------------------ the check against known changes

    /** A change of the fixture's baseline (src/test/resources/fixtures/baseline.yaml) that a client would notice. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a response property removed              | '        status:\n          type: string\n'                         | ''
            a path removed                           | '  /api/v1/plots/{id}:\n    get:\n      operationId: getPlot\n'   | '  /api/v1/plots/{id}:\n    delete:\n      operationId: getPlot\n'
            a response property's type changed       | '        area:\n          type: integer\n'                        | '        area:\n          type: string\n'
            a request property made required         | '      required:\n      - code\n'                               | '      required:\n      - code\n      - note\n'
            a required path parameter made a number  | '          type: string\n          format: uuid\n      responses:' | '          type: integer\n      responses:'
            """)
    void aBreakingChangeIsRefusedUnderTheSameMajorVersion(String change, String from, String to) throws IOException {
        String baseline = fixture();
        String changed = edit(baseline, from, to);
        assertThat(refusal(
                        "fixture-service",
                        Path.of("baseline.yaml"),
                        baseline,
                        changed.replace("version: 1.2.0", "version: 1.3.0")))
                .as("the check on: " + change)
                .isNotNull()
                .contains("breaking change");
        // the same change with a new major version is what the rule allows
        assertThat(refusal(
                        "fixture-service",
                        Path.of("baseline.yaml"),
                        baseline,
                        changed.replace("version: 1.2.0", "version: 2.0.0")))
                .as("the check on: " + change + ", with a new major version")
                .isNull();
    }

    /** Changes a client of the baseline does not notice. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an optional response property added  | '        area:\n          type: integer\n'            | '        area:\n          type: integer\n        sown:\n          type: string\n'
            an optional request property added   | '        note:\n          type: string\n'             | '        note:\n          type: string\n        tag:\n          type: string\n'
            a path added                         | 'paths:\n'                                            | 'paths:\n  /api/v1/farms:\n    get:\n      operationId: listFarms\n      responses:\n        "200":\n          description: OK\n'
            nothing changed                      | 'paths:\n'                                            | 'paths:\n'
            """)
    void aCompatibleChangeIsAccepted(String change, String from, String to) throws IOException {
        String baseline = fixture();
        assertThat(refusal("fixture-service", Path.of("baseline.yaml"), baseline, edit(baseline, from, to)))
                .as("the check on: " + change)
                .isNull();
    }

    @Test
    void theVersionNeverGoesDown() throws IOException {
        String baseline = fixture();
        assertThat(refusal(
                        "fixture-service",
                        Path.of("baseline.yaml"),
                        baseline,
                        baseline.replace("version: 1.2.0", "version: 1.1.9")))
                .contains("lower than the released baseline");
    }

    private static String fixture() throws IOException {
        try (var in = OpenApiCompatibilityTest.class.getResourceAsStream("/fixtures/baseline.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The fixture with one edit; fails when the text to replace is not there (the fixture changed under the case). */
    private static String edit(String document, String from, String to) {
        String target = from.replace("\\n", "\n");
        assertThat(document).as("the fixture has the text to change").contains(target);
        return document.replace(target, to.replace("\\n", "\n"));
    }

    /** Why the current document may not replace the baseline, or null when it may. */
    static String refusal(String service, Path baseline, String baselineText, String currentText) {
        int[] now = version(currentText, Path.of(service, "openapi", "openapi.yaml"));
        int[] released = version(baselineText, baseline);
        if (compare(now, released) < 0) {
            return "%s: info.version %s is lower than the released baseline %s"
                    .formatted(service, text(now), baseline.getFileName());
        }
        ChangedOpenApi diff = OpenApiCompare.fromContents(asOpenApi30(baselineText), asOpenApi30(currentText));
        List<String> removed = removedResponseProperties(diff);
        if ((diff.isIncompatible() || !removed.isEmpty()) && now[0] <= released[0]) {
            return ("%s: breaking change against the released %s while info.version is still %s.%n"
                            + "Either keep the API compatible, or raise the major version (quarkus.smallrye-openapi.info-version in "
                            + "%s/src/main/resources/application.properties) and release a new baseline (docs/integration.md).%n"
                            + "What broke:%n%s%n%s")
                    .formatted(
                            service,
                            baseline,
                            text(now),
                            service,
                            removed.isEmpty()
                                    ? ""
                                    : "Response properties removed:\n  " + String.join("\n  ", removed) + "\n",
                            render(diff));
        }
        return null;
    }

    /**
     * openapi-diff 2.1.7 does not look inside the array items of an OpenAPI 3.1 schema (a field removed from
     * every list's items went unnoticed), but does for 3.0. Our documents use nothing of 3.1 that 3.0 lacks except
     * schema examples, which do not matter here, so they are compared as 3.0.
     */
    static String asOpenApi30(String document) {
        assertThat(document).as("an OpenAPI 3.1.0 document").startsWith("---\nopenapi: 3.1.0\n");
        return document.replaceFirst("\nopenapi: 3\\.1\\.0\n", "\nopenapi: 3.0.3\n");
    }

    /**
     * openapi-diff counts a removed response property as compatible when the schema did not list it as required,
     * and ours list none (a client can't tell). But a client that reads the field breaks, so we count it too.
     */
    private static List<String> removedResponseProperties(ChangedOpenApi diff) {
        List<String> removed = new ArrayList<>();
        walk(diff, Collections.newSetFromMap(new IdentityHashMap<>()), removed);
        return removed.stream().distinct().sorted().toList();
    }

    private static void walk(Changed changed, Set<Changed> seen, List<String> removed) {
        if (changed == null || !seen.add(changed)) {
            return;
        }
        if (changed instanceof ChangedSchema schema
                && schema.getContext() != null
                && schema.getContext().isResponse()) {
            schema.getMissingProperties()
                    .keySet()
                    .forEach(property -> removed.add(schema.getContext().getMethod() + " "
                            + schema.getContext().getUrl() + ": " + property));
        }
        if (changed instanceof ComposedChanged composed) {
            composed.getChangedElements().forEach(child -> walk(child, seen, removed));
        }
    }

    private static Path latestBaseline(Path folder) throws IOException {
        assertThat(folder)
                .as("released baselines of the API (docs/integration.md, \"Versioning the HTTP APIs\")")
                .isDirectory();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> baselines = files.filter(
                            p -> BASELINE.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(p -> fromName(p), OpenApiCompatibilityTest::compare))
                    .toList();
            assertThat(baselines)
                    .as("a baseline openapi-<version>.yaml in %s", folder)
                    .isNotEmpty();
            return baselines.get(baselines.size() - 1);
        }
    }

    private static int[] fromName(Path baseline) {
        Matcher m = BASELINE.matcher(baseline.getFileName().toString());
        assertThat(m.matches()).isTrue();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    /** info.version of a document as the services write it (two spaces in, under info:). */
    private static int[] version(String document, Path where) {
        Matcher m = VERSION.matcher(document.substring(document.indexOf("\ninfo:")));
        if (!m.find()) {
            fail("%s: no info.version of the form MAJOR.MINOR.PATCH", where);
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    private static String text(int[] v) {
        return v[0] + "." + v[1] + "." + v[2];
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            return "(could not render the differences: " + e + ")";
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
