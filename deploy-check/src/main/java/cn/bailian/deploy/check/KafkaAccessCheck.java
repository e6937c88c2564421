package cn.bailian.deploy.check;

import cn.bailian.deploy.Contract;
import cn.bailian.deploy.Finding;
import cn.bailian.deploy.Manifests;
import cn.bailian.deploy.Resource;
import cn.bailian.deploy.ServiceConfig;
import cn.bailian.deploy.crd.KafkaCluster;
import cn.bailian.deploy.crd.KafkaUser;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kafka is closed: every listener of the Kafka cluster authenticates its clients over TLS and the cluster enforces
 * ACLs (authorization simple). Each service has exactly one KafkaUser, named as the service, whose ACLs allow
 * exactly: writing its own topic (bailian.events.topic), reading the topics it consumes (its AsyncAPI document's
 * receive operations) and its consumer group; literal names only, nothing on the cluster, no other topic or group.
 * Each service's pods take their SASL credentials from their own KafkaUser's Secret.
 */
public final class KafkaAccessCheck implements Check {

    static final String NAME = "kafka-access";
    static final String JAAS_VARIABLE = "KAFKA_SASL_JAAS_CONFIG";
    private static final Set<String> WRITE = Set.of("write", "describe");
    private static final Set<String> READ = Set.of("read", "describe");

    @Override
    public List<Finding> check(Manifests manifests, Contract contract) {
        List<Finding> findings = new ArrayList<>();
        manifests.ofKind(KafkaCluster.class).forEach(r -> checkCluster(r, r.as(KafkaCluster.class), findings));

        Map<String, Resource> users = new HashMap<>();
        manifests.ofKind(KafkaUser.class).forEach(r -> {
            if (contract.service(r.name()).isEmpty()) {
                findings.add(new Finding(
                        NAME,
                        r.id(),
                        "is no service's identity (KafkaUsers are named as the services: "
                                + contract.services().keySet().stream().sorted().toList() + ")"));
            } else if (users.put(r.name(), r) != null) {
                findings.add(new Finding(NAME, r.id(), "declared twice"));
            }
        });
        for (ServiceConfig service : contract.services().values()) {
            Resource user = users.get(service.name());
            if (user == null) {
                findings.add(new Finding(
                        NAME,
                        "KafkaUser " + service.name(),
                        service.name() + " has no KafkaUser: it could not connect to an authenticating listener"));
                continue;
            }
            checkUser(user, user.as(KafkaUser.class), service, findings);
        }
        manifests
                .ofKind(Deployment.class)
                .forEach(r -> checkCredentials(r, r.as(Deployment.class), contract, findings));
        return findings;
    }

    private static void checkCluster(Resource r, KafkaCluster kafka, List<Finding> findings) {
        KafkaCluster.Kafka spec = kafka.spec() == null ? null : kafka.spec().kafka();
        if (spec == null
                || spec.authorization() == null
                || !"simple".equals(spec.authorization().type())) {
            findings.add(new Finding(NAME, r.id(), "no authorization: simple, so the brokers enforce no ACL"));
        }
        List<KafkaCluster.Listener> listeners = spec == null || spec.listeners() == null ? List.of() : spec.listeners();
        for (KafkaCluster.Listener l : listeners) {
            if (!Boolean.TRUE.equals(l.tls())) {
                findings.add(new Finding(NAME, r.id(), "listener " + l.name() + " is not TLS"));
            }
            String auth = l.authentication() == null ? null : l.authentication().type();
            if (!"scram-sha-512".equals(auth) && !"tls".equals(auth)) {
                findings.add(new Finding(
                        NAME,
                        r.id(),
                        "listener " + l.name() + " does not authenticate its clients"
                                + " (authentication scram-sha-512 or tls)"));
            }
        }
    }

    private static void checkUser(Resource r, KafkaUser user, ServiceConfig service, List<Finding> findings) {
        KafkaUser.Spec spec = user.spec();
        String auth = spec == null || spec.authentication() == null
                ? null
                : spec.authentication().type();
        if (!"scram-sha-512".equals(auth) && !"tls".equals(auth)) {
            findings.add(new Finding(NAME, r.id(), "authentication " + auth + ", expected scram-sha-512 or tls"));
        }
        if (spec == null
                || spec.authorization() == null
                || !"simple".equals(spec.authorization().type())) {
            findings.add(new Finding(NAME, r.id(), "no authorization: simple with the service's ACLs"));
            return;
        }
        // what it may do, by resource: the expected operations (lower case) and the ones the ACLs grant
        Map<String, Set<String>> expected = new HashMap<>();
        expected.put("topic " + service.topic(), WRITE);
        service.consumes().forEach(t -> expected.put("topic " + t, READ));
        if (!service.consumes().isEmpty()) {
            expected.put("group " + service.consumerGroup(), READ);
        }
        Map<String, Set<String>> granted = new HashMap<>();
        for (KafkaUser.Acl acl : spec.authorization().acls() == null
                ? List.<KafkaUser.Acl>of()
                : spec.authorization().acls()) {
            KafkaUser.Resource res = acl.resource();
            if (res == null) {
                findings.add(new Finding(NAME, r.id(), "an ACL without a resource"));
                continue;
            }
            if ("deny".equalsIgnoreCase(acl.type())) {
                continue; // a deny only narrows
            }
            String key = res.type() + " " + res.name();
            if (!"literal".equals(Optional.ofNullable(res.patternType()).orElse("literal")) || "*".equals(res.name())) {
                findings.add(
                        new Finding(
                                NAME,
                                r.id(),
                                "ACL on " + key + " (" + res.patternType()
                                        + "): only literal topic and group names, so the rights cannot reach another service's"));
                continue;
            }
            List<String> ops = new ArrayList<>(acl.operations() == null ? List.of() : acl.operations());
            if (acl.operation() != null) {
                ops.add(acl.operation());
            }
            ops.forEach(o -> granted.computeIfAbsent(key, k -> new TreeSet<>()).add(o.toLowerCase(Locale.ROOT)));
        }
        granted.forEach((key, ops) -> {
            Set<String> allowed = expected.get(key);
            if (allowed == null) {
                findings.add(new Finding(
                        NAME,
                        r.id(),
                        "may " + ops + " " + key + ", which " + service.name() + " neither publishes to nor consumes"));
            } else if (!allowed.containsAll(ops)) {
                Set<String> extra = new TreeSet<>(ops);
                extra.removeAll(allowed);
                findings.add(new Finding(
                        NAME,
                        r.id(),
                        "may " + extra + " " + key + "; " + service.name() + " needs only " + new TreeSet<>(allowed)));
            }
        });
        expected.forEach((key, allowed) -> {
            String needed = allowed == WRITE ? "write" : "read";
            if (!granted.getOrDefault(key, Set.of()).contains(needed)) {
                findings.add(new Finding(
                        NAME,
                        r.id(),
                        "may not " + needed + " " + key + ", which " + service.name()
                                + (allowed == WRITE
                                        ? " publishes to"
                                        : key.startsWith("group") ? " consumes as" : " consumes")));
            }
        });
    }

    private static void checkCredentials(Resource r, Deployment d, Contract contract, List<Finding> findings) {
        Optional<ServiceConfig> service = contract.service(Workloads.service(d).orElse(null));
        if (service.isEmpty()) {
            return; // PortCheck reports a Deployment of no known service
        }
        Workloads.mainContainers(d).forEach(c -> {
            Optional<EnvVar> jaas = (c.getEnv() == null ? List.<EnvVar>of() : c.getEnv())
                    .stream().filter(e -> JAAS_VARIABLE.equals(e.getName())).findFirst();
            var ref =
                    jaas.map(EnvVar::getValueFrom).map(v -> v.getSecretKeyRef()).orElse(null);
            if (ref == null
                    || !Objects.equals(ref.getName(), service.get().name())
                    || !"sasl.jaas.config".equals(ref.getKey())) {
                findings.add(new Finding(
                        NAME,
                        r.id() + " container " + c.getName(),
                        JAAS_VARIABLE + " must come from Secret "
                                + service.get().name() + " key sasl.jaas.config (its KafkaUser's credentials)"));
            }
        });
    }
}
