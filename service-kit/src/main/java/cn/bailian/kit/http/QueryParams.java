package cn.bailian.kit.http;

import cn.bailian.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Query parameters read as text and converted here, so a malformed one is a 400 naming it rather than the
 * 404 JAX-RS gives a query parameter it cannot convert (as {@code PageRequest} does for paging).
 */
public final class QueryParams {

    private QueryParams() {}

    public static UUID requiredUuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalidField(name, "NotNull", "must not be null");
        }
        return uuid(name, raw);
    }

    public static UUID uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "WrongType", "expected a UUID");
        }
    }

    public static Integer integer(String name, String raw, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalidField(name, "Range", "must be an integer from " + min + " to " + max);
    }

    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "WrongType", "expected a date (YYYY-MM-DD)");
        }
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    name, "WrongType", "expected one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
