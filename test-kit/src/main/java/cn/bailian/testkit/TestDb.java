package cn.bailian.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL on the service's test database, for assertions on what was really stored. */
public final class TestDb {

    private TestDb() {}

    /** The first column of the first row as text, or null when there is no row. */
    public static String queryString(String sql, Object... args) {
        List<List<Object>> rows = rows(sql, args);
        return rows.isEmpty() || rows.get(0).get(0) == null
                ? null
                : rows.get(0).get(0).toString();
    }

    /** A count (or any number) from the first column of the first row; 0 when there is no row. */
    public static long count(String sql, Object... args) {
        String value = queryString(sql, args);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** The one row {@code sql} finds for {@code id} (a UUID as text), each column as text; fails unless exactly one. */
    public static List<String> singleRow(String sql, String id) {
        List<List<Object>> rows = rows(sql, java.util.UUID.fromString(id));
        if (rows.size() != 1) {
            throw new AssertionError(sql + " for " + id + ": expected one row, found " + rows.size());
        }
        return rows.get(0).stream().map(v -> v == null ? null : v.toString()).toList();
    }

    public static List<List<Object>> rows(String sql, Object... args) {
        try (Connection c = BailianTestResource.connect();
                PreparedStatement s = prepare(c, sql, args);
                ResultSet rs = s.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static int execute(String sql, Object... args) {
        try (Connection c = BailianTestResource.connect();
                PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws Exception {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
