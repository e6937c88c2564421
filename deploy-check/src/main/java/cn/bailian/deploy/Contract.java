package cn.bailian.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Everything the manifests are held against: each service's configuration and the project's version. */
public record Contract(Map<String, ServiceConfig> services, String projectVersion) {

    public static final List<String> SERVICES =
            List.of("resident-service", "farm-service", "activity-service", "fund-service");
    static final String KIT_PROPERTIES = "service-kit/src/main/resources/META-INF/microprofile-config.properties";

    /**
     * The contract as the project states it: the services' application.properties and AsyncAPI documents, the kit's
     * defaults, the root pom.
     */
    public static Contract of(Path projectRoot) {
        return of(
                projectRoot,
                s -> projectRoot.resolve(s).resolve("src/main/resources/application.properties"),
                s -> projectRoot.resolve(s).resolve("asyncapi/asyncapi.yaml"));
    }

    /** The same, with each service's application.properties and AsyncAPI document taken from where the functions say. */
    public static Contract of(Path projectRoot, Function<String, Path> appProperties, Function<String, Path> asyncApi) {
        Path kit = projectRoot.resolve(KIT_PROPERTIES);
        Map<String, ServiceConfig> services = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String s : SERVICES) {
            try {
                services.put(s, ServiceConfig.read(s, appProperties.apply(s), kit, asyncApi.apply(s)));
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "cannot check deploy/ against the services' configuration:\n  " + String.join("\n  ", problems));
        }
        return new Contract(Map.copyOf(services), ProjectVersion.read(projectRoot.resolve("pom.xml")));
    }

    public Optional<ServiceConfig> service(String name) {
        return Optional.ofNullable(name).map(services::get);
    }
}
