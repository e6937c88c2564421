package cn.bailian.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server: the one named by {@code BAILIAN_PG_URL} (with {@code BAILIAN_PG_USER} and
 * {@code BAILIAN_PG_PASSWORD}), else an embedded PostgreSQL 17 started once per JVM from Maven artifacts.
 * Hands out fresh databases, so test runs never see each other's rows.
 */
public final class Postgres {

    private static Postgres shared;

    private final String baseUrl; // jdbc:postgresql://host:port/
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    /** The postmaster's command line as first started, so a restart runs the same binary, data and settings. */
    private List<String> postmasterCommand;

    private Process restarted;

    private Postgres(String baseUrl, String user, String password, EmbeddedPostgres embedded) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** The server for this JVM, started on first use. */
    public static synchronized Postgres shared() {
        if (shared == null) {
            String url = System.getenv("BAILIAN_PG_URL");
            shared = url != null && !url.isBlank()
                    ? external(url, env("BAILIAN_PG_USER", "postgres"), env("BAILIAN_PG_PASSWORD", ""))
                    : embedded(null, 0);
        }
        return shared;
    }

    /** An external server; {@code url} is {@code jdbc:postgresql://host:port[/db]}. */
    public static Postgres external(String url, String user, String password) {
        String base = url.replaceFirst("^(jdbc:postgresql://[^/?]+).*$", "$1") + "/";
        return new Postgres(base, user, password, null);
    }

    /**
     * An embedded server. {@code dataDirectory} null means a throwaway one; a directory keeps its data across
     * starts (bin/bailian up). {@code port} 0 picks a free one.
     */
    public static Postgres embedded(Path dataDirectory, int port) {
        return embedded(dataDirectory, port, Map.of());
    }

    /** As {@link #embedded(Path, int)}, with further server settings (bin/bailian bench: a statement log file). */
    public static Postgres embedded(Path dataDirectory, int port, Map<String, String> settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                    .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on")
                    .setServerConfig("full_page_writes", dataDirectory == null ? "off" : "on")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            settings.forEach(builder::setServerConfig);
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new Postgres("jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", "postgres", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int port() {
        return embedded != null ? embedded.getPort() : Integer.parseInt(baseUrl.replaceFirst("^.*:(\\d+)/$", "$1"));
    }

    public String jdbcUrl(String database) {
        return baseUrl + database;
    }

    /** A new, empty database named after {@code prefix} plus a random suffix. */
    public String createFreshDatabase(String prefix) {
        String name = (prefix.replaceAll("[^A-Za-z0-9_]", "_") + "_"
                        + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
        execute("create database " + name);
        return name;
    }

    /** Creates the database unless it exists (bin/bailian up keeps data between runs). */
    public void ensureDatabase(String name) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement s = c.createStatement();
                var rs = s.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "") + "'")) {
            if (!rs.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    public void dropDatabase(String name) {
        execute("drop database if exists " + name + " with (force)");
    }

    /** Whether {@link #stop()} and {@link #start()} can take this server away (only an embedded one). */
    public boolean restartable() {
        return embedded != null;
    }

    /**
     * Stops the embedded server as a failing database does: a fast shutdown that ends every open session (the
     * services' pooled connections break mid-use) and refuses new ones until {@link #start()}. Same data, same
     * port afterwards. Uses the {@code pg_ctl} beside the server binary that zonky unpacked. The command line is
     * read while the server is up, so call this first, then {@link #start()}.
     */
    public synchronized void stop() {
        requireEmbedded();
        List<String> command = postmasterCommand();
        String dataDirectory = command.get(command.indexOf("-D") + 1);
        Path pgCtl = Path.of(command.get(0)).resolveSibling("pg_ctl");
        run(asServerUser(List.of(pgCtl.toString(), "stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "60")));
        restarted = null;
    }

    /** Starts the stopped embedded server again with its first command line and waits until it takes connections. */
    public synchronized void start() {
        requireEmbedded();
        List<String> command = postmasterCommand();
        Path log = Path.of(command.get(command.indexOf("-D") + 1)).resolveSibling("postgres-restarted.log");
        try {
            restarted = new ProcessBuilder(asServerUser(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start again", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), user, password)) {
                return;
            } catch (SQLException notYet) {
                if (!restarted.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not come back; see " + log, notYet);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /**
     * The postmaster's command line as the server recorded it in {@code postmaster.opts} (zonky starts it through
     * {@code pg_ctl}, so no process of ours holds it): binary, data directory, port and settings.
     */
    private List<String> postmasterCommand() {
        if (postmasterCommand == null) {
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                    Statement s = c.createStatement();
                    var rs = s.executeQuery("show data_directory")) {
                rs.next();
                String opts = Files.readString(Path.of(rs.getString(1), "postmaster.opts"))
                        .trim();
                List<String> command = new ArrayList<>();
                command.add(opts.substring(0, opts.indexOf(' ')));
                Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(opts.substring(opts.indexOf(' ')));
                while (quoted.find()) {
                    command.add(quoted.group(1));
                }
                if (!command.contains("-D")) {
                    throw new IllegalStateException("postmaster.opts without -D: " + opts);
                }
                postmasterCommand = List.copyOf(command);
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("cannot tell how PostgreSQL was started", e);
            }
        }
        return postmasterCommand;
    }

    /** PostgreSQL refuses to run as root; zonky then runs it in a user namespace (as nobody), and so must we. */
    private static List<String> asServerUser(List<String> command) {
        if (!LinuxUtils.isUnshareAvailable()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-U"));
        wrapped.addAll(command);
        return wrapped;
    }

    private void requireEmbedded() {
        if (embedded == null) {
            throw new UnsupportedOperationException("only the embedded PostgreSQL can be stopped by a test");
        }
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A connection to one database, for tests that look at rows directly. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
