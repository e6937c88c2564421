package cn.bailian.system;

import cn.bailian.testkit.KafkaBroker;
import cn.bailian.testkit.Keycloak;
import cn.bailian.testkit.Postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The four services from their packaged jars, each with its own fresh database on one real PostgreSQL
 * server, all on one real Kafka broker. Started once per test JVM; tests stop, kill and restart single
 * services or the broker.
 */
public final class Platform {

    public static final List<String> SERVICES =
            List.of("resident-service", "farm-service", "activity-service", "fund-service");
    private static Platform shared;

    private final Postgres postgres = Postgres.shared();
    private final KafkaBroker kafka = KafkaBroker.shared();
    private final Map<String, String> databases = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Path root =
            Path.of(System.getProperty("bailian.root", "..")).toAbsolutePath().normalize();
    private Keycloak keycloak;

    private Platform() {}

    public static synchronized Platform get() {
        if (shared == null) {
            Platform platform = new Platform();
            Runtime.getRuntime().addShutdownHook(new Thread(platform::shutdown));
            // -Dbailian.system.services=resident-service,farm-service starts a subset while iterating
            List<String> names = List.of(System.getProperty("bailian.system.services", String.join(",", SERVICES))
                    .split(","));
            // one Keycloak per run, started beside the services (they fetch its JWKS at the first token)
            platform.keycloak = Keycloak.at(
                    platform.root.resolve("system-tests/target/keycloak"),
                    platform.root.resolve("deploy/keycloak/realm-bailian.json"),
                    KafkaBroker.freePort(),
                    platform.postgres,
                    platform.postgres.createFreshDatabase("system_keycloak"),
                    UUID.randomUUID().toString());
            CompletableFuture<Void> keycloakStarted = CompletableFuture.runAsync(() -> {
                platform.keycloak.start(Duration.ofSeconds(300));
                platform.keycloak.trustDevTokens();
            });
            for (String service : names) {
                platform.databases.put(
                        service, platform.postgres.createFreshDatabase("system_" + service.replace("-service", "")));
                platform.services.put(service, platform.newInstance(service, platform.databases.get(service), service));
            }
            // start in parallel: each JVM mostly waits on its own start-up work
            try {
                platform.services.values().parallelStream().forEach(ServiceProcess::start);
                keycloakStarted.join();
            } catch (RuntimeException e) {
                platform.shutdown(); // the next test would start four more beside them
                throw e;
            }
            shared = platform;
        }
        return shared;
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    public String url(String service) {
        return services.get(service).baseUrl();
    }

    /** The run's Keycloak (realm bailian); tests stop and start it. */
    public Keycloak keycloak() {
        return keycloak;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The one PostgreSQL server under all four databases (fault tests stop and start it). */
    public Postgres postgres() {
        return postgres;
    }

    /** A further process of a service on the same database (a second replica). */
    public ServiceProcess replica(String service, String instanceName) {
        return newInstance(service, databases.get(service), instanceName);
    }

    public Connection connect(String service) throws SQLException {
        return postgres.connect(databases.get(service));
    }

    /** A count from one service's database (tests look at rows where no API shows them). */
    public long connectAndCount(String service, String sql, Object parameter) throws SQLException {
        try (Connection c = connect(service);
                var s = c.prepareStatement(sql)) {
            s.setObject(1, parameter.toString());
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private ServiceProcess newInstance(String service, String database, String instanceName) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "QUARKUS_PROFILE", "dev",
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", postgres.user(),
                "QUARKUS_DATASOURCE_PASSWORD", postgres.password(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "BAILIAN_JWT_ISSUER", keycloak.issuer(),
                "BAILIAN_JWKS_URL", keycloak.jwksUrl()));
        if (service.equals("fund-service")) {
            // a public notice of seconds instead of seven days, so the approval flow completes within a test
            // (the %dev-profiled names too: the services run with the dev profile, whose values outrank plain ones)
            env.put("_DEV_FUND_NOTICE_PERIOD", "PT2S");
            env.put("_DEV_FUND_NOTICE_CHECK_EVERY", "1s");
            env.put("FUND_NOTICE_PERIOD", "PT2S");
            env.put("FUND_NOTICE_CHECK_EVERY", "1s");
        }
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        Path log = root.resolve("system-tests/target/system-logs/" + instanceName + ".log");
        return new ServiceProcess(instanceName, jar, KafkaBroker.freePort(), env, log);
    }

    private void shutdown() {
        services.values().forEach(ServiceProcess::stop);
        if (keycloak != null) {
            keycloak.stop();
        }
    }
}
