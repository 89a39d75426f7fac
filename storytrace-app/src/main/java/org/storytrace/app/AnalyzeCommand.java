package org.storytrace.app;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.storytrace.core.doc.StageFailure;
import org.storytrace.core.model.Rejection;
import org.storytrace.engine.Engine;
import org.storytrace.engine.Results;
import org.storytrace.engine.output.OutputFolder;
import org.storytrace.engine.output.Outputs;
import org.storytrace.nlp.ner.NameFinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code storytrace analyze PATH... [--out DIR]}. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Reads news pages (text, HTML, news XML, WARC/WET, RSS/Atom, JSON Lines, JSON, CSV/TSV, Parquet; ZIP and TAR "
                + "archives of them; gzip, bzip2 or xz compressed or not) and writes "
                + "stories.json, report.html and rejected.jsonl to --out.")
final class AnalyzeCommand implements Callable<Integer> {
    @Mixin
    InputOptions io;

    @Option(names = "--explain",
            description = "Print the evidence behind every scored pair of articles (lexical, semantic, reuse, score) to standard error.")
    boolean explain;

    @Option(names = "--timings",
            description = "Print how long each phase took (read and link, stories, writing), and each article and story stage "
            + "(runs, milliseconds each, runs a second per core), and how many sentences the name model met again, to standard error.")
    boolean timings;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        Engine.Builder builder = io.engine(); // options checked first
        OutputFolder out = OutputFolder.prepare(io.out); // before any input is read
        try (Engine engine = builder.build()) {
            long t0 = System.nanoTime(), c0 = cpuNanos();
            Engine.Batch batch = engine.ingest(io.inputs, new ProgressBar(err));
            printRejections(batch.rejected(), err);
            long t1 = System.nanoTime(), c1 = cpuNanos();
            engine.seal(); // one run: the linking indexes can go before the story stage
            Results r = engine.results();
            List<StageFailure> failed = engine.stageFailures();
            printFailures(failed, err);
            long t2 = System.nanoTime(), c2 = cpuNanos();
            if (explain) explain(r, err);
            Outputs.writeAll(r, out);
            long t3 = System.nanoTime(), c3 = cpuNanos();
            if (timings) {
                err.printf(Locale.ROOT, "timings: read and link %.2f s, stories %.2f s, write %.2f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                        (t3 - t2) / 1e9);
                // the process's CPU time in each phase (collector and compiler included): how many cores each phase kept busy
                if (c0 >= 0) err.printf(Locale.ROOT, "timings: cpu read and link %.2f s, stories %.2f s, write %.2f s%n", (c1 - c0) / 1e9,
                        (c2 - c1) / 1e9, (c3 - c2) / 1e9);
                // per stage: thread time summed over the documents or stories it ran on, so a rate is per core
                for (Engine.StageTime st : engine.stageTimes()) {
                    err.printf(Locale.ROOT, "timings: stage %s: %d runs, %.1f ms each, %.1f a second per core%n", st.stage(), st.calls(),
                            st.nanos() / 1e6 / Math.max(1, st.calls()), st.nanos() == 0 ? 0.0 : st.calls() / (st.nanos() / 1e9));
                }
                // repeated sentences (reprints, boilerplate) are not read by the name model again: how many there were
                long looked = NameFinder.sentencesLookedUp(), remembered = NameFinder.sentencesRemembered();
                if (looked > 0) err.printf(Locale.ROOT, "timings: names: %d of %d sentences read before (%.1f%%), not read again%n",
                        remembered, looked, 100.0 * remembered / looked);
            }
            System.out.printf("read %d articles, rejected %d, %d duplicates, %d stories, %d links%n", r.articleCount(), r.rejections()
                    .size(),
                    r.duplicates().size(), r.stories().size(), r.links().size());
            System.out.println("report: " + out.dir().resolve("report.html").toAbsolutePath().normalize());
            System.out.println("data:   " + out.dir().resolve("stories.json").toAbsolutePath().normalize());
            if (!failed.isEmpty()) System.out.printf("stages failed %d times: those articles and stories lack that stage's layer%n",
                    failed.size());
            return r.rejections().isEmpty() && failed.isEmpty() ? 0 : Main.EXIT_REJECTED;
        }
    }

    /** One line a failure: the article or story, the stage, what went wrong (the run went on without that layer there). */
    static void printFailures(List<StageFailure> failures, PrintStream err) {
        for (StageFailure f : failures) err.println("storytrace: " + f.message());
    }

    /** The CPU time of the whole process so far, or -1 where the platform does not say. */
    static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    static void printRejections(List<Rejection> rs, PrintStream err) {
        for (Rejection r : rs) err.println("rejected " + r.path() + (r.position() == null ? "" : " at " + r.position()) + ": "
                + r.reason());
    }

    static void explain(Results r, PrintStream err) {
        for (Results.ScoredPair p : r.pairs()) {
            err.printf(Locale.ROOT, "pair %s %s lexical=%.3f names=%.3f headlines=%.3f semantic=%.3f reuse=%.3f score=%.3f%n",
                    p.a(), p.b(), p.lexical(), p.names(), p.headlines(), p.semantic(), p.reuse(), p.score());
        }
    }
}
