package org.storytrace.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A few JDBC connections kept open and lent out: {@link #take} returns a connection whose {@code close()}
 * gives it back. Small on purpose (one writer, a handful of readers); a connection that failed is dropped
 * rather than lent again. Thread-safe.
 */
final class ConnectionPool implements AutoCloseable {
    private final Supplier<Connection> open;
    private final ArrayBlockingQueue<Connection> idle;
    private volatile boolean closed;

    ConnectionPool(Supplier<Connection> open, int size) {
        this.open = open;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /** A connection in auto-commit mode; close it to give it back. */
    Connection take() {
        if (closed) throw new IllegalStateException("the store is closed");
        Connection c = idle.poll();
        if (c == null) c = open.get();
        Connection lent = c;
        AtomicBoolean given = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, m, args) -> {
            if (m.getName().equals("close") && m.getParameterCount() == 0) {
                if (given.compareAndSet(false, true)) giveBack(lent);
                return null;
            }
            try {
                return m.invoke(lent, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private void giveBack(Connection c) throws SQLException {
        boolean healthy;
        try {
            healthy = !c.isClosed() && c.getAutoCommit();
        } catch (SQLException e) {
            healthy = false;
        }
        if (closed || !healthy || !idle.offer(c)) c.close();
    }

    @Override public void close() {
        closed = true;
        Connection c;
        while ((c = idle.poll()) != null) {
            try { c.close(); } catch (SQLException ignored) { }
        }
    }
}
