package cn.bailian.deploy.check;

import cn.bailian.deploy.Contract;
import cn.bailian.deploy.Finding;
import cn.bailian.deploy.Manifests;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.List;

/**
 * Every container of a service runs bailian/&lt;service&gt;:&lt;project version&gt;, the image that
 * {@code mvn package} and the service's Dockerfile.jvm build from this commit.
 */
public final class ImageTagCheck implements Check {

    static final String NAME = "image";

    @Override
    public List<Finding> check(Manifests manifests, Contract contract) {
        List<Finding> findings = new ArrayList<>();
        manifests.ofKind(Deployment.class).forEach(r -> {
            Deployment d = r.as(Deployment.class);
            String service = Workloads.service(d).orElse("?");
            String expected = "bailian/" + service + ":" + contract.projectVersion();
            Workloads.containers(d).forEach(c -> {
                if (!expected.equals(c.getImage())) {
                    findings.add(new Finding(NAME, r.id() + " container " + c.getName(), "image " + c.getImage()
                            + ", expected " + expected + " (the root pom's version)"));
                }
            });
        });
        return findings;
    }
}
