package cn.bailian.deploy.check;

import cn.bailian.deploy.Contract;
import cn.bailian.deploy.Finding;
import cn.bailian.deploy.Manifests;
import cn.bailian.deploy.Resource;
import cn.bailian.deploy.ServiceConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every key of a ConfigMap a service loads into its environment is a variable that service reads (a
 * property of its own or of the kit, or a ${VAR} they reference); a misspelt key would otherwise be
 * ignored silently and the default used. ConfigMaps no Deployment loads, and loads of missing ones,
 * are findings too.
 */
public final class ConfigMapKeyCheck implements Check {

    static final String NAME = "configmap-keys";

    @Override
    public List<Finding> check(Manifests manifests, Contract contract) {
        List<Finding> findings = new ArrayList<>();
        Set<String> used = new HashSet<>();
        manifests.ofKind(Deployment.class).forEach(r -> {
            Deployment d = r.as(Deployment.class);
            Optional<ServiceConfig> config =
                    contract.service(Workloads.service(d).orElse(null));
            Workloads.containers(d).forEach(c -> {
                for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
                    if (from.getConfigMapRef() == null) {
                        continue;
                    }
                    String name = from.getConfigMapRef().getName();
                    used.add(r.namespace() + "/" + name);
                    Optional<Resource> cm = manifests
                            .ofKind(ConfigMap.class)
                            .filter(m -> Objects.equals(m.namespace(), r.namespace())
                                    && m.name().equals(name))
                            .findFirst();
                    if (cm.isEmpty()) {
                        if (!Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
                            findings.add(new Finding(
                                    NAME, r.id(), "loads ConfigMap " + name + ", which is not in the manifests"));
                        }
                        continue;
                    }
                    if (config.isEmpty()) {
                        continue; // PortCheck reports a Deployment of no known service
                    }
                    String prefix = from.getPrefix() == null ? "" : from.getPrefix();
                    Map<String, String> data = cm.get().as(ConfigMap.class).getData();
                    for (String key : data == null ? Set.<String>of() : new TreeSet<>(data.keySet())) {
                        if (!config.get().readsEnv().contains(prefix + key)) {
                            findings.add(new Finding(
                                    NAME,
                                    cm.get().id(),
                                    "key " + prefix + key + " is read by no property of "
                                            + config.get().name() + " or the service kit (loaded by " + r.id() + ")"));
                        }
                    }
                }
            });
        });
        manifests
                .ofKind(ConfigMap.class)
                .filter(m -> !used.contains(m.namespace() + "/" + m.name()))
                .forEach(m -> findings.add(new Finding(NAME, m.id(), "no Deployment loads it")));
        return findings;
    }
}
