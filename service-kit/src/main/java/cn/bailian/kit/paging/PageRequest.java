package cn.bailian.kit.paging;

import cn.bailian.kit.problem.FieldError;
import cn.bailian.kit.problem.ProblemCodes;
import cn.bailian.kit.problem.ProblemException;
import jakarta.ws.rs.QueryParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ?page=&size=} as a {@code @BeanParam}. Read as text and checked here, so {@code size=abc} is a
 * 400 with the field named rather than the 404 JAX-RS gives a query parameter it cannot convert.
 */
public class PageRequest {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    String page;

    @QueryParam("size")
    String size;

    public PageRequest() {
    }

    public static PageRequest of(int page, int size) {
        PageRequest request = new PageRequest();
        request.page = Integer.toString(page);
        request.size = Integer.toString(size);
        return request;
    }

    public int page() {
        return parse().page;
    }

    public int size() {
        return parse().size;
    }

    public int offset() {
        Parsed p = parse();
        return Math.multiplyExact(p.page, p.size);
    }

    public <T> Page<T> page(List<T> items, long total) {
        Parsed p = parse();
        return new Page<>(items, p.page, p.size, total);
    }

    private Parsed parse() {
        List<FieldError> errors = new ArrayList<>();
        int pageNo = number("page", page, 0, 0, 1_000_000, errors);
        int sizeNo = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, ProblemCodes.VALIDATION_FAILED, errors, Map.of());
        }
        return new Parsed(pageNo, sizeNo);
    }

    private static int number(String name, String raw, int fallback, int min, int max, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError(name, "Range", "must be an integer from " + min + " to " + max));
        return fallback;
    }

    private record Parsed(int page, int size) {
    }
}
