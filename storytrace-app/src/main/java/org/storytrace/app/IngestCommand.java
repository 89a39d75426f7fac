package org.storytrace.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.storytrace.core.doc.StageFailure;
import org.storytrace.engine.Engine;
import org.storytrace.engine.Results;
import org.storytrace.store.Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storytrace ingest INPUT... --store DIR}: adds articles to a persistent store and brings its analysis up to date. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Adds the articles of the inputs to a persistent store (a folder, created if needed, or a "
                + "jdbc:postgresql:// URL) and updates "
                + "links, stories and the analysis. Each batch of articles is durable before it is acknowledged (a line 'stored "
                        + "N articles'); "
                + "an interrupted run loses nothing acknowledged, and rerunning it adds only what is missing.",
                "Write the results out with storytrace export, browse them with storytrace serve."})
final class IngestCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "INPUT",
            description = "Files, folders, globs, http(s) feed URLs, or - for standard input (none: only bring the analysis up to date).")
    List<String> inputs = List.of();

    @Option(names = "--store", required = true,
            description = "The store: a folder (SQLite and a search index in it) or a jdbc:postgresql://host/db?user=... URL.")
    String store;

    @Option(names = "--index", description = "Folder for the search index (default: the store's folder; for PostgreSQL a folder "
            + "in the temporary folder named after the URL).")
    Path index;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--regroup",
            description = "Group every article of the store again, as analyze groups them. Without it, new articles given to a store "
                    + "that holds an analysis are placed into its stories (only the stories they touch are recomputed) until the "
                    + "articles placed since the last grouping reach 5% of the store (at least 1,000); then everything is grouped "
                    + "again.")
    boolean regroup;

    @Option(names = "--timings",
            description = "Print how long each phase took (open and restore, read and store, analysis, saving it) to standard error.")
    boolean timings;

    @Override
    public Integer call() {
        PrintStream out = System.out, err = System.err;
        Engine.Builder builder = engineOptions.engine(); // options checked first
        AtomicLong stored = new AtomicLong();
        long t0 = System.nanoTime();
        try (Archive archive = Archive.openUnrestored(store, index, builder, batch -> {
            long total = stored.addAndGet(batch.size());
            out.println("stored " + batch.size() + " articles (" + total + " new, first " + batch.get(0).id() + ", last "
                    + batch.get(batch.size() - 1).id() + ")");
            out.flush();
        })) {
            // nothing to read and an analysis of everything stored: nothing to do, and no reason to restore every stored
            // article into the engine first (at a million articles that took ~105 s before it said "nothing new")
            if (inputs.isEmpty() && !regroup && archive.analysisCurrent()) {
                long held = archive.store().articleCount();
                if (held > 0) err.println("ingest: " + held + " articles already in " + store);
                nothingNew(out, held, 0, 0);
                if (timings) err.printf(Locale.ROOT, "timings: open %.2f s, nothing to restore%n", (System.nanoTime() - t0) / 1e9);
                return 0;
            }
            long before = archive.restore(null);
            if (before > 0) err.println("ingest: " + before + " articles already in " + store);
            // a store with an analysis of all it holds: new articles are placed into its stories, as the server places posts
            Archive.StoredGrouping grouping = before > 0 && !regroup ? archive.storedGrouping() : null;
            long t1 = System.nanoTime();
            Engine.Batch batch = archive.ingest(inputs, inputs.isEmpty() ? null : new ProgressBar(err));
            long t2 = System.nanoTime();
            AnalyzeCommand.printRejections(batch.rejected(), err);
            if (batch.added() == 0 && archive.analysisCurrent() && !regroup) {
                nothingNew(out, before, batch.rejected().size(), batch.duplicates().size());
                return batch.rejected().isEmpty() ? 0 : Main.EXIT_REJECTED;
            }
            // placed into the stored grouping when no regrouping is due, else grouped again
            Archive.Updated u = archive.catchUp(grouping);
            Results r = u.results();
            boolean regrouped = u.regrouped();
            List<StageFailure> failed = archive.engine().stageFailures();
            AnalyzeCommand.printFailures(failed, err);
            if (timings) {
                double[] a = archive.analysisSeconds();
                err.printf(Locale.ROOT, "timings: open and restore %.2f s, read and store %.2f s, analysis %.2f s, save %.2f s%n",
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9, a[0], a[1]);
            }
            out.printf("added %d articles (%d in the store), rejected %d, %d duplicates; %d stories, %d links; %s%n",
                    batch.added(), r.articleCount(),
                    batch.rejected().size(), batch.duplicates().size(), r.stories().size(), r.links().size(),
                    regrouped ? "analysis saved" : "placed into the stored stories, the stories they touched saved");
            return batch.rejected().isEmpty() && failed.isEmpty() ? 0 : Main.EXIT_REJECTED;
        }
    }

    private static void nothingNew(PrintStream out, long held, int rejected, int duplicates) {
        out.printf("nothing new: %d articles in the store, rejected %d, %d duplicates%n", held, rejected, duplicates);
    }
}
