package cn.bailian.kit.db;

import java.sql.SQLException;

/**
 * Whether a failure means the database is out of reach (not that the statement was wrong): the server is
 * down or restarting, the connection broke, or the pool could not hand one out in time. Such a failure says
 * nothing about the request or the event: an API answers 503 and the event consumer tries the same record
 * again later, instead of counting it as the event's fault.
 */
public final class DatabaseErrors {

    private DatabaseErrors() {}

    public static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P: the server shutting down or restarting; 53300: too many connections
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
