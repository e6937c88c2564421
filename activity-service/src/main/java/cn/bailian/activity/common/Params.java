package cn.bailian.activity.common;

import cn.bailian.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Query parameters read as text and checked here, so a malformed one is a 400 naming it rather than the
 * 404 JAX-RS gives a query parameter it cannot convert (as the kit's PageRequest does for paging).
 */
public final class Params {

    private Params() {
    }

    public static UUID uuid(String name, String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                throw ProblemException.invalidField(name, "NotNull", "must not be null");
            }
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "WrongType", "expected a UUID");
        }
    }

    public static Integer integer(String name, String raw, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw.trim());
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
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "WrongType", "expected a date (YYYY-MM-DD)");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "WrongType", "expected one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
