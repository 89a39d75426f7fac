package org.storytrace.store;

import java.lang.reflect.Proxy;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway's log, silenced: the store reports for itself (a migration that fails becomes a one-line
 * {@link Store.StoreException}), and the command line prints no library chatter. Named by class in
 * {@code Flyway.configure().loggers(...)}.
 */
public final class QuietFlywayLog implements LogCreator {
    private static final Log SILENT = (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] {Log.class},
            (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE : null);

    @Override public Log createLogger(Class<?> clazz) { return SILENT; }
}
