package cn.bailian.resident.support;

import cn.bailian.kit.problem.ProblemException;

import java.util.Arrays;
import java.util.UUID;

/**
 * Query parameters read as text and converted here, so a bad value is a 400 naming the parameter rather
 * than the 404 JAX-RS answers for a query parameter it cannot convert (as the kit's PageRequest does).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static UUID requiredUuid(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(name, "NotNull", "must not be null");
        }
        return uuid(name, value);
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "WrongType", "expected a UUID");
        }
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "WrongType", "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
