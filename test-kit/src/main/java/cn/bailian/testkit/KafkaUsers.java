package cn.bailian.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The cluster's Kafka identities on a local secured broker: every Strimzi KafkaUser of deploy/base/kafka/users.yaml
 * becomes a SCRAM-SHA-512 user with a fresh password and exactly that KafkaUser's ACLs, so what a service may do
 * locally is what it may do in the cluster, read from the same file.
 */
public final class KafkaUsers {

    private final KafkaBroker broker;
    private final Map<String, String> passwords;

    private KafkaUsers(KafkaBroker broker, Map<String, String> passwords) {
        this.broker = broker;
        this.passwords = passwords;
    }

    /** Creates the users and ACLs that {@code usersYaml} declares on the (secured, running) broker. */
    public static KafkaUsers apply(KafkaBroker broker, Path usersYaml) {
        if (!broker.secured()) {
            throw new IllegalStateException("a plain broker has no users: start it with KafkaBroker.securedAt");
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        List<UserScramCredentialUpsertion> credentials = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (JsonNode user : documents(usersYaml)) {
            if (!"KafkaUser".equals(user.path("kind").asText())) {
                continue;
            }
            String name = user.path("metadata").path("name").asText();
            byte[] secret = new byte[18];
            random.nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            passwords.put(name, password);
            credentials.add(new UserScramCredentialUpsertion(
                    name, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password));
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                ResourcePattern pattern = new ResourcePattern(
                        ResourceType.fromString(resource.path("type").asText().toUpperCase(Locale.ROOT)),
                        resource.path("name").asText(),
                        PatternType.fromString(
                                resource.path("patternType").asText("literal").toUpperCase(Locale.ROOT)));
                AclPermissionType permission =
                        "deny".equalsIgnoreCase(acl.path("type").asText("allow"))
                                ? AclPermissionType.DENY
                                : AclPermissionType.ALLOW;
                for (JsonNode operation : acl.path("operations")) {
                    acls.add(new AclBinding(
                            pattern,
                            new AccessControlEntry(
                                    "User:" + name,
                                    acl.path("host").asText("*"),
                                    AclOperation.fromString(operation.asText().toUpperCase(Locale.ROOT)),
                                    permission)));
                }
            }
        }
        try (Admin admin = Admin.create(broker.adminProperties())) {
            admin.alterUserScramCredentials(List.copyOf(credentials)).all().get();
            admin.createAcls(acls).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create the Kafka users of " + usersYaml, e);
        }
        return new KafkaUsers(broker, Map.copyOf(passwords));
    }

    /** A user's client settings (bootstrap servers, SASL/SCRAM and its password). */
    public Properties clientProperties(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka user " + user + "; there are " + passwords.keySet());
        }
        return broker.clientProperties(user, password);
    }

    private static List<JsonNode> documents(Path yaml) {
        try (MappingIterator<JsonNode> docs =
                new YAMLMapper().readerFor(JsonNode.class).readValues(yaml.toFile())) {
            return docs.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + yaml, e);
        }
    }
}
