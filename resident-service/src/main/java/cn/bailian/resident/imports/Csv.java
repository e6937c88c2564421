package cn.bailian.resident.imports;

import cn.bailian.kit.problem.FieldError;
import cn.bailian.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * RFC 4180 CSV: comma separated, double quotes around fields that hold commas, quotes or line breaks; and what every
 * import of the register does with it: the header checked, the data rows counted, each cell parsed with its error named
 * by row and column ("row 3: phone", the header is row 1), the whole file refused with one problem listing them all.
 */
final class Csv {

    private Csv() {}

    /** The records of the text; a quoted field may span lines. Blank lines are skipped. */
    static List<List<String>> parse(String text) throws IllegalArgumentException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, record, field, fieldStarted);
                record = new ArrayList<>();
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        endRecord(records, record, field, fieldStarted);
        return records;
    }

    private static void endRecord(
            List<List<String>> records, List<String> record, StringBuilder field, boolean fieldStarted) {
        if (fieldStarted || !record.isEmpty() || !field.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        field.setLength(0);
    }

    /**
     * The data rows of a file whose header must be exactly {@code columns}, at most {@code maxRows} of them; a malformed
     * file, a wrong header, no rows or too many are refused with {@code rejectCode}. {@code what} names a row's content.
     */
    static List<List<String>> rows(String body, List<String> columns, int maxRows, String rejectCode, String what) {
        List<List<String>> records;
        try {
            records = parse(body);
        } catch (IllegalArgumentException e) {
            throw reject(rejectCode, List.of(new FieldError("csv", "Malformed", e.getMessage())));
        }
        if (records.isEmpty()
                || !records.get(0).stream().map(String::strip).toList().equals(columns)) {
            throw reject(
                    rejectCode,
                    List.of(new FieldError("row 1", "Header", "the header must be " + String.join(",", columns))));
        }
        if (records.size() == 1) {
            throw reject(rejectCode, List.of(new FieldError("row 2", "Empty", "the file holds no " + what)));
        }
        if (records.size() - 1 > maxRows) {
            throw reject(rejectCode, List.of(new FieldError("csv", "TooManyRows", "at most " + maxRows + " rows")));
        }
        return records.subList(1, records.size());
    }

    /** "row 3" for the data row at {@code index} (0-based) of {@link #rows}: the header is row 1. */
    static String rowName(int index) {
        return "row " + (index + 2);
    }

    /** Every error of the file at once; nothing of it is stored. */
    static ProblemException reject(String code, List<FieldError> errors) {
        return new ProblemException(422, code, errors, Map.of(), errors.size());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A blank cell is null (reported as NotNull by the validator); another value not of the enum is an error. */
    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, List<FieldError> errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "WrongType", "one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    static LocalDate parseDate(String value, String field, List<FieldError> errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "WrongType", "expected YYYY-MM-DD"));
            return null;
        }
    }

    static UUID parseUuid(String value, String field, List<FieldError> errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "WrongType", "expected a UUID"));
            return null;
        }
    }

    /** The Bean Validation violations of a row's request, each once and named by row and field. */
    static <T> void validate(jakarta.validation.Validator validator, T request, String row, List<FieldError> errors) {
        for (jakarta.validation.ConstraintViolation<T> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString();
            if (errors.stream().noneMatch(e -> e.field().equals(row + field))) {
                errors.add(new FieldError(
                        row + field,
                        violation
                                .getConstraintDescriptor()
                                .getAnnotation()
                                .annotationType()
                                .getSimpleName(),
                        violation.getMessage()));
            }
        }
    }
}
