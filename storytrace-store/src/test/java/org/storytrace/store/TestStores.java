package org.storytrace.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stores a test runs against: always the embedded one (a folder), and a fresh database on the
 * PostgreSQL server that {@code STORYTRACE_TEST_POSTGRES} names (a JDBC URL to its {@code postgres}
 * database with a user allowed to create databases: {@code .ci/run} starts such a server). Outside CI,
 * without that variable, only the embedded store runs.
 */
final class TestStores {
    private TestStores() {}

    static final String POSTGRES = System.getenv("STORYTRACE_TEST_POSTGRES");
    private static final AtomicInteger NEXT = new AtomicInteger();

    /** {@code "embedded"}, and {@code "postgresql"} when a server is given. */
    static List<String> kinds() {
        List<String> k = new ArrayList<>(List.of("embedded"));
        if (POSTGRES != null && !POSTGRES.isBlank()) k.add("postgresql");
        return k;
    }

    /** A new, empty store location of {@code kind} under {@code tmp}. */
    static String fresh(String kind, Path tmp) throws SQLException {
        if (kind.equals("embedded")) return tmp.resolve("store-" + NEXT.incrementAndGet()).toString();
        String db = ("storytrace_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet()).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(POSTGRES); Statement st = c.createStatement()) {
            st.executeUpdate("DROP DATABASE IF EXISTS " + db);
            st.executeUpdate("CREATE DATABASE " + db);
        }
        int q = POSTGRES.indexOf('?');
        String base = q < 0 ? POSTGRES : POSTGRES.substring(0, q);
        String params = q < 0 ? "" : POSTGRES.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + db + params;
    }
}
