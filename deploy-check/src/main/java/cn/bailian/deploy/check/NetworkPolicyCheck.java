package cn.bailian.deploy.check;

import cn.bailian.deploy.Contract;
import cn.bailian.deploy.Finding;
import cn.bailian.deploy.Manifests;
import cn.bailian.deploy.Resource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Least network: each namespace of the rendering has a default-deny NetworkPolicy (every pod, ingress and egress,
 * no rule), so only what a policy names is reachable; and no egress rule opens the world: none without a
 * destination ({@code to} missing or empty: every address) and no ipBlock of 0.0.0.0/0 or ::/0.
 */
public final class NetworkPolicyCheck implements Check {

    static final String NAME = "network";
    private static final Set<String> EVERYWHERE = Set.of("0.0.0.0/0", "::/0");

    @Override
    public List<Finding> check(Manifests manifests, Contract contract) {
        List<Finding> findings = new ArrayList<>();
        manifests.ofKind(Namespace.class).forEach(ns -> {
            boolean denied = manifests
                    .ofKind(NetworkPolicy.class)
                    .filter(p -> Objects.equals(p.namespace(), ns.name()))
                    .anyMatch(p -> isDefaultDeny(p.as(NetworkPolicy.class)));
            if (!denied) {
                findings.add(new Finding(
                        NAME,
                        ns.id(),
                        "no default-deny NetworkPolicy (podSelector {}, policyTypes"
                                + " Ingress and Egress, no rules): every pod not named by a policy is open"));
            }
        });
        manifests.ofKind(NetworkPolicy.class).forEach(r -> checkEgress(r, r.as(NetworkPolicy.class), findings));
        return findings;
    }

    static boolean isDefaultDeny(NetworkPolicy p) {
        if (p.getSpec() == null) {
            return false;
        }
        LabelSelector selector = p.getSpec().getPodSelector();
        boolean everyPod = selector != null
                && (selector.getMatchLabels() == null
                        || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null
                        || selector.getMatchExpressions().isEmpty());
        List<String> types =
                p.getSpec().getPolicyTypes() == null ? List.of() : p.getSpec().getPolicyTypes();
        boolean noRules = (p.getSpec().getIngress() == null
                        || p.getSpec().getIngress().isEmpty())
                && (p.getSpec().getEgress() == null || p.getSpec().getEgress().isEmpty());
        return everyPod && types.contains("Ingress") && types.contains("Egress") && noRules;
    }

    private static void checkEgress(Resource r, NetworkPolicy p, List<Finding> findings) {
        List<NetworkPolicyEgressRule> rules = p.getSpec() == null || p.getSpec().getEgress() == null
                ? List.of()
                : p.getSpec().getEgress();
        for (int i = 0; i < rules.size(); i++) {
            List<NetworkPolicyPeer> to = rules.get(i).getTo();
            if (to == null || to.isEmpty()) {
                findings.add(new Finding(
                        NAME,
                        r.id(),
                        "egress rule " + i + " has no destination: it allows every address"
                                + " (name the pods, or an ipBlock the operator fills in)"));
                continue;
            }
            for (NetworkPolicyPeer peer : to) {
                if (peer.getIpBlock() != null
                        && EVERYWHERE.contains(peer.getIpBlock().getCidr())) {
                    findings.add(new Finding(
                            NAME,
                            r.id(),
                            "egress rule " + i + " allows " + peer.getIpBlock().getCidr() + ": every address"));
                }
            }
        }
    }
}
