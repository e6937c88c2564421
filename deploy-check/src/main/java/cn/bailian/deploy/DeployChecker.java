package cn.bailian.deploy;

import cn.bailian.deploy.check.BackupCheck;
import cn.bailian.deploy.check.Check;
import cn.bailian.deploy.check.ConfigMapKeyCheck;
import cn.bailian.deploy.check.ImageTagCheck;
import cn.bailian.deploy.check.KafkaAccessCheck;
import cn.bailian.deploy.check.NetworkPolicyCheck;
import cn.bailian.deploy.check.PodSecurityCheck;
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
    private final List<Check> checks;

    /** The checks of a non-production rendering (deploy/overlays/dev). */
    public DeployChecker() {
        this(false);
    }

    /** @param production also hold the rendering to production's rules (every third-party image by digest) */
    public DeployChecker(boolean production) {
        checks = List.of(
                new ProbesAndResourcesCheck(),
                new PortCheck(),
                new SelectorCheck(),
                new ConfigMapKeyCheck(),
                new SecretCheck(),
                new TopicCheck(),
                new ImageTagCheck(production),
                new KafkaAccessCheck(),
                new NetworkPolicyCheck(),
                new PodSecurityCheck(),
                new BackupCheck());
    }

    /** The checker for deploy/overlays/{@code overlay}: prod is production. */
    public static DeployChecker forOverlay(String overlay) {
        return new DeployChecker("prod".equals(overlay));
    }

    public List<Finding> check(String renderedYaml, Contract contract) {
        Manifests manifests = parser.parse(renderedYaml);
        List<Finding> findings = new ArrayList<>(manifests.parseFindings());
        for (Check check : checks) {
            findings.addAll(check.check(manifests, contract));
        }
        return findings;
    }
}
