package cn.bailian.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.system.OpenApiDocument;
import cn.bailian.system.Platform;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every operation of every service's committed OpenAPI document, called by every kind of caller: no token, an
 * expired token, a token signed by another key, another resident of the community, staff of another
 * community, a service, staff, an admin and the resident the call is for. Each must get what
 * {@link AccessRules} declares: 2xx when allowed (the world is prepared so the call really succeeds), else
 * 401 UNAUTHENTICATED without a valid token and 403 FORBIDDEN with one.
 */
class AuthorizationMatrixIT {

    @Test
    void everyOperationHasARule() {
        List<String> missing = new ArrayList<>();
        TreeSet<String> documented = new TreeSet<>();
        for (String service : Platform.SERVICES) {
            for (OpenApiDocument.Operation op : OpenApiDocument.of(service).operations()) {
                documented.add(op.id());
                if (AccessRules.of(op.id()) == null) {
                    missing.add(op.toString());
                }
            }
        }
        assertThat(missing)
                .as("operations without an access rule in AccessRules (declare who may call them)")
                .isEmpty();
        assertThat(AccessRules.all().keySet())
                .as("rules for operations no document has any more")
                .isSubsetOf(documented);
    }

    @Test
    void everyCallerGetsWhatTheRulesSay() {
        World world = World.get();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        StringBuilder table = new StringBuilder(String.format("%-26s", "operation"));
        for (Who who : Who.values()) {
            table.append(String.format(
                    " %-5.5s", who.name().replace("RESIDENT_", "R_").replace("STAFF_OTHER_COMMUNITY", "S_OTH")));
        }
        table.append('\n');
        for (String service : Platform.SERVICES) {
            for (OpenApiDocument.Operation op : OpenApiDocument.of(service).operations()) {
                AccessRules.Rule rule = AccessRules.of(op.id());
                if (rule == null) {
                    continue; // reported by everyOperationHasARule
                }
                Target shared = rule.target().apply(world);
                assertThat(shared.method() + " " + shared.service())
                        .as(op.id())
                        .isEqualTo(op.method() + " " + op.service());
                Map<Who, Integer> seen = new EnumMap<>(Who.class);
                // refused callers first, all on one target they must leave as it was; then each allowed one
                List<Who> order = new ArrayList<>();
                for (Who who : Who.values()) {
                    if (!rule.allowed().contains(who)) {
                        order.add(who);
                    }
                }
                for (Who who : Who.values()) {
                    if (rule.allowed().contains(who)) {
                        order.add(who);
                    }
                }
                boolean sharedUsed = false;
                for (Who who : order) {
                    boolean allowed = rule.allowed().contains(who);
                    Target target = shared;
                    if (allowed && rule.mutates()) {
                        target = sharedUsed ? rule.target().apply(world) : shared;
                        sharedUsed = true;
                    }
                    if (who == Who.RESIDENT_SELF && target.owner() == null) {
                        continue; // the call names no resident: there is no "self"
                    }
                    Response response = target.send(who.token(world, target));
                    calls++;
                    int status = response.statusCode();
                    seen.put(who, status);
                    int expected = rule.expectedFor(who, target);
                    boolean ok = expected == 200 ? status >= 200 && status < 300 : status == expected;
                    if (ok && expected != 200) {
                        String code = response.contentType().startsWith("application/problem+json")
                                ? response.path("code")
                                : null;
                        // 401 is always UNAUTHENTICATED with a challenge; a 403 may name the rule (NOT_PLOT_CLAIMANT)
                        ok = expected == 401
                                ? "UNAUTHENTICATED".equals(code) && response.header("WWW-Authenticate") != null
                                : code != null && !code.isBlank();
                    }
                    if (!ok) {
                        wrong.add(op.id() + " as " + who + ": expected " + (expected == 200 ? "2xx" : expected)
                                + ", got " + status + " "
                                + response.asString()
                                        .replaceAll("\\s+", " ")
                                        .substring(
                                                0,
                                                Math.min(
                                                        300, response.asString().length()))
                                + " (" + target + ")");
                    }
                }
                table.append(String.format("%-26.26s", op.id()));
                for (Who who : Who.values()) {
                    table.append(String.format(" %-5s", seen.containsKey(who) ? seen.get(who) : "-"));
                }
                table.append('\n');
            }
        }
        System.out.println("Authorisation matrix (" + calls + " calls):\n" + table);
        assertThat(wrong).as("answers that differ from AccessRules").isEmpty();
    }
}
