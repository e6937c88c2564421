package cn.bailian.deploy;

import cn.bailian.deploy.check.Check;
import cn.bailian.deploy.check.ConfigMapKeyCheck;
import cn.bailian.deploy.check.ImageTagCheck;
import cn.bailian.deploy.check.PortCheck;
import cn.bailian.deploy.check.ProbesAndResourcesCheck;
import cn.bailian.deploy.check.SecretCheck;
import cn.bailian.deploy.check.SelectorCheck;
import cn.bailian.deploy.check.TopicCheck;

import java.util.ArrayList;
import java.util.List;

/** Parses a rendering strictly and runs every check on it against the contract. */
public final class DeployChecker {

    private final ManifestParser parser = new ManifestParser();
    private final List<Check> checks = List.of(
            new ProbesAndResourcesCheck(),
            new PortCheck(),
            new SelectorCheck(),
            new ConfigMapKeyCheck(),
            new SecretCheck(),
            new TopicCheck(),
            new ImageTagCheck());

    public List<Finding> check(String renderedYaml, Contract contract) {
        Manifests manifests = parser.parse(renderedYaml);
        List<Finding> findings = new ArrayList<>(manifests.parseFindings());
        for (Check check : checks) {
            findings.addAll(check.check(manifests, contract));
        }
        return findings;
    }
}
