package cn.bailian.system.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.system.OpenApiDocument;
import cn.bailian.system.Platform;
import cn.bailian.system.StateSnapshot;
import cn.bailian.system.security.AccessRules;
import cn.bailian.system.security.Target;
import cn.bailian.system.security.Who;
import cn.bailian.system.security.World;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests generated from each service's committed OpenAPI document, each invalid in at least one way (see
 * {@link BadRequests}), sent with a token of a caller the operation's rule allows, so the input and not the
 * guard is what gets judged. Every answer must be a 4xx application/problem+json with a code, and the
 * platform must hold exactly what it held before (row counts of every table of the four databases, and the
 * fund ledger's verification).
 */
class BadInputIT {

    private static final int AT_LEAST_PER_SERVICE = 300;

    /** The caller a bad request is sent as: one the rule lets through. */
    static Who allowedCaller(AccessRules.Rule rule, Target target) {
        for (Who who : List.of(Who.STAFF, Who.RESIDENT_SELF, Who.ADMIN, Who.SERVICE, Who.RESIDENT_OTHER)) {
            if (rule.allowed().contains(who) && (who != Who.RESIDENT_SELF || target.owner() != null)) {
                return who;
            }
        }
        throw new IllegalStateException("no caller may call " + rule.operationId());
    }

    @Test
    void everyBadRequestIsAProblemAndChangesNothing() {
        World world = World.get();
        // the valid calls the variants are made from (some create what they act on): before the snapshot
        record Planned(OpenApiDocument.Operation op, String token, List<BadRequests.Bad> requests) {}
        List<Planned> plan = new ArrayList<>();
        for (String service : Platform.SERVICES) {
            for (OpenApiDocument.Operation op : OpenApiDocument.of(service).operations()) {
                AccessRules.Rule rule = AccessRules.of(op.id());
                assertThat(rule).as("access rule for " + op).isNotNull();
                Target valid = rule.target().apply(world);
                String token = allowedCaller(rule, valid).token(world, valid);
                plan.add(new Planned(op, token, BadRequests.of(op, valid)));
            }
        }
        Map<String, String> before = StateSnapshot.settled();

        Map<String, Integer> sent = new LinkedHashMap<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Planned p : plan) {
            for (BadRequests.Bad bad : p.requests()) {
                sent.merge(p.op().service(), 1, Integer::sum);
                String verdict;
                try {
                    Response response = bad.target().send(p.token());
                    int status = response.statusCode();
                    statuses.merge(status, 1, Integer::sum);
                    String type = response.contentType();
                    String code =
                            type != null && type.startsWith("application/problem+json") ? response.path("code") : null;
                    verdict = status >= 400 && status < 500 && code != null && !code.isBlank()
                            ? null
                            : status + " " + type + " " + abbreviate(response.asString());
                } catch (RuntimeException e) {
                    verdict = "no answer: " + e;
                }
                if (verdict != null) {
                    wrong.add(p.op().id() + " [" + bad.what() + "] "
                            + abbreviate(bad.target().toString()) + " -> " + verdict);
                }
            }
        }
        Map<String, String> after = StateSnapshot.settled();

        System.out.println("Bad requests per service: " + sent + "; answers by status: " + statuses);
        wrong.forEach(System.out::println);
        assertThat(wrong)
                .as("bad requests not answered with a 4xx problem+json carrying a code")
                .isEmpty();
        for (String service : Platform.SERVICES) {
            assertThat(sent.getOrDefault(service, 0))
                    .as("bad requests sent to " + service)
                    .isGreaterThanOrEqualTo(AT_LEAST_PER_SERVICE);
        }
        assertThat(after)
                .as("state after the bad requests (row counts, ledger verification)")
                .isEqualTo(before);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 240 ? flat.substring(0, 240) + "…" : flat;
    }
}
