package cn.bailian.kit.openapi;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Composes an example value for a schema from the examples of its parts: a property's own
 * {@code @Schema(example = …)} first, then the component it refers to, then a value derived from the
 * property's name and type (ids, times, amounts in fen, paging numbers). Ids are name-based UUIDs, so the
 * community in one example is the same community in every other example of every service.
 */
final class Examples {

    /** 白莲社区's local time: instants in examples carry +08:00. */
    static final String INSTANT = "2026-03-01T09:30:00+08:00";

    static final String DATE = "2026-03-01";
    static final String TIME = "09:00:00";
    private static final int MAX_DEPTH = 24;

    private final Components components;

    Examples(Components components) {
        this.components = components;
    }

    /** A stable, valid UUID for an id named {@code communityId}, {@code plotId}, … */
    static String uuid(String idName) {
        return UUID.nameUUIDFromBytes(("bailian:" + idName).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The example of a schema, or null if none can be composed. */
    Object of(Schema schema) {
        return of(schema, null, null, 0, new HashSet<>());
    }

    /**
     * @param name  the property's name (drives derived values), or null
     * @param owner the name of the component schema the property belongs to (for its {@code id})
     */
    private Object of(Schema schema, String name, String owner, int depth, Set<String> visiting) {
        if (schema == null || depth > MAX_DEPTH) {
            return null;
        }
        Object own = own(schema);
        if (own != null) {
            return own;
        }
        if (schema.getRef() != null) {
            String ref = refName(schema.getRef());
            Schema target = components == null || components.getSchemas() == null
                    ? null
                    : components.getSchemas().get(ref);
            if (target == null || !visiting.add(ref)) {
                return null;
            }
            try {
                Object derived = derivedForRef(ref, name, owner);
                return derived != null ? derived : of(target, name, ref, depth + 1, visiting);
            } finally {
                visiting.remove(ref);
            }
        }
        for (List<Schema> choice : choices(schema)) {
            if (choice != null && !choice.isEmpty()) {
                return of(choice.get(0), name, owner, depth + 1, visiting);
            }
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        Schema.SchemaType type = typeOf(schema);
        if (type == null && schema.getProperties() != null) {
            type = Schema.SchemaType.OBJECT;
        }
        if (type == null) {
            return null;
        }
        return switch (type) {
            case OBJECT -> object(schema, owner, depth, visiting);
            case ARRAY -> {
                Object item = of(schema.getItems(), singular(name), owner, depth + 1, visiting);
                yield item == null ? null : List.of(item);
            }
            case STRING -> string(schema, name, owner);
            case INTEGER -> clamp(schema, integer(name));
            case NUMBER -> clamp(schema, 1.0);
            case BOOLEAN -> Boolean.TRUE;
            case NULL -> null;
        };
    }

    private Map<String, Object> object(Schema schema, String owner, int depth, Set<String> visiting) {
        Map<String, Object> example = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((property, propertySchema) -> {
                Object value = of(propertySchema, property, owner, depth + 1, visiting);
                if (value != null) {
                    example.put(property, value);
                }
            });
        }
        Object additional = schema.getAdditionalPropertiesSchema();
        if (example.isEmpty() && additional instanceof Schema values) {
            Object value = of(values, null, owner, depth + 1, visiting);
            if (value != null) {
                example.put("白莲苑", value);
            }
        }
        return example;
    }

    /** Ids, times and dates by the component they refer to, which says more than the component's own example. */
    private static Object derivedForRef(String ref, String name, String owner) {
        return switch (ref) {
            case "UUID" -> uuid(idName(name, owner));
            case "OffsetDateTime", "Instant" -> INSTANT;
            case "LocalDate" -> "birthDate".equals(name) ? "1985-03-07" : DATE;
            case "LocalTime" -> TIME;
            default -> null;
        };
    }

    private static Object string(Schema schema, String name, String owner) {
        String format = schema.getFormat();
        if (format != null) {
            switch (format) {
                case "uuid":
                    return uuid(idName(name, owner));
                case "date-time":
                    return INSTANT;
                case "date":
                    return DATE;
                case "local-time":
                case "time":
                    return TIME;
                default:
                    break;
            }
        }
        return null;
    }

    private static Object integer(String name) {
        if (name == null) {
            return 1;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith("fen")) {
            return 20000; // ¥200.00
        }
        return switch (n) {
            case "page" -> 0;
            case "size" -> 20;
            case "version" -> 1;
            default -> 1;
        };
    }

    private static Object clamp(Schema schema, Object value) {
        double v = ((Number) value).doubleValue();
        if (schema.getMinimum() != null && v < schema.getMinimum().doubleValue()) {
            v = schema.getMinimum().doubleValue();
        }
        if (schema.getMaximum() != null && v > schema.getMaximum().doubleValue()) {
            v = schema.getMaximum().doubleValue();
        }
        return value instanceof Integer && v == Math.rint(v) ? (Object) (int) v : (Object) v;
    }

    /** The example an author gave the schema itself. */
    private static Object own(Schema schema) {
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        return schema.getExample();
    }

    private static List<List<Schema>> choices(Schema schema) {
        List<List<Schema>> choices = new ArrayList<>();
        choices.add(schema.getAllOf());
        choices.add(schema.getOneOf());
        choices.add(schema.getAnyOf());
        return choices;
    }

    private static Schema.SchemaType typeOf(Schema schema) {
        List<Schema.SchemaType> types = schema.getType();
        if (types == null) {
            return null;
        }
        return types.stream()
                .filter(t -> t != Schema.SchemaType.NULL)
                .findFirst()
                .orElse(null);
    }

    /** {@code id} of a {@code ClaimView} is a {@code claimId}; other ids are named by their property. */
    static String idName(String name, String owner) {
        if (name == null) {
            return owner == null ? "id" : owner;
        }
        if (name.equals("id") && owner != null) {
            String base = owner.replaceFirst("(View|Row|Result)$", "");
            return Character.toLowerCase(base.charAt(0)) + base.substring(1) + "Id";
        }
        return name;
    }

    private static String singular(String name) {
        if (name == null) {
            return null;
        }
        if (name.endsWith("Ids")) {
            return name.substring(0, name.length() - 1);
        }
        return name;
    }

    static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
