package cn.bailian.kit.paging;

import cn.bailian.kit.problem.FieldError;
import cn.bailian.kit.problem.Messages;
import cn.bailian.kit.problem.ProblemCodes;
import cn.bailian.kit.problem.ProblemException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ?page=&size=} as a {@code @BeanParam}. Read as text and checked here, so {@code size=abc} is a
 * 400 with the field named rather than the 404 JAX-RS gives a query parameter it cannot convert.
 */
public class PageRequest {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /**
     * How deep a client may page: page × size at most this many rows skipped. An offset scan reads and drops every
     * row before the page, so page 1,000,000 would cost a full scan per request; no client pages that far.
     */
    public static final int MAX_OFFSET = 100_000;

    @QueryParam("page")
    String page;

    @QueryParam("size")
    String size;

    /**
     * For the field texts only: zh-CN unless the caller prefers English. Hidden from the OpenAPI documents: every
     * operation reads Accept-Language (docs/integration.md), not just the paged ones.
     */
    @HeaderParam("Accept-Language")
    @Parameter(hidden = true)
    String acceptLanguage;

    public PageRequest() {}

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
        Locale locale = Messages.resolve(acceptLanguage);
        int pageNo = number("page", page, 0, 0, MAX_OFFSET, locale, errors);
        int sizeNo = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, locale, errors);
        if (errors.isEmpty() && (long) pageNo * sizeNo > MAX_OFFSET) {
            errors.add(new FieldError(
                    "page", "PageTooDeep", Messages.field("page.too-deep", locale, MAX_OFFSET / sizeNo, sizeNo)));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, ProblemCodes.VALIDATION_FAILED, errors, Map.of());
        }
        return new Parsed(pageNo, sizeNo);
    }

    private static int number(
            String name, String raw, int fallback, int min, int max, Locale locale, List<FieldError> errors) {
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
        errors.add(new FieldError(name, "Range", Messages.field("integer-range", locale, min, max)));
        return fallback;
    }

    private record Parsed(int page, int size) {}
}
