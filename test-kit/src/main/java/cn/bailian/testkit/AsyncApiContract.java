package cn.bailian.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * A service's events as a contract: its AsyncAPI 3.0 document, committed at {@code asyncapi/asyncapi.yaml} in
 * its module. A {@code send} operation lists every CloudEvents type the service publishes on its topic (the
 * message's {@code name} is the type; its payload is the whole structured-mode CloudEvent with a JSON Schema for
 * {@code data}); {@code receive} operations name, by reference into the producers' documents, what it consumes.
 *
 * <p>Producers hold what they really publish to the document ({@link #assertScenarioPublishesConformingEvents}); consumers
 * run the producers' examples through their real handlers ({@link #assertConsumerContract}), so neither side can
 * change an event under the other unnoticed.
 */
public final class AsyncApiContract {

    /** Relative to a service module, the working directory of its tests. */
    public static final Path COMMITTED = Path.of("asyncapi", "asyncapi.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /**
     * AsyncAPI's default schema format is a superset of JSON Schema draft-07. Payload schemas are read out of the
     * whole document, whose top-level AsyncAPI fields are no keywords to validate (and not worth a warning).
     */
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V7,
            builder -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV7())
                    .keywords(Stream.of(
                                    "asyncapi",
                                    "id",
                                    "info",
                                    "defaultContentType",
                                    "servers",
                                    "channels",
                                    "operations",
                                    "components")
                            .map(NonValidationKeyword::new)
                            .toList())
                    .build()));

    private static final SchemaValidatorsConfig STRICT =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    /** One message: {@code type} is its CloudEvents type, {@code pointer} where it sits in {@code file}. */
    public record Message(String type, Path file, String pointer, JsonNode definition) {
        /** The payloads of the message's examples: whole CloudEvents as the relay puts them on the topic. */
        public List<JsonNode> examples() {
            List<JsonNode> payloads = new ArrayList<>();
            definition.path("examples").forEach(example -> payloads.add(example.path("payload")));
            return payloads;
        }
    }

    private final Path file;
    private final JsonNode document;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private AsyncApiContract(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.document = read(this.file);
    }

    public static AsyncApiContract of(Path file) {
        return new AsyncApiContract(file);
    }

    /** The document of the module under test. */
    public static AsyncApiContract own() {
        return of(COMMITTED);
    }

    /** The service's document that publishes to {@code topic}, among the modules beside this one. */
    public static AsyncApiContract publisherOf(String topic) {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<AsyncApiContract> publishers =
                all(root).stream().filter(c -> c.topic().equals(topic)).toList();
        assertThat(publishers)
                .as("exactly one module under %s documents publishing to %s", root, topic)
                .hasSize(1);
        return publishers.get(0);
    }

    public Path file() {
        return file;
    }

    public JsonNode document() {
        return document;
    }

    /** The topic the service publishes to: the address of the channel of its send operation. */
    public String topic() {
        Set<String> topics = new TreeSet<>();
        operations("send")
                .forEach(op -> topics.add(
                        resolve(file, op.path("channel")).node().path("address").asText()));
        assertThat(topics).as("one topic published to in %s", file).hasSize(1);
        return topics.iterator().next();
    }

    /** Every type this service publishes, with its message, in the document's order. */
    public Map<String, Message> published() {
        Map<String, Message> messages = new LinkedHashMap<>();
        operations("send")
                .forEach(op -> op.path("messages").forEach(ref -> {
                    Message message = message(ref);
                    assertThat(messages.put(message.type(), message))
                            .as("%s published twice in %s", message.type(), file)
                            .isNull();
                }));
        return messages;
    }

    public Message message(String type) {
        Message message = published().get(type);
        assertThat(message).as("%s is not a message %s publishes", type, file).isNotNull();
        return message;
    }

    /** What the document says the service consumes: topic → types, resolved through the producers' documents. */
    public Map<String, Set<String>> received() {
        Map<String, Set<String>> received = new TreeMap<>();
        operations("receive").forEach(op -> {
            String topic =
                    resolve(file, op.path("channel")).node().path("address").asText();
            op.path("messages")
                    .forEach(ref -> received.computeIfAbsent(topic, t -> new TreeSet<>())
                            .add(message(ref).type()));
        });
        return received;
    }

    /** What is wrong with one record on the service's topic, by this document; empty when it conforms. */
    public List<String> violations(String key, JsonNode event) {
        String type = event.path("type").asText("");
        Message message = published().get(type);
        if (message == null) {
            return List.of("type '" + type + "' is not a message of " + file);
        }
        List<String> problems = new ArrayList<>();
        JsonSchema schema = compiled.computeIfAbsent(
                type,
                t -> SCHEMAS.getSchema(
                        SchemaLocation.of(message.file().toUri() + "#" + message.pointer() + "/payload"), STRICT));
        for (ValidationMessage problem : schema.validate(event)) {
            problems.add(problem.getMessage());
        }
        if (key != null && !key.equals(event.path("subject").asText())) {
            problems.add("Kafka key '" + key + "' is not the subject '"
                    + event.path("subject").asText() + "'");
        }
        return problems;
    }

    public void assertConforms(String key, JsonNode event) {
        assertThat(violations(key, event)).as("%s by %s", event, file).isEmpty();
    }

    /** Each published message has examples, each example is of its type and conforms. */
    public void assertExamplesConform() {
        Map<String, Message> published = published();
        assertThat(published).as("messages published in %s", file).isNotEmpty();
        published.forEach((type, message) -> {
            assertThat(message.examples())
                    .as("examples of %s in %s", type, file)
                    .isNotEmpty();
            for (JsonNode example : message.examples()) {
                assertThat(example.path("type").asText())
                        .as("type of an example of %s", type)
                        .isEqualTo(type);
                assertConforms(null, example);
            }
        });
    }

    /**
     * Runs {@code scenario} — requests to the service under test (a {@code @QuarkusTest}) that make it publish every
     * type its document lists — then waits until each documented type arrived on the topic with a CloudEvents time
     * from the scenario on (so the scenario itself made it, whichever tests ran before), and holds every record on
     * the topic to the document. Fails, never skips, when no broker was started: then nothing could be checked.
     */
    public void assertScenarioPublishesConformingEvents(Runnable scenario) {
        Instant start = Instant.now().minusMillis(5); // an event's time may be cut to the millisecond
        scenario.run();
        Optional<String> broker = KafkaBroker.sharedIfStarted();
        assertThat(broker)
                .as("a broker for the published events: run this from a @QuarkusTest with BailianTestResource")
                .isPresent();
        Set<String> documented = published().keySet();
        AtomicReference<List<EventProbe.Received>> records = new AtomicReference<>(List.of());
        Set<String> seen = new TreeSet<>();
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        records.set(EventProbe.readAll(broker.get(), topic()));
                        seen.clear();
                        records.get().stream()
                                .filter(r -> !Instant.parse(
                                                r.event().path("time").asText())
                                        .isBefore(start))
                                .forEach(r -> seen.add(r.type()));
                        return seen.containsAll(documented);
                    });
        } catch (ConditionTimeoutException e) {
            Set<String> unseen = new TreeSet<>(documented);
            unseen.removeAll(seen);
            throw new AssertionError(
                    "types documented in " + file + " that the scenario did not publish: " + unseen + " (it published "
                            + seen + ")",
                    e);
        }
        List<String> problems = new ArrayList<>();
        for (EventProbe.Received record : records.get()) {
            violations(record.key(), record.event())
                    .forEach(p -> problems.add(record.type() + " " + record.id() + ": " + p));
        }
        assertThat(problems)
                .as(
                        "events on %s that break %s (%d records read)",
                        topic(), file, records.get().size())
                .isEmpty();
    }

    /**
     * The consumer side, from a {@code @QuarkusTest} of the consuming service: {@code handled} (topic → types, from
     * its EventHandlers) must be what its document says it receives; then every example the producers document
     * for those types must conform to the producer's own schema and, sent on the topic as the producer's relay
     * would, be applied by the service's real consumer (its id in processed_event, not parked), after which
     * {@code applied} asserts the effect on the service's database.
     */
    public static void assertConsumerContract(Map<String, Set<String>> handled, BiConsumer<String, JsonNode> applied) {
        assertThat(own().received())
                .as("what %s says it receives, against the service's EventHandlers", own().file())
                .isEqualTo(new TreeMap<>(handled));
        new TreeMap<>(handled).forEach((topic, types) -> {
            AsyncApiContract producer = publisherOf(topic);
            for (String type : types) {
                producer.message(type); // fails when the producer no longer documents it
            }
            // in the producer's order, so a resident is registered before it is updated
            for (String type : producer.published().keySet().stream()
                    .filter(types::contains)
                    .toList()) {
                List<JsonNode> examples = producer.message(type).examples();
                assertThat(examples)
                        .as("examples of %s in %s", type, producer.file())
                        .isNotEmpty();
                for (JsonNode example : examples) {
                    producer.assertConforms(null, example);
                    feedAndAwaitApplied(topic, example);
                    applied.accept(type, example);
                }
            }
        });
    }

    /**
     * A field of the event's data that the consumer reads, as text (null for JSON null); fails plainly when the
     * producer's example no longer has it, which is how a rename under a consumer shows.
     */
    public static String field(JsonNode event, String name) {
        JsonNode value = event.path("data").get(name);
        assertThat(value)
                .as(
                        "%s from %s has no data.%s, which this consumer reads",
                        event.path("type").asText(), event.path("source").asText(), name)
                .isNotNull();
        return value.isNull() ? null : value.asText();
    }

    /** Sends an event as the producer's relay does (key = subject) and waits until the service applied it. */
    public static void feedAndAwaitApplied(String topic, JsonNode event) {
        String id = event.path("id").asText();
        try {
            EventFeed.send(topic, event.path("subject").asText(), event.toString())
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("event not accepted by the broker", e);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> TestDb.count("select count(*) from processed_event where event_id = ?", id)
                                + TestDb.count("select count(*) from parked_event where event_id = ?", id)
                        > 0);
        assertThat(TestDb.queryString("select error from parked_event where event_id = ?", id))
                .as("%s %s was parked instead of applied", event.path("type").asText(), id)
                .isNull();
    }

    /** Every {@code $ref} in the document that does not lead to a node (a missing file or pointer). */
    public List<String> unresolvedRefs() {
        List<String> broken = new ArrayList<>();
        collectRefs(document, broken);
        return broken;
    }

    private void collectRefs(JsonNode node, List<String> broken) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            try {
                resolve(file, node);
            } catch (RuntimeException | AssertionError e) {
                broken.add(ref + " (" + e.getMessage() + ")");
            }
        }
        node.forEach(child -> collectRefs(child, broken));
    }

    // ------------------------------------------------------------------ reading and references

    private List<JsonNode> operations(String action) {
        List<JsonNode> found = new ArrayList<>();
        document.path("operations").forEach(op -> {
            if (action.equals(op.path("action").asText())) {
                found.add(op);
            }
        });
        return found;
    }

    private Message message(JsonNode ref) {
        Located located = resolve(file, ref);
        String type = located.node().path("name").asText();
        assertThat(type)
                .as("name (the CloudEvents type) of the message at %s#%s", located.file(), located.pointer())
                .startsWith("cn.bailian.");
        return new Message(type, located.file(), located.pointer(), located.node());
    }

    private record Located(Path file, String pointer, JsonNode node) {}

    /** Follows {@code $ref}s (same document or a relative file) until a node that is not a reference. */
    private static Located resolve(Path base, JsonNode node) {
        Path current = base;
        String pointer = "";
        for (int hops = 0; node.isObject() && node.has("$ref"); hops++) {
            assertThat(hops).as("reference chain from %s", base).isLessThan(10);
            String ref = node.get("$ref").asText();
            int hash = ref.indexOf('#');
            String target = hash < 0 ? ref : ref.substring(0, hash);
            pointer = hash < 0 ? "" : ref.substring(hash + 1);
            if (!target.isEmpty()) {
                current = current.getParent().resolve(target).normalize();
            }
            JsonNode root = read(current);
            node = pointer.isEmpty() ? root : root.at(pointer);
            if (node.isMissingNode()) {
                throw new IllegalArgumentException("no " + pointer + " in " + current);
            }
        }
        return new Located(current, pointer, node);
    }

    private static final Map<Path, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

    private static JsonNode read(Path file) {
        return DOCUMENTS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("no file " + f);
            }
            try {
                return YAML.readTree(f.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable " + f, e);
            }
        });
    }

    /** The documents beside each other, for checks over the whole project (from a module one level down). */
    public static List<AsyncApiContract> all(Path root) {
        try (Stream<Path> modules = Files.list(root)) {
            return modules.map(m -> m.resolve(COMMITTED))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.naturalOrder())
                    .map(AsyncApiContract::of)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
