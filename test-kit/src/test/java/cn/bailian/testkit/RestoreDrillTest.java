package cn.bailian.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The backup and restore of deploy/README.md ("Backups and restore") done by hand on the local PostgreSQL, which
 * ships only initdb, pg_ctl and postgres: WAL archived by archive_command, a base backup between pg_backup_start and
 * pg_backup_stop with a file copy, more writes, then a point-in-time restore into a new server from the base backup
 * and the archive. The restored server has everything up to the target and nothing after it, and takes writes.
 * (The services are not restarted on it here: that part of the drill is not automated yet.)
 */
class RestoreDrillTest {

    @TempDir
    Path dir;

    @Test
    void aBaseBackupAndTheWalArchiveRestoreToThePointInTimeAndNoFurther() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("wal-archive"));
        Path data = dir.resolve("data");
        // settings on the command line may not contain spaces (zonky hands them to pg_ctl -o), so archive_command,
        // which a reload applies, is set through ALTER SYSTEM once the server is up
        Postgres primary =
                Postgres.embedded(data, KafkaBroker.freePort(), Map.of("wal_level", "replica", "archive_mode", "on"));
        Path backup = dir.resolve("base-backup");
        try (Connection c = primary.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("alter system set archive_command = 'test ! -f " + archive + "/%f && cp %p " + archive + "/%f'");
            s.execute("select pg_reload_conf()");
            s.execute("create table ledger_entry (id int primary key, amount_fen bigint not null)");
            s.execute("insert into ledger_entry select i, i * 100 from generate_series(1, 50) i");

            // the base backup: a file copy between pg_backup_start and pg_backup_stop, in one session
            s.execute("select pg_backup_start('drill', true)");
            copyDataDirectory(data, backup);
            try (ResultSet stop = s.executeQuery("select labelfile from pg_backup_stop(true)")) {
                stop.next();
                Files.writeString(backup.resolve("backup_label"), stop.getString(1));
            }

            // after the backup, before the target: must be restored from the archived WAL
            s.execute("insert into ledger_entry select i, i * 100 from generate_series(51, 80) i");
            s.execute("select pg_create_restore_point('before-damage')");
            // the damage the restore undoes
            s.execute("delete from ledger_entry where id <= 40");
            s.execute("insert into ledger_entry values (1000, -1)");
            s.execute("select pg_switch_wal()");
            awaitArchived(s);
        }
        primary.stop();

        // restore into a new server: the base backup, the archive as restore_command, the named target
        Files.writeString(backup.resolve("recovery.signal"), "");
        Files.writeString(
                backup.resolve("postgresql.auto.conf"),
                """
                restore_command = 'cp %s/%%f %%p'
                recovery_target_name = 'before-damage'
                recovery_target_action = 'promote'
                """.formatted(archive),
                java.nio.file.StandardOpenOption.APPEND);
        Postgres restored = Postgres.embedded(backup, KafkaBroker.freePort(), Map.of("archive_mode", "off"));
        try (Connection c = restored.connect("postgres");
                Statement s = c.createStatement()) {
            assertThat(long1(s, "select count(*) from ledger_entry"))
                    .as("entries up to the target")
                    .isEqualTo(80);
            assertThat(long1(s, "select sum(amount_fen) from ledger_entry")).isEqualTo(100L * 80 * 81 / 2);
            assertThat(long1(s, "select count(*) from ledger_entry where id = 1000"))
                    .as("written after the target")
                    .isZero();
            // promotion ends recovery a moment after the server accepts connections: wait for it, then the
            // startup process must be gone
            org.awaitility.Awaitility.await("recovery over")
                    .atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> long1(s, "select count(*) from pg_stat_activity where backend_type = 'startup'") == 0
                            && !bool1(s, "select pg_is_in_recovery()"));
            s.execute("insert into ledger_entry values (81, 8100)"); // promoted: takes writes again
        } finally {
            restored.stop();
        }
    }

    private static boolean bool1(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getBoolean(1);
        }
    }

    private static void awaitArchived(Statement s) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try (ResultSet rs = s.executeQuery("select last_archived_wal >= pg_walfile_name(pg_current_wal_lsn() - 1)"
                    + " from pg_stat_archiver")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the WAL was not archived in 30 s");
    }

    private static long long1(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The running server's files, as pg_basebackup would take them: no WAL (the archive has it), no pid file. */
    private static void copyDataDirectory(Path from, Path to) {
        Set<String> skipped = Set.of("postmaster.pid", "postmaster.opts");
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(paths::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (Path p : paths) {
                Path rel = from.relativize(p);
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!skipped.contains(rel.toString()) && !rel.startsWith("pg_wal")) {
                    try {
                        Files.copy(p, target);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // a file the server removed while we copied: the WAL replay recreates what matters
                    }
                }
            }
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
