package cn.bailian.deploy.check;

import cn.bailian.deploy.Contract;
import cn.bailian.deploy.Finding;
import cn.bailian.deploy.Manifests;
import cn.bailian.deploy.ServiceConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Each Deployment runs a known service, its container listens on that service's quarkus.http.port, and
 * every probe aims at that port (by number or by the port's name).
 */
public final class PortCheck implements Check {

    static final String NAME = "port";

    @Override
    public List<Finding> check(Manifests manifests, Contract contract) {
        List<Finding> findings = new ArrayList<>();
        manifests.ofKind(Deployment.class).forEach(r -> {
            Deployment d = r.as(Deployment.class);
            Optional<ServiceConfig> config =
                    contract.service(Workloads.service(d).orElse(null));
            if (config.isEmpty()) {
                findings.add(new Finding(
                        NAME,
                        r.id(),
                        "its pods' label " + Workloads.NAME_LABEL + "="
                                + Workloads.service(d).orElse("(none)") + " names none of " + Contract.SERVICES));
                return;
            }
            int port = config.get().port();
            Workloads.mainContainers(d).forEach(c -> {
                String where = r.id() + " container " + c.getName();
                List<ContainerPort> ports = c.getPorts() == null ? List.of() : c.getPorts();
                if (ports.stream().noneMatch(p -> Objects.equals(p.getContainerPort(), port))) {
                    findings.add(new Finding(
                            NAME,
                            where,
                            "exposes "
                                    + ports.stream()
                                            .map(ContainerPort::getContainerPort)
                                            .toList() + " but " + config.get().name() + " listens on quarkus.http.port="
                                    + port));
                }
                Stream.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())
                        .filter(p -> p != null && p.getHttpGet() != null)
                        .forEach(p -> {
                            Integer target = resolve(p.getHttpGet().getPort(), c);
                            if (!Objects.equals(target, port)) {
                                findings.add(new Finding(
                                        NAME,
                                        where,
                                        "probe " + p.getHttpGet().getPath() + " on port " + describe(p)
                                                + ", not on quarkus.http.port=" + port));
                            }
                        });
            });
        });
        return findings;
    }

    /** A port given by number, or by the name of one of the container's ports; null when it names none. */
    static Integer resolve(IntOrString port, Container c) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return c.getPorts() == null
                ? null
                : c.getPorts().stream()
                        .filter(p -> port.getStrVal().equals(p.getName()))
                        .map(ContainerPort::getContainerPort)
                        .findFirst()
                        .orElse(null);
    }

    private static String describe(Probe p) {
        IntOrString port = p.getHttpGet().getPort();
        return port == null
                ? "(none)"
                : port.getIntVal() != null ? port.getIntVal().toString() : "'" + port.getStrVal() + "'";
    }
}
