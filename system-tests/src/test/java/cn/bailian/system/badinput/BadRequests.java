package cn.bailian.system.badinput;

import cn.bailian.system.OpenApiDocument;
import cn.bailian.system.security.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Invalid variants of one valid call, generated from the operation's schema in the committed OpenAPI
 * document: per body property by its type, format, enum, pattern, length and range; per path and query
 * parameter; per declared header; and for the body as a whole (broken JSON, wrong content types, over the
 * size limit, unknown fields). Every variant is invalid in at least one way: text that would be acceptable
 * on its own (emoji and mixed scripts, SQL and HTML fragments) always travels with a defect.
 */
final class BadRequests {

    record Bad(String what, Target target) {}

    static final String SQL = "'; DROP TABLE resident; --";
    static final String HTML = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    static final String EMOJI_MIXED = "胡😀Иван محمد Ωμέγα 👨‍👩‍👧";
    private static final int LIMIT = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenApiDocument.Operation op;
    private final Target valid;
    private final List<Bad> out = new ArrayList<>();

    private BadRequests(OpenApiDocument.Operation op, Target valid) {
        this.op = op;
        this.valid = valid;
    }

    static List<Bad> of(OpenApiDocument.Operation op, Target valid) {
        BadRequests generator = new BadRequests(op, valid);
        generator.pathParameters();
        generator.queryParameters();
        generator.headers();
        generator.oversized();
        if ("text/csv".equals(op.bodyMediaType())) {
            generator.csvBody();
        } else if (op.hasBody()) {
            generator.jsonBody();
        }
        return generator.out;
    }

    private void add(String what, Target target) {
        out.add(new Bad(what, target));
    }

    // ---------------------------------------------------------------- path

    private void pathParameters() {
        String[] template = op.path().split("/");
        String[] actual = valid.path().split("/");
        for (OpenApiDocument.Parameter p : op.in("path")) {
            for (int i = 0; i < template.length; i++) {
                if (template[i].equals("{" + p.name() + "}")) {
                    for (String bad : List.of(
                            "not-a-uuid",
                            "12345",
                            "00000000-0000-0000-0000-00000000000G",
                            actual[i] + "0",
                            "1 OR 1=1",
                            SQL.replace("/", ""),
                            "<b>x</b>",
                            "😀",
                            UUID.randomUUID().toString())) {
                        String[] parts = actual.clone();
                        parts[i] = bad;
                        add(
                                "path " + p.name() + "=" + bad,
                                new Target(
                                        valid.service(),
                                        valid.method(),
                                        String.join("/", parts),
                                        valid.query(),
                                        valid.headers(),
                                        valid.body(),
                                        valid.contentType(),
                                        valid.owner()));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- query

    private void queryParameters() {
        for (OpenApiDocument.Parameter p : op.in("query")) {
            for (String bad : badQueryValues(p)) {
                add("query " + p.name() + "=" + bad, valid.query(p.name(), bad));
            }
        }
    }

    private List<String> badQueryValues(OpenApiDocument.Parameter p) {
        JsonNode schema = p.schema();
        String name = p.name();
        String format = schema == null ? "" : schema.path("format").asText("");
        if (name.equals("page")) {
            return List.of("-1", "abc", "1.5", "99999999999999999999");
        }
        if (name.equals("size")) {
            return List.of("0", "101", "-5", "ten", "1e2");
        }
        if (format.equals("uuid") || name.endsWith("Id")) {
            return List.of("not-a-uuid", SQL, HTML, "😀");
        }
        if (schema != null && (schema.has("enum") || schema.has("pattern"))
                || List.of("status", "category", "kind", "residencyType").contains(name)) {
            return List.of("NO_SUCH_VALUE", SQL, HTML);
        }
        if (name.equals("from") || name.equals("to") || format.equals("date")) {
            return List.of("2026-02-30", "yesterday", "2026/11/27");
        }
        if (name.equals("month")) {
            return List.of("2026-13", "Nov 2026", "2026-1");
        }
        if (name.equals("age")) {
            return List.of("-1", "abc", "99999999999", "1.5");
        }
        if (schema != null && schema.has("maxLength")) {
            return List.of("字".repeat(schema.get("maxLength").asInt() + 1));
        }
        return List.of();
    }

    // ---------------------------------------------------------------- headers

    private void headers() {
        for (OpenApiDocument.Parameter p : op.in("header")) {
            if (p.name().equals("Idempotency-Key")) {
                for (String bad : List.of("k".repeat(256), "a b", "tab\there")) {
                    add(
                            "Idempotency-Key " + (bad.length() > 20 ? bad.length() + " chars" : bad),
                            valid.header(p.name(), bad));
                }
            } else if (p.name().equals("If-Match")) {
                for (String bad : List.of("\"999999\"", "W/\"garbage\"", "not-a-version")) {
                    add("If-Match " + bad, valid.header(p.name(), bad));
                }
            }
        }
    }

    // ---------------------------------------------------------------- body as a whole

    private void oversized() {
        if (op.method().equals("GET")) {
            return;
        }
        Map<String, Object> big = new LinkedHashMap<>();
        big.put("padding", "x".repeat(LIMIT + 1024));
        add("body over 256 KiB", valid.body(big, "application/json"));
    }

    private void jsonBody() {
        String body = json(valid.body());
        add("broken JSON", valid.body(body.substring(0, body.length() / 2), "application/json"));
        add("JSON with a trailing comma", valid.body(body.replaceFirst("}$", ",}"), "application/json"));
        add("JSON array", valid.body("[" + body + "]", "application/json"));
        add("JSON null", valid.body("null", "application/json"));
        add("JSON number", valid.body("42", "application/json"));
        add("empty body", valid.body("", "application/json"));
        add("text/plain", valid.body(body, "text/plain"));
        add("application/xml", valid.body("<request><name>x</name></request>", "application/xml"));
        add("form-urlencoded", valid.body("name=x", "application/x-www-form-urlencoded"));
        add("NUL byte in the JSON", valid.body(body.replaceFirst("\\{", "{\u0000"), "application/json"));
        add("unknown field", withField("hacker", "x"));
        add("unknown field named by SQL", withField(SQL, 1));
        add(
                "unknown field with HTML",
                withField("note" + UUID.randomUUID().toString().substring(0, 4), HTML));

        JsonNode schema = op.bodySchema();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (String r : required) {
            add("missing " + r, without(r));
            add("null " + r, with(r, null));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        schema.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            if (property.getValue().path("readOnly").asBoolean(false)) {
                continue;
            }
            property(property.getKey(), property.getValue(), required);
        }
    }

    private void property(String name, JsonNode schema, List<String> required) {
        String type = schema.path("type").asText("");
        String format = schema.path("format").asText("");
        // a wrong JSON type for every property
        if (!type.equals("string")) {
            add(name + " as a string", with(name, "abc"));
        }
        if (!type.equals("integer") && !type.equals("number") && !type.equals("boolean")) {
            add(name + " as a number", with(name, 123));
        }
        add(name + " as an object", with(name, Map.of("value", 1)));
        if (!type.equals("array")) {
            add(name + " as an array", with(name, List.of("a", "b")));
        }
        switch (type) {
            case "string" -> stringProperty(name, schema, format, required);
            case "integer", "number" -> numberProperty(name, schema, type);
            case "boolean" -> {
                add(name + " \"yes\"", with(name, "yes"));
                add(name + " 1", with(name, 1));
            }
            case "array" -> {
                add(name + " empty", with(name, List.of()));
                add(name + " of nonsense", with(name, List.of("x", 1, true)));
                if (schema.has("maxItems")) {
                    List<Object> many = new ArrayList<>();
                    for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                        many.add(Map.of("dayOfWeek", "MONDAY", "opens", "08:00", "closes", "09:00"));
                    }
                    add(name + " over maxItems", with(name, many));
                }
                JsonNode items = schema.path("items");
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                items.path("properties").fields();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> item = it.next();
                    add(name + "[]." + item.getKey() + " wrong", with(name, List.of(Map.of(item.getKey(), "25:99"))));
                }
            }
            default -> {}
        }
    }

    private void stringProperty(String name, JsonNode schema, String format, List<String> required) {
        if (schema.has("enum")) {
            add(name + " not in the enum", with(name, "NO_SUCH_VALUE"));
            add(name + " enum as SQL", with(name, SQL));
            add(name + " enum as HTML", with(name, HTML));
            add(name + " enum emoji", with(name, "😀"));
            return;
        }
        switch (format) {
            case "uuid" -> {
                for (String bad :
                        List.of("not-a-uuid", "123", "", "00000000-0000-0000-0000-00000000000G", SQL, HTML, "😀")) {
                    add(name + " invalid uuid " + bad, with(name, bad));
                }
                return;
            }
            case "date" -> {
                for (String bad :
                        List.of("2026-02-30", "2026-13-01", "yesterday", "27/11/2026", "", "+999999999-12-31")) {
                    add(name + " bad date " + bad, with(name, bad));
                }
                return;
            }
            case "date-time" -> {
                for (String bad : List.of(
                        "2026-11-27 10:00", "tomorrow", "2026-11-31T10:00:00+08:00", "2026-11-27T25:00:00Z", "")) {
                    add(name + " bad instant " + bad, with(name, bad));
                }
                return;
            }
            case "local-time" -> {
                add(name + " bad time", with(name, "25:61"));
                return;
            }
            default -> {}
        }
        String pattern = schema.path("pattern").asText("");
        int min = schema.path("minLength").asInt(pattern.equals("\\S") ? 1 : 0);
        if (min > 0 || pattern.equals("\\S")) {
            add(name + " empty", with(name, ""));
        }
        if (pattern.equals("\\S")) {
            add(name + " blank", with(name, "   \t"));
        }
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            add(name + " one over maxLength", with(name, "a".repeat(max + 1)));
            add(name + " over maxLength in Chinese", with(name, "字".repeat(max + 1)));
            add(name + " huge", with(name, "长".repeat(Math.min(60_000, max * 10 + 10))));
        }
        if (!pattern.isEmpty() && !pattern.equals("\\S")) {
            add(name + " against its pattern", with(name, "😀 " + SQL));
            add(name + " HTML against its pattern", with(name, HTML));
        }
        // acceptable text on its own: always with a defect beside it
        String defect =
                required.stream().filter(r -> !r.equals(name)).findFirst().orElse(null);
        Map<String, Object> emoji = mutable();
        emoji.put(name, EMOJI_MIXED);
        Map<String, Object> sql = mutable();
        sql.put(name, SQL + HTML);
        if (defect != null) {
            emoji.remove(defect);
            sql.remove(defect);
        } else {
            emoji.put("unexpected", true);
            sql.put("unexpected", true);
        }
        add(
                name + " emoji and mixed scripts + " + (defect != null ? "missing " + defect : "unknown field"),
                valid.body(emoji));
        add(name + " SQL and HTML + " + (defect != null ? "missing " + defect : "unknown field"), valid.body(sql));
    }

    private void numberProperty(String name, JsonNode schema, String type) {
        if (schema.has("minimum")) {
            double min = schema.get("minimum").asDouble();
            add(name + " below minimum", with(name, type.equals("integer") ? (Object) ((long) min - 1) : min - 1));
        }
        if (schema.has("maximum")) {
            double max = schema.get("maximum").asDouble();
            add(name + " above maximum", with(name, type.equals("integer") ? (Object) ((long) max + 1) : max + 1));
        }
        add(name + " negative", schema.path("minimum").asDouble(-1) >= 0 ? with(name, -1) : with(name, "-1x"));
        add(name + " overflowing int64", withRaw(name, "92233720368547758070"));
        add(name + " 1e400", withRaw(name, "1e400"));
        add(name + " NaN", withRaw(name, "NaN"));
        add(name + " numeric string", with(name, "12"));
        if (type.equals("integer")) {
            add(name + " with a fraction", with(name, 1.5));
            if (schema.path("format").asText().equals("int32")) {
                add(name + " overflowing int32", withRaw(name, "2147483648"));
            }
        } else if (schema.has("multipleOf")) {
            add(name + " finer than multipleOf", with(name, 1.001));
        }
    }

    // ---------------------------------------------------------------- CSV (resident import)

    private void csvBody() {
        String body = (String) valid.body();
        String[] lines = body.split("\n");
        String header = lines[0];
        String row = lines[1];
        String[] cells = row.split(",", -1);
        add("CSV as JSON", valid.body(Map.of("rows", List.of(row)), "application/json"));
        add("CSV empty", valid.body("", "text/csv"));
        add("CSV header only", valid.body(header + "\n", "text/csv"));
        add(
                "CSV wrong header",
                valid.body(header.replaceFirst("^[^,]+", "wrongColumn") + "\n" + row + "\n", "text/csv"));
        add("CSV unbalanced quote", valid.body(header + "\n\"" + row + "\n", "text/csv"));
        add("CSV extra column", valid.body(header + "\n" + row + ",extra\n", "text/csv"));
        add(
                "CSV missing column",
                valid.body(header + "\n" + row.substring(0, row.lastIndexOf(',')) + "\n", "text/csv"));
        add("CSV binary", valid.body("\u0000\u0001\u0002\u00ff", "text/csv"));
        boolean residents = header.contains("phone");
        // the register's columns each have a rule of their own; another CSV (households: a compound id and free-text
        // address parts of at most 20 characters) gets a value no column of it takes: 300 characters
        String[] bad = residents
                ? new String[] {
                    EMOJI_MIXED + SQL, "UNKNOWN", "2026-02-30", "123", "510104", "SOMETIMES", "not-a-uuid", "HEAD"
                }
                : java.util.Collections.nCopies(cells.length, "x".repeat(300)).toArray(String[]::new);
        for (int i = 0; i < cells.length && i < bad.length; i++) {
            String[] changed = cells.clone();
            changed[i] = bad[i];
            if (i == 0 && residents) {
                changed[3] = "12"; // a name that is fine on its own: with a broken phone
            }
            add(
                    "CSV column " + i + " = " + bad[i],
                    valid.body(header + "\n" + String.join(",", changed) + "\n", "text/csv"));
        }
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, Object> mutable() {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy =
                new LinkedHashMap<>(valid.body() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
        return copy;
    }

    private Target with(String name, Object value) {
        Map<String, Object> body = mutable();
        body.put(name, value);
        return valid.body(json(body), "application/json");
    }

    private Target withField(String name, Object value) {
        return with(name, value);
    }

    private Target without(String name) {
        Map<String, Object> body = mutable();
        body.remove(name);
        return valid.body(json(body), "application/json");
    }

    /** A literal JSON value (numbers Jackson would not write). */
    private Target withRaw(String name, String literal) {
        Map<String, Object> body = mutable();
        body.put(name, "__RAW__");
        return valid.body(json(body).replace("\"__RAW__\"", literal), "application/json");
    }

    private static String json(Object value) {
        try {
            return value instanceof String s ? s : JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
