package cn.bailian.deploy.check;

import cn.bailian.deploy.Contract;
import cn.bailian.deploy.Finding;
import cn.bailian.deploy.Manifests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every container of a Deployment has the three probes on Quarkus' health endpoints, and CPU and memory
 * requests and limits (without them the HPA cannot compute utilisation and the scheduler guesses).
 */
public final class ProbesAndResourcesCheck implements Check {

    static final String NAME = "probes-resources";

    private record ProbeKind(String field, String path, Function<Container, Probe> get) {}

    private static final List<ProbeKind> PROBES = List.of(
            new ProbeKind("startupProbe", "/q/health/started", Container::getStartupProbe),
            new ProbeKind("readinessProbe", "/q/health/ready", Container::getReadinessProbe),
            new ProbeKind("livenessProbe", "/q/health/live", Container::getLivenessProbe));

    @Override
    public List<Finding> check(Manifests manifests, Contract contract) {
        List<Finding> findings = new ArrayList<>();
        manifests
                .ofKind(Deployment.class)
                .forEach(r -> Workloads.mainContainers(r.as(Deployment.class)).forEach(c -> {
                    String where = r.id() + " container " + c.getName();
                    for (ProbeKind kind : PROBES) {
                        Probe probe = kind.get().apply(c);
                        if (probe == null) {
                            findings.add(new Finding(NAME, where, "no " + kind.field()));
                        } else if (probe.getHttpGet() == null) {
                            findings.add(
                                    new Finding(NAME, where, kind.field() + " is not an HTTP GET of " + kind.path()));
                        } else if (!kind.path().equals(probe.getHttpGet().getPath())) {
                            findings.add(new Finding(
                                    NAME,
                                    where,
                                    kind.field() + " path " + probe.getHttpGet().getPath()
                                            + ", the service answers it on " + kind.path()));
                        }
                    }
                    ResourceRequirements res = c.getResources();
                    requireBoth(findings, where, "requests", res == null ? null : res.getRequests());
                    requireBoth(findings, where, "limits", res == null ? null : res.getLimits());
                }));
        return findings;
    }

    private static void requireBoth(List<Finding> findings, String where, String field, Map<String, Quantity> values) {
        for (String resource : List.of("cpu", "memory")) {
            if (values == null || values.get(resource) == null) {
                findings.add(new Finding(NAME, where, "no resources." + field + "." + resource));
            }
        }
    }
}
