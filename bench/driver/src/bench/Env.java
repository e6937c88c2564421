package bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where things are (from bench/run's environment) and the facts setup hands to the later steps. */
final class Env {

    static final String RESIDENT = need("BENCH_RESIDENT_URL");
    static final String FARM = need("BENCH_FARM_URL");
    static final String ACTIVITY = need("BENCH_ACTIVITY_URL");
    static final String FUND = need("BENCH_FUND_URL");
    static final String PG = need("BENCH_PG_URL"); // jdbc:postgresql://host:port/
    static final Path STATE = Path.of(need("BENCH_STATE"));

    private Env() {
    }

    static String need(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (bench/run sets it)");
        }
        return value;
    }

    static Connection db(String service) throws SQLException {
        return DriverManager.getConnection(PG + "bailian_" + service, "postgres", "postgres");
    }

    /** setup.env: KEY=VALUE lines, sourced by bench/run and read back here. */
    static Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(STATE.resolve("setup.env"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    facts.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return facts;
    }

    static void writeFacts(Map<String, String> facts) {
        StringBuilder out = new StringBuilder();
        facts.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        write("setup.env", out.toString());
    }

    static void write(String file, String text) {
        try {
            Files.writeString(STATE.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String file) {
        try {
            return Files.readAllLines(STATE.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
