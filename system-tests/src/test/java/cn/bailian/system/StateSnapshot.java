package cn.bailian.system;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the platform holds, as numbers a test can compare: the row count of every table in all four
 * databases, and fund-service's ledger verification of every fund.
 */
public final class StateSnapshot {

    private StateSnapshot() {}

    public static Map<String, String> take() {
        Map<String, String> state = new TreeMap<>();
        for (String service : Platform.SERVICES) {
            try (Connection c = Platform.get().connect(service);
                    Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
                        rs.next();
                        state.put(service + "." + table, Long.toString(rs.getLong(1)));
                    }
                }
                if (service.equals("fund-service")) {
                    List<String> funds = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery("select id from fund order by id")) {
                        while (rs.next()) {
                            funds.add(rs.getString(1));
                        }
                    }
                    for (String fund : funds) {
                        state.put(
                                "fund-service.verify." + fund,
                                given().baseUri(Platform.get().url(service))
                                        .get("/api/v1/funds/" + fund + "/ledger/verify")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .asString());
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return state;
    }

    /**
     * A snapshot once the platform is quiet: two in a row that agree, far enough apart for events still in flight
     * to land and for a public notice of the system tests (two seconds, checked every second) to end.
     */
    public static Map<String, String> settled() {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<String, String> previous = take();
        while (System.nanoTime() < deadline) {
            sleep();
            Map<String, String> now = take();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        throw new IllegalStateException("the platform did not settle within 90 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(3500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
