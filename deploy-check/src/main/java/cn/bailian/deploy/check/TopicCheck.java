package cn.bailian.deploy.check;

import cn.bailian.deploy.Contract;
import cn.bailian.deploy.Finding;
import cn.bailian.deploy.Manifests;
import cn.bailian.deploy.ServiceConfig;
import cn.bailian.deploy.crd.KafkaTopic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The topics the services publish to (bailian.events.topic) and the KafkaTopics are the same set: the
 * brokers do not auto-create topics, so a missing one stops a service's events, and an extra one is
 * a topic nobody writes.
 */
public final class TopicCheck implements Check {

    static final String NAME = "topics";

    @Override
    public List<Finding> check(Manifests manifests, Contract contract) {
        List<Finding> findings = new ArrayList<>();
        Set<String> declared =
                manifests.all(KafkaTopic.class).map(KafkaTopic::topic).collect(Collectors.toCollection(TreeSet::new));
        Set<String> configured = new TreeSet<>();
        for (ServiceConfig s : contract.services().values()) {
            configured.add(s.topic());
            if (!declared.contains(s.topic())) {
                findings.add(new Finding(
                        NAME,
                        "KafkaTopic " + s.topic(),
                        s.name() + " publishes to " + s.topic()
                                + " (bailian.events.topic) but no KafkaTopic declares it"));
            }
        }
        declared.stream()
                .filter(t -> !configured.contains(t))
                .forEach(t -> findings.add(
                        new Finding(NAME, "KafkaTopic " + t, "no service's bailian.events.topic names it")));
        return findings;
    }
}
