package org.storytrace.engine.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.storytrace.engine.Results;

/** Writes every result file of a run: {@code stories.json}, {@code report.html} with its story pages, {@code rejected.jsonl}. */
public final class Outputs {
    private Outputs() {}

    /**
     * Writes the files. {@code stories.json} and the report are written at once, the report on a thread of its
     * own: each reads the results only, and each mostly renders text on one core (at 1M articles the two took
     * about 14 s one after the other). A failure of either is thrown once both have ended, so no file is left
     * half-written behind a failure of the other (each is written to a temporary file and renamed).
     */
    public static void writeAll(Results r, OutputFolder out) throws IOException {
        CompletableFuture<Void> report = CompletableFuture.runAsync(() -> {
            try {
                HtmlReport.write(r, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> {
            Thread t = new Thread(task, "storytrace-report");
            t.setDaemon(true);
            t.start();
        });
        try {
            out.write("stories.json", o -> StoriesJson.write(r, o));
        } catch (IOException | RuntimeException | Error e) {
            awaitQuietly(report);
            throw e;
        }
        try {
            report.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
            if (e.getCause() instanceof RuntimeException x) throw x;
            if (e.getCause() instanceof Error x) throw x;
            throw e;
        }
        out.write("rejected.jsonl", o -> RejectionsJsonl.write(r.rejections(), o));
    }

    private static void awaitQuietly(CompletableFuture<Void> f) {
        try {
            f.join();
        } catch (CompletionException ignored) {
            // the first failure is the one reported
        }
    }
}
