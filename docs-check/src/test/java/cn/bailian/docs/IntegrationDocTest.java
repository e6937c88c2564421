package cn.bailian.docs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.testkit.AsyncApiContract;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * docs/integration.md is what district systems program against, so it is held to the sources: its error-code
 * tables to the message bundles, its event catalogue to the AsyncAPI documents, its links (and those of
 * docs/events/) to files that exist.
 */
class IntegrationDocTest {

    static final Path ROOT =
            Path.of(System.getProperty("bailian.root", "..")).toAbsolutePath().normalize();
    static final Path DOC = ROOT.resolve("docs/integration.md");
    static final String KIT_SECTION = "all services";

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_ROW = Pattern.compile(
            "^\\|\\s*`([A-Z0-9_]+)`\\s*\\|\\s*([^|]*?)\\s*\\|\\s*([^|]*?)\\s*\\|\\s*([^|]*?)\\s*\\|\\s*$");
    private static final Pattern EVENT_ROW =
            Pattern.compile("^\\|\\s*`(cn\\.bailian\\.[a-z0-9.-]+)`\\s*\\|\\s*([^|]*?)\\s*\\|\\s*([^|]*?)\\s*\\|.*$");

    /** One row of an error-code table. */
    record CodeRow(String status, String zh, String en) {}

    @Test
    void errorCodeTablesMatchTheMessageBundles() {
        Map<String, Map<String, CodeRow>> tables = codeTables(section(read(DOC), "## Error codes"));
        Map<String, Path> bundles = new TreeMap<>();
        bundles.put(KIT_SECTION, ROOT.resolve("service-kit/src/main/resources/i18n/kit-problems.properties"));
        services().forEach(s -> bundles.put(s, ROOT.resolve(s).resolve("src/main/resources/i18n/problems.properties")));

        assertThat(tables.keySet())
                .as("error-code sections of %s (### all services, ### <service>)", DOC)
                .containsExactlyInAnyOrderElementsOf(bundles.keySet());
        bundles.forEach((section, zhBundle) -> {
            Map<String, String> zh = titles(zhBundle);
            Map<String, String> en = titles(Path.of(zhBundle.toString().replace(".properties", "_en.properties")));
            Map<String, CodeRow> table = tables.get(section);
            assertThat(new TreeSet<>(table.keySet()))
                    .as("codes of ### %s in %s against %s", section, DOC, zhBundle)
                    .containsExactlyElementsOf(new TreeSet<>(zh.keySet()));
            table.forEach((code, row) -> {
                assertThat(row.status()).as("HTTP status of %s", code).matches("[1-5][0-9]{2}(/[1-5][0-9]{2})*");
                assertThat(row.zh()).as("中文 title of %s (%s)", code, zhBundle).isEqualTo(zh.get(code));
                assertThat(row.en()).as("English title of %s", code).isEqualTo(en.get(code));
            });
        });
    }

    @Test
    void eventCatalogueMatchesTheAsyncApiDocuments() {
        List<AsyncApiContract> documents = AsyncApiContract.all(ROOT);
        assertThat(documents)
                .as("AsyncAPI documents under %s", ROOT)
                .hasSize(services().size());
        Map<String, String> publisher = new TreeMap<>();
        Map<String, Set<String>> consumers = new TreeMap<>();
        for (AsyncApiContract document : documents) {
            String service = service(document);
            document.published().keySet().forEach(type -> publisher.put(type, service));
            document.received()
                    .values()
                    .forEach(types -> types.forEach(type -> consumers
                            .computeIfAbsent(type, t -> new TreeSet<>())
                            .add(service)));
        }

        Map<String, String[]> catalogue = new LinkedHashMap<>();
        for (String line : section(read(DOC), "## Events").split("\n")) {
            Matcher row = EVENT_ROW.matcher(line);
            if (row.matches()) {
                assertThat(catalogue.put(row.group(1), new String[] {row.group(2), row.group(3)}))
                        .as("%s listed twice in %s", row.group(1), DOC)
                        .isNull();
            }
        }
        assertThat(catalogue.keySet())
                .as("event types in the catalogue of %s against the AsyncAPI documents", DOC)
                .containsExactlyInAnyOrderElementsOf(publisher.keySet());
        catalogue.forEach((type, columns) -> {
            String service = publisher.get(type);
            assertThat(columns[0])
                    .as("publisher of %s", type)
                    .contains("[" + service + "](../" + service + "/" + AsyncApiContract.COMMITTED + ")");
            Set<String> listed = new TreeSet<>();
            Matcher names = Pattern.compile("[a-z]+-service").matcher(columns[1]);
            while (names.find()) {
                listed.add(names.group());
            }
            assertThat(listed)
                    .as("consumers of %s (receive operations of the AsyncAPI documents)", type)
                    .isEqualTo(consumers.getOrDefault(type, Set.of()));
        });
    }

    @Test
    void eachServicesEventPageNamesExactlyTheTypesItPublishes() {
        for (AsyncApiContract document : AsyncApiContract.all(ROOT)) {
            String service = service(document);
            Path page = ROOT.resolve("docs/events/" + service + ".md");
            String text = read(page);
            String prefix =
                    document.published().keySet().iterator().next().replaceFirst("^(cn\\.bailian\\.[a-z]+\\.).*", "$1");
            Set<String> named = new TreeSet<>();
            Matcher types = Pattern.compile(Pattern.quote(prefix) + "[a-z0-9.-]+\\.v[0-9]+")
                    .matcher(text);
            while (types.find()) {
                named.add(types.group());
            }
            assertThat(named)
                    .as("%s types named in %s against %s", prefix, page, document.file())
                    .isEqualTo(document.published().keySet());
            assertThat(text)
                    .as("%s links its AsyncAPI document", page)
                    .contains("](../../" + service + "/" + AsyncApiContract.COMMITTED + ")");
        }
    }

    @Test
    void relativeLinksLeadToFiles() {
        List<Path> pages = new ArrayList<>(List.of(DOC, ROOT.resolve("README.md")));
        try (Stream<Path> events = Files.list(ROOT.resolve("docs/events"))) {
            events.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            Matcher links = LINK.matcher(read(page));
            while (links.find()) {
                String target = links.group(1).replaceFirst("#.*$", "");
                if (target.isEmpty() || target.matches("^[a-z]+:.*")) {
                    continue; // an anchor in the page, or http(s)/mailto
                }
                checked++;
                if (!Files.exists(page.getParent().resolve(target).normalize())) {
                    broken.add(ROOT.relativize(page) + " → " + links.group(1));
                }
            }
        }
        assertThat(checked).as("relative links checked").isPositive();
        assertThat(broken).as("links to files that do not exist").isEmpty();
    }

    // ------------------------------------------------------------------ reading

    static List<String> services() {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.filter(m -> m.getFileName().toString().endsWith("-service"))
                    .filter(m -> Files.isRegularFile(m.resolve("pom.xml")))
                    .map(m -> m.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String service(AsyncApiContract document) {
        return document.file().getParent().getParent().getFileName().toString();
    }

    /** From a level-2 heading to the next one. */
    static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertThat(start).as("section %s in %s", heading, DOC).isNotNegative();
        int end = markdown.indexOf("\n## ", start + heading.length() + 1);
        return markdown.substring(start + 1, end < 0 ? markdown.length() : end);
    }

    /** Level-3 heading → its table of codes. */
    static Map<String, Map<String, CodeRow>> codeTables(String section) {
        Map<String, Map<String, CodeRow>> tables = new TreeMap<>();
        Map<String, CodeRow> current = null;
        for (String line : section.split("\n")) {
            if (line.startsWith("### ")) {
                current = new TreeMap<>();
                tables.put(line.substring(4).strip(), current);
                continue;
            }
            Matcher row = CODE_ROW.matcher(line);
            if (row.matches()) {
                assertThat(current)
                        .as("a code row before any ### heading: %s", line)
                        .isNotNull();
                assertThat(current.put(row.group(1), new CodeRow(row.group(2), row.group(3), row.group(4))))
                        .as("%s listed twice in one table", row.group(1))
                        .isNull();
            }
        }
        return tables;
    }

    /** CODE → title from a problems bundle (UTF-8). */
    static Map<String, String> titles(Path bundle) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> titles = new TreeMap<>();
        properties.stringPropertyNames().stream()
                .filter(k -> k.endsWith(".title"))
                .forEach(k -> titles.put(k.substring(0, k.length() - ".title".length()), properties.getProperty(k)));
        return titles;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
