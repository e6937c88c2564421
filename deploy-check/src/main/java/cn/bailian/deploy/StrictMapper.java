package cn.bailian.deploy;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML mapper that refuses what it does not know. fabric8's models catch every unknown field in an
 * "additionalProperties" map (a {@code @JsonAnySetter}), which would let {@code readinesProbe:} pass
 * silently; this mapper ignores those any-setters, so an unknown field fails as Jackson's
 * FAIL_ON_UNKNOWN_PROPERTIES intends.
 */
final class StrictMapper {

    private StrictMapper() {}

    static YAMLMapper create() {
        return YAMLMapper.builder()
                .annotationIntrospector(new NoAnySetter())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    private static final class NoAnySetter extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(MapperConfig<?> config, Annotated a) {
            return Boolean.FALSE;
        }
    }
}
