package cn.bailian.deploy.check;

import cn.bailian.deploy.Contract;
import cn.bailian.deploy.Finding;
import cn.bailian.deploy.Manifests;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.ArrayList;
import java.util.List;

/**
 * No secret value is committed: a Secret with data or stringData in deploy/ is a finding. Secrets are
 * referenced by name and created in the cluster (deploy/README.md says which and how).
 */
public final class SecretCheck implements Check {

    static final String NAME = "secret";

    @Override
    public List<Finding> check(Manifests manifests, Contract contract) {
        List<Finding> findings = new ArrayList<>();
        manifests.ofKind(Secret.class).forEach(r -> {
            Secret s = r.as(Secret.class);
            boolean data = s.getData() != null && !s.getData().isEmpty();
            boolean stringData = s.getStringData() != null && !s.getStringData().isEmpty();
            if (data || stringData) {
                findings.add(new Finding(
                        NAME,
                        r.id(),
                        "carries " + (data ? "data" : "stringData")
                                + " in the repository; reference a Secret created in the cluster instead"));
            }
        });
        return findings;
    }
}
