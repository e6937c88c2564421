package cn.bailian.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import cn.bailian.system.Api;
import cn.bailian.system.Platform;
import cn.bailian.testkit.EventProbe;
import cn.bailian.testkit.Postgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fault 3: the PostgreSQL server under all four services restarts during a write load. Requests that meet the
 * missing database are answered at once with a problem+json 503 (no hang, no 500, no stack trace),
 * readiness goes DOWN and comes back UP, and the same processes take writes again: nothing is restarted
 * but the database. What was acknowledged is committed, published and applied once.
 */
class DatabaseRestartIT {

    @Test
    void requestsFailFastWith503WhileTheDatabaseIsAwayAndTheServicesRecoverOnTheirOwn() throws Exception {
        Postgres postgres = Platform.get().postgres();
        assumeThat(postgres.restartable())
                .as("an external PostgreSQL (BAILIAN_PG_URL) is not ours to stop")
                .isTrue();
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-数据库重启");
        Map<String, Long> pids = new HashMap<>();
        for (String service : Platform.SERVICES) {
            pids.put(service, Platform.get().service(service).pid());
        }
        Map<String, List<Operations.Readiness>> whileDown = new LinkedHashMap<>();
        Platform.SERVICES.forEach(service -> whileDown.put(service, new ArrayList<>()));
        List<WriteLoad.Outcome> outcomes;
        List<WriteLoad.Outcome> afterRecovery;
        try (EventProbe residentEvents = EventProbe.on(Platform.get().kafka().bootstrapServers(), Tally.TOPIC)) {
            WriteLoad load = WriteLoad.start(place, 3, 50);
            try {
                load.awaitAcknowledged(10);
                postgres.stop(); // fast shutdown: every pooled connection breaks, in-flight statements fail
                try {
                    // the database stays away until each service has said so on its own readiness, and a write met it
                    int beforeStop = load.outcomes().size();
                    await().atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(250))
                            .until(() -> {
                                for (String service : Platform.SERVICES) {
                                    whileDown.get(service).add(Operations.readiness(service));
                                }
                                return whileDown.values().stream()
                                                .allMatch(answers ->
                                                        answers.stream().anyMatch(r -> r.status() == 503))
                                        && load.outcomes().stream()
                                                .skip(beforeStop)
                                                .anyMatch(o -> o.status() == 503);
                            });
                } finally {
                    postgres.start();
                }
                // every service is ready again by itself
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> Platform.SERVICES.stream()
                                .allMatch(s -> Operations.readiness(s).up()));
                int recovered = load.outcomes().size();
                load.awaitAcknowledged(10);
                afterRecovery =
                        load.outcomes().subList(recovered, load.outcomes().size());
            } finally {
                outcomes = load.stop();
            }
            Map<Integer, Long> byStatus =
                    outcomes.stream().collect(Collectors.groupingBy(WriteLoad.Outcome::status, Collectors.counting()));
            System.out.printf(
                    "[fault: PostgreSQL restarted] answers by status: %s; slowest answer %d ms%n",
                    byStatus,
                    outcomes.stream().mapToLong(WriteLoad.Outcome::millis).max().orElse(0));

            // the requests that met the missing database: 503 problem+json, quickly; nothing else went wrong
            assertThat(outcomes).allSatisfy(o -> {
                assertThat(o.status()).as("%s", o).isIn(201, 503);
                assertThat(o.millis()).as("%s", o).isLessThan(15_000);
                if (o.status() == 503) {
                    assertThat(o.contentType()).as("%s", o).startsWith("application/problem+json");
                    assertThat(o.code()).as("%s", o).isEqualTo("SERVICE_UNAVAILABLE");
                }
            });
            assertThat(byStatus.getOrDefault(503, 0L))
                    .as("requests that met the missing database")
                    .isPositive();
            // each service's own readiness went down while the database was away (and answered nothing but 200 or 503)
            whileDown.forEach((service, answers) -> {
                assertThat(answers)
                        .as(service + " readiness while the database was away")
                        .anySatisfy(r -> assertThat(r.status()).isEqualTo(503))
                        .allSatisfy(r -> assertThat(r.status())
                                .as("%s readiness answered %s", service, r.body())
                                .isIn(200, 503));
            });
            // and came back without a restart: the same processes, each ready again and reading its own database
            for (String service : Platform.SERVICES) {
                assertThat(Platform.get().service(service).pid())
                        .as(service + " process")
                        .isEqualTo(pids.get(service));
                Operations.Readiness ready = Operations.readiness(service);
                assertThat(ready.status())
                        .as("%s readiness after the restart: %s", service, ready.body())
                        .isEqualTo(200);
                assertThat(ready.backlog())
                        .as("%s outbox backlog read from its database", service)
                        .isGreaterThanOrEqualTo(0);
            }
            assertThat(afterRecovery)
                    .isNotEmpty()
                    .allSatisfy(o -> assertThat(o.status()).as("%s", o).isEqualTo(201));

            // what was acknowledged is there, published and applied once — by each of farm, activity and fund on its
            // own
            // database, the writes after the restart included (Tally counts per consumer); a 503 wrote nothing
            Tally tally = Tally.awaitSettled("PostgreSQL restarted", outcomes, place.communityId(), residentEvents);
            assertThat(tally.committed()).isEqualTo(tally.acknowledged());
            assertThat(tally.settled()).isTrue();
        }
    }
}
