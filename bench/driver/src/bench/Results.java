package bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/** Figures go to results.env (KEY=VALUE), which bench/run turns into docs/benchmarks.md; also printed. */
final class Results {

    private Results() {
    }

    static synchronized void put(String key, Object value) {
        String line = key + "=" + value + "\n";
        System.out.print("  " + line);
        try {
            Files.writeString(Env.STATE.resolve("results.env"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
