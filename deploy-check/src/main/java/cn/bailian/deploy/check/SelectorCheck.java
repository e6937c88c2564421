package cn.bailian.deploy.check;

import cn.bailian.deploy.Contract;
import cn.bailian.deploy.Finding;
import cn.bailian.deploy.Manifests;
import cn.bailian.deploy.Resource;
import cn.bailian.deploy.crd.ServiceMonitor;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every Service selects the pods of some Deployment in its namespace, and its target ports exist on them;
 * every ServiceMonitor selects some Service and scrapes one of its named ports.
 */
public final class SelectorCheck implements Check {

    static final String NAME = "selector";

    @Override
    public List<Finding> check(Manifests manifests, Contract contract) {
        List<Finding> findings = new ArrayList<>();
        List<Resource> deployments = manifests.ofKind(Deployment.class).toList();
        List<Resource> services = manifests.ofKind(Service.class).toList();
        for (Resource r : services) {
            Service s = r.as(Service.class);
            Map<String, String> selector =
                    s.getSpec() == null ? null : s.getSpec().getSelector();
            List<Deployment> selected = deployments.stream()
                    .filter(d -> Objects.equals(d.namespace(), r.namespace()))
                    .map(d -> d.as(Deployment.class))
                    .filter(d -> Workloads.selects(selector, Workloads.podLabels(d)))
                    .toList();
            if (selected.isEmpty()) {
                findings.add(new Finding(NAME, r.id(), "selector " + selector + " selects no Deployment's pods"));
                continue;
            }
            for (ServicePort port : s.getSpec().getPorts() == null
                    ? List.<ServicePort>of()
                    : s.getSpec().getPorts()) {
                var target = port.getTargetPort() != null
                        ? port.getTargetPort()
                        : new io.fabric8.kubernetes.api.model.IntOrString(port.getPort());
                for (Deployment d : selected) {
                    boolean found = Workloads.mainContainers(d).anyMatch(c -> PortCheck.resolve(target, c) != null);
                    if (!found) {
                        findings.add(new Finding(
                                NAME,
                                r.id(),
                                "port " + port.getName() + " targets " + target.getValue()
                                        + ", which no container of Deployment "
                                        + d.getMetadata().getName() + " declares"));
                    }
                }
            }
        }
        manifests.ofKind(ServiceMonitor.class).forEach(r -> {
            ServiceMonitor m = r.as(ServiceMonitor.class);
            Map<String, String> selector = m.spec() == null || m.spec().selector() == null
                    ? null
                    : m.spec().selector().getMatchLabels();
            List<Service> selected = services.stream()
                    .filter(s -> Objects.equals(s.namespace(), r.namespace()))
                    .map(s -> s.as(Service.class))
                    .filter(s -> Workloads.selects(
                            selector,
                            s.getMetadata().getLabels() == null
                                    ? Map.of()
                                    : s.getMetadata().getLabels()))
                    .toList();
            if (selected.isEmpty()) {
                findings.add(new Finding(
                        NAME, r.id(), "selector " + selector + " selects no Service (by the Service's labels)"));
                return;
            }
            for (ServiceMonitor.Endpoint e : m.spec().endpoints() == null
                    ? List.<ServiceMonitor.Endpoint>of()
                    : m.spec().endpoints()) {
                boolean named = selected.stream()
                        .allMatch(s ->
                                s.getSpec().getPorts().stream().anyMatch(p -> Objects.equals(p.getName(), e.port())));
                if (!named) {
                    findings.add(new Finding(
                            NAME,
                            r.id(),
                            "endpoint port '" + e.port() + "' is not a port name of the selected Service"));
                }
            }
        });
        return findings;
    }
}
