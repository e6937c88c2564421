package cn.bailian.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The local PostgreSQL and Kafka that {@code bin/bailian up} runs, in one JVM:
 * <pre>
 * LocalStack DATA_DIR [--pg-port 15432] [--pg-setting NAME=VALUE]... [--external-pg] [--kafka-port 19092] [--controller-port 19093] [--no-kafka]
 *            [--keycloak-port 8180 --realm deploy/keycloak/realm-bailian.json]
 * </pre>
 * An embedded PostgreSQL 17 keeps its data in {@code DATA_DIR/postgres}; with {@code --external-pg} the server named
 * by {@code BAILIAN_PG_URL}, {@code BAILIAN_PG_USER} and {@code BAILIAN_PG_PASSWORD} is used instead (read from the
 * environment so the password never shows in {@code ps}). The Kafka broker keeps its log in {@code DATA_DIR/kafka}.
 * Creates each service's database if missing, then prints one line {@code READY pg=<jdbc base url> kafka=<bootstrap>}.
 * With {@code --keycloak-port} it then starts Keycloak (its database {@code bailian_keycloak} on the same server,
 * unpacked under {@code DATA_DIR}, the realm imported from {@code --realm} when new) and prints
 * {@code KEYCLOAK READY <issuer>}, or {@code KEYCLOAK FAILED <why>}; the services need not wait for it.
 * Stops both on SIGTERM/SIGINT and when stdin closes, so it never outlives the script that started it.
 */
public final class LocalStack {

    static final List<String> DATABASES =
            List.of("bailian_resident", "bailian_farm", "bailian_activity", "bailian_fund");

    private LocalStack() {}

    public static void main(String[] args) throws Exception {
        // Before anything logs: slf4j goes to the JBoss LogManager, which must also be the JUL manager.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        if (args.length == 0 || args[0].startsWith("-")) {
            usage();
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        int pgPort = 15432;
        int kafkaPort = 19092;
        int controllerPort = 19093;
        boolean externalPg = false;
        boolean kafka = true;
        int keycloakPort = 0;
        Path realm = null;
        Map<String, String> pgSettings = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--pg-port" -> pgPort = Integer.parseInt(value(args, ++i));
                case "--kafka-port" -> kafkaPort = Integer.parseInt(value(args, ++i));
                case "--controller-port" -> controllerPort = Integer.parseInt(value(args, ++i));
                case "--external-pg" -> externalPg = true;
                case "--no-kafka" -> kafka = false;
                case "--keycloak-port" -> keycloakPort = Integer.parseInt(value(args, ++i));
                case "--realm" -> realm = Path.of(value(args, ++i)).toAbsolutePath();
                case "--pg-setting" -> {
                    String setting = value(args, ++i);
                    int eq = setting.indexOf('=');
                    if (eq < 1) {
                        usage();
                    }
                    pgSettings.put(setting.substring(0, eq), setting.substring(eq + 1));
                }
                default -> usage();
            }
        }
        configureLogging();
        // Registered first, so a start-up failure half way still stops what did start (Postgres registers its own
        // hook).
        KafkaBroker[] broker = new KafkaBroker[1];
        Keycloak[] keycloak = new Keycloak[1];
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            if (keycloak[0] != null) {
                                keycloak[0].stop();
                            }
                            if (broker[0] != null) {
                                broker[0].stop();
                            }
                            System.out.println("LocalStack stopped");
                        },
                        "local-stack-stop"));
        exitWhenStdinCloses();
        try {
            // The broker starts beside PostgreSQL: together about 4 s instead of 8.
            KafkaBroker kafkaBroker = kafka
                    ? KafkaBroker.at(Files.createDirectories(data.resolve("kafka")), kafkaPort, controllerPort)
                    : null;
            broker[0] = kafkaBroker;
            CompletableFuture<String> kafkaStarted = CompletableFuture.supplyAsync(() -> {
                if (kafkaBroker == null) {
                    return env("KAFKA_BOOTSTRAP_SERVERS", "-");
                }
                kafkaBroker.start();
                System.out.println(
                        "Kafka: broker on " + kafkaBroker.bootstrapServers() + ", log in " + data.resolve("kafka"));
                return kafkaBroker.bootstrapServers();
            });
            Postgres pg;
            if (externalPg) {
                String url = System.getenv("BAILIAN_PG_URL");
                if (url == null || url.isBlank()) {
                    throw new IllegalArgumentException("--external-pg needs BAILIAN_PG_URL");
                }
                pg = Postgres.external(url, env("BAILIAN_PG_USER", "postgres"), env("BAILIAN_PG_PASSWORD", ""));
                System.out.println("PostgreSQL: external server " + pg.jdbcUrl(""));
            } else {
                Path pgDir = Files.createDirectories(data.resolve("postgres"));
                pg = Postgres.embedded(pgDir, pgPort, pgSettings);
                System.out.println("PostgreSQL: embedded on port " + pg.port() + ", data in " + pgDir);
            }
            for (String db : DATABASES) {
                pg.ensureDatabase(db);
            }
            System.out.println("Databases: " + String.join(", ", DATABASES));
            String bootstrap = kafkaStarted.join();
            System.out.println("READY pg=" + pg.jdbcUrl("") + " kafka=" + bootstrap);
            System.out.flush();
            if (keycloakPort > 0) {
                if (realm == null) {
                    usage();
                }
                // the bootstrap admin of the master realm: a dev password, like the demo accounts' (bin/bailian up
                // prints it)
                // a Keycloak that fails leaves PostgreSQL and Kafka running: the services start without it
                try {
                    keycloak[0] = Keycloak.at(
                            data,
                            realm,
                            keycloakPort,
                            pg,
                            "bailian_keycloak",
                            env("BAILIAN_KEYCLOAK_ADMIN_PASSWORD", "bailian-kc-admin"));
                    System.out.println(
                            "Keycloak: starting on " + keycloak[0].baseUrl() + ", log in " + keycloak[0].log());
                    keycloak[0].start(
                            java.time.Duration.ofSeconds(Long.parseLong(env("BAILIAN_KEYCLOAK_TIMEOUT", "300"))));
                    // the dev key of `bin/bailian token --role` (and the demo loader): made once, kept out of git in
                    // DATA_DIR, published in this realm's JWKS only
                    Path devKey = data.resolve("dev-token.key");
                    if (Files.isRegularFile(devKey)) {
                        System.setProperty(
                                DevTokens.KEY_PROPERTY,
                                Files.readAllLines(devKey).get(0));
                    }
                    keycloak[0].trustDevTokens();
                    Files.write(devKey, List.of(DevTokens.exportKeyPair(), DevTokens.issuer(), DevTokens.keyId()));
                    Files.setPosixFilePermissions(
                            devKey, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                    for (String account : Keycloak.demoAccounts(realm)) {
                        System.out.println("Keycloak account: " + account);
                    }
                    System.out.println("KEYCLOAK READY " + keycloak[0].issuer());
                } catch (RuntimeException | IOException e) {
                    System.out.println("KEYCLOAK FAILED " + e.getMessage());
                }
                System.out.flush();
            }
        } catch (Exception | Error e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            System.out.println("FAILED " + cause);
            e.printStackTrace(System.out);
            System.exit(1);
        }
        Thread.currentThread().join(); // until a signal or the end of stdin
    }

    /** The script keeps our stdin open; when it goes away (even killed) the pipe closes and we stop. */
    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(
                () -> {
                    try {
                        InputStream in = System.in;
                        byte[] buffer = new byte[256];
                        while (in.read(buffer) >= 0) {
                            // ignore whatever is written
                        }
                    } catch (IOException ignored) {
                        // treated as closed
                    }
                    System.exit(0);
                },
                "stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * The test kit's classpath brings Quarkus's log handler, which holds every record until a Quarkus application
     * configures logging, which never happens here: swap it for a plain console handler. Kafka only from WARN.
     */
    private static void configureLogging() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s [%3$s] %5$s%6$s%n");
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.ALL);
        console.setFormatter(new SimpleFormatter());
        root.addHandler(console);
        root.setLevel(Level.INFO);
        for (String category : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            Logger logger = Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            KEEP.add(logger); // JUL may hold loggers weakly: a collected logger forgets its level
        }
    }

    private static final List<Logger> KEEP = new ArrayList<>();

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage();
        }
        return args[i];
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void usage() {
        System.err.println(
                "usage: LocalStack DATA_DIR [--pg-port N] [--pg-setting NAME=VALUE]... [--external-pg] [--kafka-port N] [--controller-port N] [--no-kafka] [--keycloak-port N --realm FILE]");
        System.exit(2);
    }
}
