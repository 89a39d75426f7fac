package org.storytrace.app;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.storytrace.engine.output.OutputFolder;
import org.storytrace.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code storytrace} command line. Every mistake a user can make gets one line naming it and an exit
 * code (2 for a bad command line or an unusable output folder, 1 for a failure, 3 when some inputs were
 * rejected); running out of memory ends the process with a line saying which setting to raise, never a
 * hang. {@code STORYTRACE_DEBUG=1} adds the stack trace to a failure.
 */
@Command(name = "storytrace", mixinStandardHelpOptions = true, version = "storytrace 0.1.0",
        description = "Finds the stories in a news collection and the passages outlets copied from each other.",
        subcommands = {AnalyzeCommand.class, WatchCommand.class, IngestCommand.class, ExportCommand.class, ServeCommand.class,
                LoadCommand.class, EvalCommand.class, GenerateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code when the run finished but some inputs were rejected, or a stage failed on some article or story. */
    public static final int EXIT_REJECTED = 3;
    /** Exit code for a bad command line or an output folder that cannot be written. */
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_FAILURE = 1;

    @Override public void run() { new CommandLine(this).usage(System.out); }

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (fromOutOfMemory(e)) outOfMemory(System.err);
            System.err.println("storytrace: thread " + t.getName() + " failed: " + e);
        });
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            outOfMemory(System.err);
            return;
        }
        System.exit(code);
    }

    /** The command line with its one-line error handling, as {@link #main} runs it (tests run it the same way). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println(name + ": " + ex.getMessage() + " (see " + name + " --help)");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            PrintStream err = System.err;
            if (fromOutOfMemory(ex)) outOfMemory(err);
            String name = c.getCommandSpec().qualifiedName();
            if (ex instanceof OutputFolder.Unusable u) {
                err.println(name + ": --out: " + u.getMessage());
                return EXIT_USAGE;
            }
            if (ex instanceof Store.StoreException se) {
                err.println(name + ": --store: " + se.getMessage());
                return EXIT_USAGE;
            }
            if (ex instanceof CommandLine.ParameterException pe) {
                err.println(name + ": " + pe.getMessage() + " (see " + name + " --help)");
                return EXIT_USAGE;
            }
            String message = ex instanceof UncheckedIOException u && u.getMessage() != null ? u.getMessage()
                    : ex.getMessage() == null ? ex.toString() : ex.getMessage();
            err.println(name + ": failed: " + message);
            if (System.getenv("STORYTRACE_DEBUG") != null) ex.printStackTrace(err);
            else err.println(name + ": (run with STORYTRACE_DEBUG=1 for the details)");
            return EXIT_FAILURE;
        });
        return cl;
    }

    /**
     * Whether {@code t} is an {@link OutOfMemoryError} or comes from one: its cause or a suppressed exception, at any
     * depth. The JVM may throw one preallocated error object more than once, and a try-with-resources that closes after
     * it then fails with "Self-suppression not permitted" (an {@link IllegalArgumentException} whose cause is the error):
     * that is running out of memory too, and says so.
     */
    static boolean fromOutOfMemory(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(t);
        while (!todo.isEmpty()) {
            Throwable x = todo.poll();
            if (!seen.add(x)) continue;
            if (x instanceof OutOfMemoryError) return true;
            if (x.getCause() != null) todo.add(x.getCause());
            todo.addAll(List.of(x.getSuppressed()));
        }
        return false;
    }

    /**
     * The line {@link #outOfMemory} prints, made before any work: when the heap is full, building it could itself run out
     * of memory, and the process would end without a word (CI saw exit 1 with nothing printed, session 26).
     */
    private static final byte[] OUT_OF_MEMORY = ("storytrace: ran out of memory (the Java heap is "
            + (Runtime.getRuntime().maxMemory() >> 20) + " MiB): give it more with STORYTRACE_JAVA_OPTS=-Xmx8g ./storytrace ... "
            + "(or java -Xmx8g -jar storytrace.jar ...)" + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
    /** Heap let go of when memory runs out, so that printing the line (the stream's own buffers) has room. */
    @SuppressWarnings("unused")
    private static volatile byte[] reserve = new byte[1 << 19];

    /** Says what ran out and which setting to raise, then ends the process at once (threads stuck waiting must not keep it alive). */
    static void outOfMemory(PrintStream err) {
        reserve = null;
        try {
            err.write(OUT_OF_MEMORY, 0, OUT_OF_MEMORY.length);
            err.flush();
        } finally {
            Runtime.getRuntime().halt(EXIT_FAILURE);
        }
    }
}
