package cn.bailian.deploy.crd;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.util.List;

/** Prometheus operator {@code monitoring.coreos.com/v1 ServiceMonitor}. */
public record ServiceMonitor(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(LabelSelector selector, List<Endpoint> endpoints, Object namespaceSelector, String jobLabel) {}

    public record Endpoint(
            String port, String path, String interval, String scrapeTimeout, String scheme, Boolean honorLabels) {}
}
