package cn.bailian.deploy.check;

import cn.bailian.deploy.Resource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Null-safe reading of a Deployment's pod template: which service it runs, its containers, its labels. */
final class Workloads {

    static final String NAME_LABEL = "app.kubernetes.io/name";

    private Workloads() {}

    static Deployment deployment(Resource r) {
        return r.as(Deployment.class);
    }

    static Map<String, String> podLabels(Deployment d) {
        if (d.getSpec() == null
                || d.getSpec().getTemplate() == null
                || d.getSpec().getTemplate().getMetadata() == null
                || d.getSpec().getTemplate().getMetadata().getLabels() == null) {
            return Map.of();
        }
        return d.getSpec().getTemplate().getMetadata().getLabels();
    }

    /** The Bailian service a Deployment runs, by its pods' app.kubernetes.io/name label. */
    static Optional<String> service(Deployment d) {
        return Optional.ofNullable(podLabels(d).get(NAME_LABEL));
    }

    static Optional<PodSpec> podSpec(Deployment d) {
        return Optional.ofNullable(d.getSpec()).map(s -> s.getTemplate()).map(t -> t.getSpec());
    }

    static Stream<Container> containers(Deployment d) {
        return podSpec(d).stream()
                .flatMap(s -> Stream.concat(
                        s.getInitContainers() == null ? Stream.empty() : s.getInitContainers().stream(),
                        s.getContainers() == null ? Stream.empty() : s.getContainers().stream()));
    }

    static Stream<Container> mainContainers(Deployment d) {
        return podSpec(d).stream()
                .flatMap(s -> s.getContainers() == null ? Stream.empty() : s.getContainers().stream());
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }
}
