package cn.bailian.deploy;

import java.util.List;
import java.util.stream.Stream;

/** The typed objects of one rendering, and what could not be read into a type. */
public record Manifests(List<Resource> resources, List<Finding> parseFindings) {

    public <T> Stream<T> all(Class<T> type) {
        return resources.stream().filter(r -> type.isInstance(r.model())).map(r -> type.cast(r.model()));
    }

    public Stream<Resource> ofKind(Class<?> type) {
        return resources.stream().filter(r -> type.isInstance(r.model()));
    }
}
