package cn.bailian.deploy;

import static cn.bailian.deploy.TestProject.container;
import static cn.bailian.deploy.TestProject.find;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;

/**
 * Proof that each check works: a deliberately broken copy of a real rendering, changed in memory, goes
 * to the same checker, which must name the problem. The contract is the one the brief states (test
 * resources), so these tests hold whatever state the services' own files are in.
 */
class CheckerCatchesBrokenManifestsTest {

    private final DeployChecker checker = new DeployChecker();
    private Contract contract;
    private List<tools.jackson.databind.node.ObjectNode> docs;

    @BeforeEach
    void renderDev() {
        contract = TestProject.statedContract();
        docs = TestProject.documents(TestProject.rendered("dev"));
    }

    private List<Finding> check() {
        return checker.check(TestProject.yaml(docs), contract);
    }

    private ObjectNode deployment(String name) {
        return find(docs, "Deployment", name);
    }

    @ParameterizedTest(name = "deploy/overlays/{0}")
    @MethodSource("cn.bailian.deploy.OverlaysTest#overlays")
    void anUnbrokenRenderingHasNoFindings(String overlay) {
        assertThat(DeployChecker.forOverlay(overlay).check(TestProject.rendered(overlay), contract))
                .isEmpty();
    }

    @Test
    void misspeltFieldOfAKubernetesKind() {
        ObjectNode c = container(deployment("farm-service"));
        c.set("readinesProbe", c.remove("readinessProbe"));

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("schema");
            assertThat(f.object()).isEqualTo("Deployment bailian/farm-service");
            assertThat(f.message()).contains("unknown field 'readinesProbe'", "spec.template.spec.containers[0]");
        });
    }

    @Test
    void misspeltFieldOfAnOperatorKind() {
        ObjectNode topic = find(docs, "KafkaTopic", "bailian.fund.events");
        ((ObjectNode) topic.get("spec")).put("partition", 3);

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.object()).isEqualTo("KafkaTopic bailian/bailian.fund.events");
            assertThat(f.message()).contains("unknown field 'partition'");
        });
    }

    @Test
    void aKindAtAnApiVersionNobodyCheckedIsAFinding() {
        find(docs, "HorizontalPodAutoscaler", "fund-service").put("apiVersion", "autoscaling/v1");

        assertThat(check())
                .anySatisfy(
                        f -> assertThat(f.message()).contains("unknown kind autoscaling/v1/HorizontalPodAutoscaler"));
    }

    @Test
    void missingProbe() {
        container(deployment("activity-service")).remove("livenessProbe");

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("probes-resources");
            assertThat(f.object()).isEqualTo("Deployment bailian/activity-service container service");
            assertThat(f.message()).isEqualTo("no livenessProbe");
        });
    }

    @Test
    void missingResourceLimits() {
        ((ObjectNode) container(deployment("fund-service")).get("resources")).remove("limits");

        assertThat(check())
                .extracting(Finding::message)
                .contains("no resources.limits.cpu", "no resources.limits.memory");
    }

    @Test
    void missingMemoryRequest() {
        ((ObjectNode) container(deployment("fund-service")).at("/resources/requests")).remove("memory");

        assertThat(check()).extracting(Finding::message).containsExactly("no resources.requests.memory");
    }

    @Test
    void probeOnTheWrongPath() {
        ((ObjectNode) container(deployment("resident-service")).at("/readinessProbe/httpGet"))
                .put("path", "/health/ready");

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("probes-resources");
            assertThat(f.message()).contains("readinessProbe path /health/ready", "/q/health/ready");
        });
    }

    @Test
    void containerPortThatIsNotTheServicesPort() {
        ObjectNode port = (ObjectNode) container(deployment("farm-service")).at("/ports/0");
        port.put("containerPort", 8080);

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("port");
            assertThat(f.message()).contains("exposes [8080]", "quarkus.http.port=8082");
        });
    }

    @Test
    void probeOnANumberedPortThatIsNotTheServicesPort() {
        ((ObjectNode) container(deployment("farm-service")).at("/startupProbe/httpGet")).put("port", 8080);

        assertThat(check())
                .anySatisfy(f -> assertThat(f.message()).contains("probe /q/health/started on port 8080", "8082"));
    }

    @Test
    void serviceSelectorThatSelectsNoPods() {
        ((ObjectNode) find(docs, "Service", "fund-service").at("/spec/selector")).put("app.kubernetes.io/name", "fund");

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("selector");
            assertThat(f.object()).isEqualTo("Service bailian/fund-service");
            assertThat(f.message()).contains("selects no Deployment's pods");
        });
    }

    @Test
    void serviceMonitorThatSelectsNoService() {
        ((ObjectNode) find(docs, "ServiceMonitor", "farm-service").at("/spec/selector/matchLabels"))
                .put("app.kubernetes.io/name", "farm");

        assertThat(check()).anySatisfy(f -> assertThat(f.message()).contains("selects no Service"));
    }

    @Test
    void configMapKeyTheServiceDoesNotRead() {
        ObjectNode platform = TestProject.firstOfKind(
                docs.stream()
                        .filter(d -> d.at("/metadata/name").asString().startsWith("platform-"))
                        .toList(),
                "ConfigMap");
        ((ObjectNode) platform.get("data")).put("KAFKA_BOOTSTRAP_SERVER", "bailian-kafka-bootstrap:9092");

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("configmap-keys");
            assertThat(f.message()).contains("key KAFKA_BOOTSTRAP_SERVER is read by no property of");
        });
    }

    @Test
    void secretWithDataCommitted() {
        docs.add(TestProject.parse("""
                apiVersion: v1
                kind: Secret
                metadata: {name: resident-pii-keys, namespace: bailian}
                stringData: {encryption-key: not-a-real-key}
                """));

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("secret");
            assertThat(f.object()).isEqualTo("Secret bailian/resident-pii-keys");
            assertThat(f.message()).contains("stringData");
        });
    }

    @Test
    void topicConfiguredButNotDeclared() {
        docs.remove(find(docs, "KafkaTopic", "bailian.farm.events"));

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("topics");
            assertThat(f.message())
                    .contains("farm-service publishes to bailian.farm.events", "no KafkaTopic declares it");
        });
    }

    @Test
    void topicDeclaredButConfiguredNowhere() {
        ObjectNode extra = find(docs, "KafkaTopic", "bailian.farm.events").deepCopy();
        ((ObjectNode) extra.get("metadata")).put("name", "bailian.farms.events");
        docs.add(extra);

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.object()).isEqualTo("KafkaTopic bailian.farms.events");
            assertThat(f.message()).contains("no service's bailian.events.topic names it");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "bailian/resident-service:latest",
                "bailian/resident-service:1.0.0-SNAPSHOT",
                "bailian/resident-service",
                "bailian/resident-service:342c8d4",
                "registry.example/bailian/resident-service:main"
            })
    void anApplicationImageWithAMutableTag(String image) {
        container(deployment("resident-service")).put("image", image);

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("image");
            assertThat(f.message()).contains(image, "mutable tag", "full commit id");
        });
    }

    @Test
    void anApplicationImageByCommitOrByDigestPasses() {
        container(deployment("resident-service"))
                .put("image", "registry.example/bailian/resident-service:" + "0123456789abcdef".repeat(2) + "01234567");
        container(deployment("farm-service")).put("image", "bailian/farm-service@sha256:" + "ab".repeat(32));

        assertThat(check()).isEmpty();
    }

    @Test
    void anotherServicesImage() {
        container(deployment("fund-service")).put("image", "bailian/farm-service:" + "a".repeat(40));

        assertThat(check()).anySatisfy(f -> assertThat(f.message()).contains("is not bailian/fund-service"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "ghcr.io/cloudnative-pg/postgresql:17.8-system-bookworm",
                "ghcr.io/cloudnative-pg/postgresql:17@sha256:abc"
            })
    void inProductionAThirdPartyImageWithoutADigest(String image) {
        List<ObjectNode> prod = TestProject.documents(TestProject.rendered("prod"));
        ((ObjectNode) find(prod, "Cluster", "bailian-pg").get("spec")).put("imageName", image);
        ArrayNode containers =
                (ArrayNode) find(prod, "Deployment", "farm-service").at("/spec/template/spec/containers");
        containers.add(TestProject.parse("{name: proxy, image: 'envoyproxy/envoy:v1.33-latest'}"));

        List<Finding> findings = DeployChecker.forOverlay("prod").check(TestProject.yaml(prod), contract).stream()
                .filter(f -> f.check().equals("image"))
                .toList();

        assertThat(findings)
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("imageName " + image, "not pinned by digest"));
        assertThat(findings)
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("envoyproxy/envoy:v1.33-latest", "not pinned by digest"));
        // the same rendering outside production: a tag is tolerated for third-party images
        assertThat(checker.check(TestProject.yaml(prod), contract))
                .noneSatisfy(f -> assertThat(f.check()).isEqualTo("image"));
    }

    @Test
    void aKafkaUserThatMayWriteAnotherServicesTopic() {
        ArrayNode acls = (ArrayNode) find(docs, "KafkaUser", "farm-service").at("/spec/authorization/acls");
        acls.add(TestProject.parse(
                "{resource: {type: topic, name: bailian.resident.events, patternType: literal}, operations: [Write]}"));

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("kafka-access");
            assertThat(f.object()).isEqualTo("KafkaUser bailian/farm-service");
            assertThat(f.message())
                    .contains("may [write] topic bailian.resident.events", "needs only [describe, read]");
        });
    }

    @Test
    void aKafkaUserThatMayReadATopicItDoesNotConsume() {
        ArrayNode acls = (ArrayNode) find(docs, "KafkaUser", "farm-service").at("/spec/authorization/acls");
        acls.add(TestProject.parse("{resource: {type: topic, name: bailian.fund.events}, operations: [Read]}"));

        assertThat(check())
                .anySatisfy(
                        f -> assertThat(f.message())
                                .contains(
                                        "may [read] topic bailian.fund.events, which farm-service neither publishes to nor consumes"));
    }

    @Test
    void aKafkaUserWithAPrefixOrWildcardAcl() {
        ArrayNode acls = (ArrayNode) find(docs, "KafkaUser", "fund-service").at("/spec/authorization/acls");
        acls.add(TestProject.parse(
                "{resource: {type: topic, name: bailian., patternType: prefix}, operations: [Read]}"));
        acls.add(TestProject.parse("{resource: {type: group, name: '*'}, operations: [Read]}"));

        assertThat(check())
                .filteredOn(f -> f.check().equals("kafka-access"))
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("ACL on topic bailian. (prefix)"))
                .anySatisfy(m -> assertThat(m).contains("ACL on group *"));
    }

    @Test
    void aKafkaUserThatCannotReadWhatItConsumesOrWriteItsTopic() {
        ArrayNode acls = (ArrayNode) find(docs, "KafkaUser", "activity-service").at("/spec/authorization/acls");
        acls.remove(2); // bailian.fund.events, Read
        acls.remove(0); // bailian.activity.events, Write

        assertThat(check())
                .filteredOn(f -> f.check().equals("kafka-access"))
                .extracting(Finding::message)
                .contains(
                        "may not write topic bailian.activity.events, which activity-service publishes to",
                        "may not read topic bailian.fund.events, which activity-service consumes");
    }

    @Test
    void aServiceWithoutAKafkaUserAndAUserOfNoService() {
        ObjectNode user = find(docs, "KafkaUser", "fund-service");
        ((ObjectNode) user.get("metadata")).put("name", "fund");

        assertThat(check())
                .filteredOn(f -> f.check().equals("kafka-access"))
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("fund-service has no KafkaUser"))
                .anySatisfy(m -> assertThat(m).contains("is no service's identity"));
    }

    @Test
    void aPlainUnauthenticatedListenerOrNoAuthorization() {
        ObjectNode kafka = (ObjectNode) find(docs, "Kafka", "bailian").at("/spec/kafka");
        ObjectNode listener = (ObjectNode) kafka.at("/listeners/0");
        listener.put("tls", false);
        listener.remove("authentication");
        kafka.remove("authorization");

        assertThat(check())
                .filteredOn(f -> f.check().equals("kafka-access"))
                .extracting(Finding::message)
                .contains(
                        "listener tls is not TLS",
                        "listener tls does not authenticate its clients (authentication scram-sha-512 or tls)",
                        "no authorization: simple, so the brokers enforce no ACL");
    }

    @Test
    void aServiceUsingAnotherServicesKafkaCredentials() {
        ObjectNode env =
                (ObjectNode) ((ArrayNode) container(deployment("farm-service")).get("env"))
                        .valueStream()
                        .filter(e -> e.path("name").asString().equals("KAFKA_SASL_JAAS_CONFIG"))
                        .findFirst()
                        .orElseThrow();
        ((ObjectNode) env.at("/valueFrom/secretKeyRef")).put("name", "resident-service");

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.object()).isEqualTo("Deployment bailian/farm-service container service");
            assertThat(f.message()).contains("KAFKA_SASL_JAAS_CONFIG must come from Secret farm-service");
        });
    }

    @Test
    void noDefaultDeny() {
        docs.remove(find(docs, "NetworkPolicy", "default-deny"));

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("network");
            assertThat(f.object()).isEqualTo("Namespace bailian");
            assertThat(f.message()).contains("no default-deny NetworkPolicy");
        });
    }

    @Test
    void aDefaultDenyThatLetsEgressThroughIsNone() {
        ((ArrayNode) find(docs, "NetworkPolicy", "default-deny").at("/spec/policyTypes")).remove(1);

        assertThat(check()).anySatisfy(f -> assertThat(f.message()).contains("no default-deny NetworkPolicy"));
    }

    @Test
    void egressToEveryAddress() {
        ArrayNode egress = (ArrayNode) find(docs, "NetworkPolicy", "api-egress").at("/spec/egress");
        egress.add(TestProject.parse("{ports: [{port: 443, protocol: TCP}]}"));
        egress.add(TestProject.parse("{to: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: 443, protocol: TCP}]}"));

        assertThat(check())
                .filteredOn(f -> f.check().equals("network"))
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("has no destination: it allows every address"))
                .anySatisfy(m -> assertThat(m).contains("allows 0.0.0.0/0"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"baseline", "privileged", ""})
    void aNamespaceNotEnforcingRestricted(String level) {
        ObjectNode labels = (ObjectNode) find(docs, "Namespace", "bailian").at("/metadata/labels");
        if (level.isEmpty()) {
            labels.remove("pod-security.kubernetes.io/enforce");
        } else {
            labels.put("pod-security.kubernetes.io/enforce", level);
        }

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("pod-security");
            assertThat(f.message()).contains("expected restricted");
        });
    }

    @Test
    void noScheduledBackup() {
        docs.remove(find(docs, "ScheduledBackup", "bailian-pg-nightly"));

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("backup");
            assertThat(f.object()).isEqualTo("Cluster bailian/bailian-pg");
            assertThat(f.message()).contains("no ScheduledBackup");
        });
    }

    @Test
    void aSuspendedScheduleOrOneOfAnotherClusterIsNoBackup() {
        ObjectNode spec =
                (ObjectNode) find(docs, "ScheduledBackup", "bailian-pg-nightly").get("spec");
        spec.put("suspend", true);
        assertThat(check()).anySatisfy(f -> assertThat(f.message()).contains("no ScheduledBackup"));
        spec.put("suspend", false);
        ((ObjectNode) spec.get("cluster")).put("name", "other-pg");
        assertThat(check()).anySatisfy(f -> assertThat(f.message()).contains("no ScheduledBackup"));
    }

    @Test
    void noWalArchiveNoRetentionOrInlineCredentials() {
        ObjectNode backup = (ObjectNode) find(docs, "Cluster", "bailian-pg").at("/spec/backup");
        backup.remove("retentionPolicy");
        ObjectNode store = (ObjectNode) backup.get("barmanObjectStore");
        store.remove("wal");
        ((ObjectNode) store.get("s3Credentials")).remove("accessKeyId");

        assertThat(check())
                .filteredOn(f -> f.check().equals("backup"))
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("no backup.retentionPolicy"))
                .anySatisfy(m -> assertThat(m).contains("the WAL archive is not configured"))
                .anySatisfy(m -> assertThat(m).contains("credentials are not a Secret reference"));
        ((ObjectNode) find(docs, "Cluster", "bailian-pg").get("spec")).remove("backup");
        assertThat(check())
                .anySatisfy(f -> assertThat(f.message()).contains("no backup.barmanObjectStore.destinationPath"));
    }

    @Test
    void eachBreakageIsReportedAloneAndTheFixedCopyIsClean() {
        mutateAndRestore(c -> c.put("image", "bailian/farm-service:0.0.1"), 1);
        mutateAndRestore(c -> c.remove("env"), 1); // no KAFKA_SASL_JAAS_CONFIG: the one kafka-access finding
    }

    private void mutateAndRestore(Consumer<ObjectNode> mutation, int expected) {
        ObjectNode c = container(deployment("farm-service"));
        ObjectNode original = c.deepCopy();
        mutation.accept(c);
        assertThat(check()).hasSize(expected);
        ((ArrayNode) deployment("farm-service").at("/spec/template/spec/containers")).set(0, original);
        assertThat(check()).isEmpty();
    }
}
