package org.storytrace.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A command line run in this process, with what it wrote to standard output and standard error. */
record CommandRun(int code, String out, String err) {
    List<String> errLines() { return err.isBlank() ? List.of() : List.of(err.strip().split("\n")); }

    /** Runs {@code storytrace ARGS...} as {@link Main} would, capturing both streams. */
    static CommandRun of(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            var cl = Main.commandLine();
            cl.setErr(new PrintWriter(System.err, true));
            int code = cl.execute(args);
            return new CommandRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
