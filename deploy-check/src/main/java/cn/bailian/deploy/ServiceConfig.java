package cn.bailian.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the manifests must agree with about one service, read from its application.properties, the service kit's
 * shared defaults and its AsyncAPI document: its port, the topic it publishes to, the topics it consumes and its
 * consumer group (what its Kafka identity may do), the environment variables it reads.
 */
public record ServiceConfig(
        String name, int port, String topic, Set<String> consumes, String consumerGroup, Set<String> readsEnv) {

    /**
     * Read by Quarkus although no properties file names them: the connection is deliberately left to the
     * environment (docs/service-kit.md), so the files cannot tell us about it.
     */
    static final List<String> FROM_ENVIRONMENT_ONLY =
            List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password");

    public static ServiceConfig read(String name, Path applicationProperties, Path kitProperties) {
        return read(name, applicationProperties, kitProperties, null);
    }

    /** @param asyncApi the service's AsyncAPI document, whose receive operations name the topics it consumes; null: none */
    public static ServiceConfig read(String name, Path applicationProperties, Path kitProperties, Path asyncApi) {
        Properties app = load(applicationProperties, name + "'s configuration; the manifests are checked against it");
        Properties kit = load(kitProperties, "the service kit's shared configuration");
        String port = app.getProperty("quarkus.http.port");
        String topic = app.getProperty("bailian.events.topic");
        if (port == null || topic == null) {
            throw new IllegalStateException(applicationProperties + " must set "
                    + (port == null ? "quarkus.http.port" : "bailian.events.topic")
                    + ": deploy-check compares the manifests with it");
        }
        Set<String> env = new TreeSet<>(EnvNames.readBy(kit));
        env.addAll(EnvNames.readBy(app));
        FROM_ENVIRONMENT_ONLY.forEach(p -> env.add(EnvNames.of(p)));
        // the kit's consumer: bailian.consumer.group-id, else the service's name (KitConfig)
        String group = app.getProperty("bailian.consumer.group-id", app.getProperty("bailian.service-name", name))
                .trim();
        Set<String> consumes = asyncApi == null ? Set.of() : AsyncApiTopics.received(asyncApi);
        return new ServiceConfig(name, Integer.parseInt(port.trim()), topic.trim(), consumes, group, Set.copyOf(env));
    }

    private static Properties load(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing " + file + " (" + what + ")");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return p;
    }
}
