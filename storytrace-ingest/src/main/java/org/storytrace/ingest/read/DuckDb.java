package org.storytrace.ingest.read;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * DuckDB's embedded engine, through its JDBC driver: the Parquet reader here and the export's Parquet writer open it alike.
 * The driver is loaded by name on first use, so a run that never touches Parquet never loads its native library.
 */
public final class DuckDb {
    private DuckDb() { }

    /** An in-memory database; {@code streamResults}: rows as DuckDB makes them, not a whole result first. */
    public static Connection connect(boolean streamResults) throws SQLException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SQLException("DuckDB, which reads and writes Parquet here, is not available (" + e.getMessage() + ")", e);
        }
        Properties p = new Properties();
        if (streamResults) p.setProperty("jdbc_stream_results", "true");
        return DriverManager.getConnection("jdbc:duckdb:", p);
    }

    /** The first line of an exception's message (DuckDB's add a context of several lines), for a one-line error. */
    public static String firstLine(Exception x) {
        String m = x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
