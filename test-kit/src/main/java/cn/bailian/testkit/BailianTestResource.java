package cn.bailian.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} run a fresh database on a real PostgreSQL server and a real Kafka broker.
 * Attach it with {@code @WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)}.
 */
public class BailianTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String database;

    @Override
    public Map<String, String> start() {
        Postgres postgres = Postgres.shared();
        KafkaBroker broker = KafkaBroker.shared();
        database = postgres.createFreshDatabase("bailian_test");
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                // tokens of this run: DevTokens signs with the private half of a key made for it
                "mp.jwt.verify.publickey", DevTokens.publicKeyPem(),
                "mp.jwt.verify.issuer", DevTokens.issuer());
    }

    @Override
    public void stop() {
        if (database != null) {
            Postgres.shared().dropDatabase(database);
        }
    }

    /** The Kafka broker the service under test talks to; tests stop and start it. */
    public static KafkaBroker broker() {
        return KafkaBroker.shared();
    }

    /** The name of the service's test database. */
    public static String database() {
        return database;
    }

    /** A direct connection to the service's test database, for assertions on rows and for tampering tests. */
    public static Connection connect() throws SQLException {
        return Postgres.shared().connect(database);
    }
}
