package cn.bailian.deploy;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** The topics a service consumes, as its AsyncAPI 3 document states them: the addresses of its receive operations' channels. */
final class AsyncApiTopics {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private AsyncApiTopics() {}

    static Set<String> received(Path document) {
        if (!Files.isRegularFile(document)) {
            throw new IllegalStateException(
                    "missing " + document + " (the service's AsyncAPI document: what it consumes)");
        }
        JsonNode root;
        try {
            root = YAML.readTree(document.toFile());
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot read " + document + ": " + e.getOriginalMessage(), e);
        }
        Set<String> topics = new TreeSet<>();
        for (JsonNode operation : root.path("operations")) {
            if (!"receive".equals(operation.path("action").asString(""))) {
                continue;
            }
            String ref = operation.path("channel").path("$ref").asString("");
            String channel = ref.startsWith("#/channels/") ? ref.substring("#/channels/".length()) : "";
            String address = root.path("channels").path(channel).path("address").asString("");
            if (address.isEmpty()) {
                throw new IllegalStateException(document + ": receive operation's channel " + ref + " has no address");
            }
            topics.add(address);
        }
        return Set.copyOf(topics);
    }
}
