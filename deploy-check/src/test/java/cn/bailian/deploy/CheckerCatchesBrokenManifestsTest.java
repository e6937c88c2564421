package cn.bailian.deploy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;

import static cn.bailian.deploy.TestProject.container;
import static cn.bailian.deploy.TestProject.find;
import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(checker.check(TestProject.rendered(overlay), contract)).isEmpty();
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

        assertThat(check()).anySatisfy(f -> assertThat(f.message()).contains("unknown kind autoscaling/v1/HorizontalPodAutoscaler"));
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

        assertThat(check()).extracting(Finding::message).contains("no resources.limits.cpu", "no resources.limits.memory");
    }

    @Test
    void missingMemoryRequest() {
        ((ObjectNode) container(deployment("fund-service")).at("/resources/requests")).remove("memory");

        assertThat(check()).extracting(Finding::message).containsExactly("no resources.requests.memory");
    }

    @Test
    void probeOnTheWrongPath() {
        ((ObjectNode) container(deployment("resident-service")).at("/readinessProbe/httpGet")).put("path", "/health/ready");

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

        assertThat(check()).anySatisfy(f -> assertThat(f.message()).contains("probe /q/health/started on port 8080", "8082"));
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
        ObjectNode platform = TestProject.firstOfKind(docs.stream()
                .filter(d -> d.at("/metadata/name").asString().startsWith("platform-")).toList(), "ConfigMap");
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
            assertThat(f.message()).contains("farm-service publishes to bailian.farm.events", "no KafkaTopic declares it");
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

    @Test
    void imageTagThatIsNotTheProjectVersion() {
        container(deployment("resident-service")).put("image", "bailian/resident-service:latest");

        assertThat(check()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("image");
            assertThat(f.message()).contains("bailian/resident-service:latest",
                    "expected bailian/resident-service:" + contract.projectVersion());
        });
    }

    @Test
    void eachBreakageIsReportedAloneAndTheFixedCopyIsClean() {
        mutateAndRestore(c -> c.put("image", "bailian/farm-service:0.0.1"), 1);
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
