package cn.bailian.deploy.check;

import cn.bailian.deploy.Contract;
import cn.bailian.deploy.Finding;
import cn.bailian.deploy.Manifests;
import io.fabric8.kubernetes.api.model.Namespace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pod Security Admission enforces the restricted profile on every namespace the rendering creates, so the API
 * server refuses a pod that runs as root, escalates privileges or keeps capabilities, whoever creates it.
 */
public final class PodSecurityCheck implements Check {

    static final String NAME = "pod-security";
    static final String ENFORCE = "pod-security.kubernetes.io/enforce";

    @Override
    public List<Finding> check(Manifests manifests, Contract contract) {
        List<Finding> findings = new ArrayList<>();
        if (manifests.ofKind(Namespace.class).findAny().isEmpty()) {
            findings.add(new Finding(NAME, "(rendering)", "no Namespace: nothing carries the Pod Security labels"));
        }
        manifests.ofKind(Namespace.class).forEach(r -> {
            Map<String, String> labels = r.as(Namespace.class).getMetadata().getLabels();
            String level = labels == null ? null : labels.get(ENFORCE);
            if (!"restricted".equals(level)) {
                findings.add(new Finding(NAME, r.id(), ENFORCE + " is " + level + ", expected restricted"));
            }
        });
        return findings;
    }
}
