package org.storytrace.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Runs work on a fork-join pool of a chosen size, so the stages' parallel steps (parallel streams) use that
 * many threads: how every entry point honours its thread count.
 */
public final class Threads {
    private Threads() {}

    /**
     * The result of {@code work} run on {@code pool}. Its unchecked exceptions and errors come out as they
     * were thrown; an {@link IOException} as an {@link UncheckedIOException}; any other checked exception
     * wrapped in an {@link IllegalStateException}.
     */
    public static <T> T call(ForkJoinPool pool, Callable<T> work) { return await(pool.submit(work)); }

    /** The result of a task already submitted, its failure unwrapped as {@link #call} unwraps it. */
    public static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            if (c instanceof IOException io) throw new UncheckedIOException(io);
            throw new IllegalStateException(c);
        }
    }
}
