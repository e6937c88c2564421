package cn.bailian.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.system.OpenApiDocument;
import cn.bailian.system.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SQL and HTML in every free-text field of every operation (string properties of the request schemas
 * without a format, an enum or a pattern beyond "not blank"): the call succeeds, the text is stored byte for
 * byte (a column of the service's database holds exactly it), returned byte for byte where the answer
 * carries the field, and every table is still there afterwards.
 */
class InjectionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final List<String> FRAGMENTS = List.of(
            "x'); DROP TABLE resident; --",
            "' OR '1'='1' /* \\ */ ; SELECT pg_sleep(5);--",
            "<script>alert(\"胡\")</script><img src=x onerror=alert(1)>&amp;",
            "Robert\"); DELETE FROM ledger_entry;-- ${jndi:ldap://x} %s %n {{7*7}}");

    /** Text fields that are not kept as given, by design. */
    private static final Map<String, String> NOT_VERBATIM = Map.of(
            "checkIn.code", "a check-in code is looked up, not stored; any other text is an unknown code",
            "recordDonation.displayName", "a donor's name is public, so it is stored masked (胡*)");

    @Test
    void fragmentsAreStoredAndReturnedAsPlainText() throws Exception {
        World world = World.get();
        Map<String, TreeSet<String>> tablesBefore = tables();
        List<String> wrong = new ArrayList<>();
        int fields = 0;
        for (String service : Platform.SERVICES) {
            for (OpenApiDocument.Operation op : OpenApiDocument.of(service).operations()) {
                if (!"application/json".equals(op.bodyMediaType())) {
                    continue;
                }
                AccessRules.Rule rule = AccessRules.of(op.id());
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                op.bodySchema().path("properties").fields();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    if (!freeText(property.getValue()) || NOT_VERBATIM.containsKey(op.id() + "." + property.getKey())) {
                        continue;
                    }
                    fields++;
                    Target target = rule.target().apply(world);
                    int max = property.getValue().path("maxLength").asInt(10_000);
                    String fragment = fragment(max);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) target.body());
                    body.put(property.getKey(), fragment);
                    Who who = Who.STAFF;
                    if (!rule.allowed().contains(who)) {
                        who = rule.allowed().contains(Who.RESIDENT_SELF)
                                ? Who.RESIDENT_SELF
                                : rule.allowed().iterator().next();
                    }
                    Target call = target.body(body);
                    Response response = call.send(who.token(world, call));
                    String where = op.id() + "." + property.getKey();
                    if (response.statusCode() / 100 != 2) {
                        wrong.add(where + ": " + response.statusCode() + " " + response.asString());
                        continue;
                    }
                    JsonNode answer = JSON.readTree(response.asString());
                    // where the answer carries the field (at any depth: a milestone comes back inside its project), it
                    // carries the text as sent
                    if (!answer.findValues(property.getKey()).isEmpty()
                            && answer.findValues(property.getKey()).stream()
                                    .noneMatch(v -> v.isTextual() && v.asText().equals(fragment))) {
                        wrong.add(where + ": returned as " + answer.findValues(property.getKey()));
                    }
                    if (!storedVerbatim(service, fragment)) {
                        wrong.add(where + ": no column of " + service + " holds the text byte for byte");
                    }
                }
            }
        }
        System.out.println("Injection: " + fields + " free-text fields, " + FRAGMENTS.size() + " kinds of fragment");
        assertThat(fields).as("free-text fields found in the documents").isGreaterThan(30);
        assertThat(wrong).isEmpty();
        assertThat(tables()).as("tables of the four databases").isEqualTo(tablesBefore);
    }

    /** A string property that takes any text: no format, no enum, no pattern but "not blank". */
    static boolean freeText(JsonNode schema) {
        return schema.path("type").asText().equals("string")
                && !schema.has("format")
                && !schema.has("enum")
                && (!schema.has("pattern") || schema.get("pattern").asText().equals("\\S"));
    }

    /** One of the fragments, made unique (names are often unique) and cut to the field's maximum length. */
    private static String fragment(int maxLength) {
        int n = SEQ.incrementAndGet();
        String text = n + FRAGMENTS.get(n % FRAGMENTS.size());
        return text.length() > maxLength ? text.substring(0, maxLength) : text;
    }

    private static boolean storedVerbatim(String service, String text) throws SQLException {
        try (Connection c = Platform.get().connect(service)) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = c.createStatement()
                    .executeQuery("select table_name, column_name from information_schema.columns "
                            + "where table_schema = current_schema() and data_type in ('text', 'character varying')")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] column : columns) {
                try (PreparedStatement s = c.prepareStatement(
                        "select 1 from \"" + column[0] + "\" where \"" + column[1] + "\" = ? limit 1")) {
                    s.setString(1, text);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    private static Map<String, TreeSet<String>> tables() throws SQLException {
        Map<String, TreeSet<String>> all = new LinkedHashMap<>();
        for (String service : Platform.SERVICES) {
            try (Connection c = Platform.get().connect(service);
                    ResultSet rs = c.createStatement()
                            .executeQuery(
                                    "select table_name from information_schema.tables where table_schema = current_schema()")) {
                TreeSet<String> names = new TreeSet<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                all.put(service, names);
            }
        }
        return all;
    }
}
