package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The benchmark driver that bench/run calls for what wrk and pgbench cannot do alone:
 * <pre>
 * setup | constants DIR | events RATE SECONDS | races ROUNDS | ciphers RESIDENT_PROPERTIES | measure LABEL | report RESULTS OUT | requests URL N
 * | startprofile APP JFR READY_EPOCH_MS | soak MINUTES OUT
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the worker pools' threads would keep the JVM alive
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "setup" -> Setup.run();
            case "constants" -> constants(Path.of(args[1]));
            case "events" -> Events.run(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "races" -> Races.run(Integer.parseInt(args[1]));
            case "ciphers" -> Scale.ciphers(Path.of(args[1]));
            case "measure" -> Scale.measure(args[1]);
            case "report" -> Report.write(Path.of(args[1]), Path.of(args[2]));
            case "requests" -> requests(args[1], Integer.parseInt(args[2]));
            case "startprofile" -> StartProfile.run(args[1], Path.of(args[2]), Long.parseLong(args[3]));
            case "soak" -> Soak.run(Integer.parseInt(args[1]), Path.of(args[2]));
            default -> {
                System.err.println("usage: Bench setup | constants DIR | events RATE SECONDS | races ROUNDS | ciphers FILE | measure LABEL | report RESULTS OUT | requests URL N | startprofile APP JFR READY_EPOCH_MS | soak MINUTES OUT");
                System.exit(2);
            }
        }
    }

    /** N GETs of one URL from 4 clients (item 4: the load before reading the resident set size); any non-200 fails. */
    private static void requests(String url, int n) throws Exception {
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(n);
        java.util.concurrent.atomic.AtomicInteger bad = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<Thread> clients = new java.util.ArrayList<>();
        for (int c = 0; c < 4; c++) {
            Thread t = new Thread(() -> {
                while (left.getAndDecrement() > 0) {
                    if (Http.get(url, null).status() != 200) {
                        bad.incrementAndGet();
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        for (Thread t : clients) {
            t.join();
        }
        if (bad.get() > 0) {
            throw new IllegalStateException(bad.get() + " of " + n + " requests to " + url + " did not answer 200");
        }
    }

    /** The read endpoints' answers, byte for byte, for the empty application to serve as constants. */
    private static void constants(Path dir) throws Exception {
        Map<String, String> f = Env.facts();
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : readPaths(f).entrySet()) {
            Http.Answer a = Http.expect(200, Http.get(e.getValue(), null), e.getKey());
            Files.writeString(dir.resolve(e.getKey() + ".json"), a.raw());
            Results.put("READ_BYTES_" + e.getKey().toUpperCase().replace('-', '_'), a.raw().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
    }

    static Map<String, String> readPaths(Map<String, String> f) {
        return Map.of(
                "plot-map", Env.FARM + "/api/v1/farms/" + f.get("MAP_FARM") + "/plots?size=100",
                "activity-list", Env.ACTIVITY + "/api/v1/activities?communityId=" + f.get("COMMUNITY") + "&age=" + f.get("LIST_AGE") + "&size=20",
                "transparency", Env.FUND + "/api/v1/funds/" + f.get("REPORT_FUND") + "/transparency?month=" + f.get("REPORT_MONTH"));
    }
}
