package org.storytrace.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.storytrace.bench.run.Bench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storytrace bench CORPUS.jsonl}: the fast path's figures, one a line. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the fast path over a generated corpus and prints one figure a line (rates, memory, link and story quality).")
final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CORPUS", description = "A corpus from storytrace generate (its truth file beside it).")
    Path corpus;

    @Option(names = "--sample", defaultValue = "2000",
            description = "Articles compared all-pairs for exact-Jaccard recall (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--threads", description = "Threads for every stage (default: the number of cores, ${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--embeddings", description = "Also run the story stage with sentence embeddings on and report its rate.")
    boolean embeddings;

    @Option(names = "--scale", description = "Measure the link stage at scale instead: stream the corpus without keeping articles, "
            + "then time one-at-a-time adds of the last --tail articles to the index of all the others.")
    boolean scale;

    @Option(names = "--store", description = "With --scale: keep the fingerprints in a file under this folder instead of on the heap.")
    Path store;

    @Option(names = "--index-on-disk", description = "With --scale: the candidate indexes' postings in memory-mapped work files "
            + "(analyze --index-on-disk).")
    boolean indexOnDisk;

    @Option(names = "--tail", defaultValue = "1000",
            description = "With --scale: articles added one at a time at the end (default: ${DEFAULT-VALUE}).")
    int tail;

    @Option(names = "--peers", description = "Run the peers (Spark MLlib MinHashLSH, Lucene MinHashFilter) on the same corpus: "
            + "through the ./storytrace launcher, which runs them in the Spark module.")
    boolean peers;

    @Override
    public Integer call() throws Exception {
        if (peers) {
            System.err.println("bench --peers needs Spark and Lucene, which live in the Spark module: run ./storytrace bench " + corpus
                    + " --peers");
            return 2;
        }
        if (scale) {
            System.out.printf("machine: %d cores, %d MiB max heap, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
            Bench.scale(corpus, threads, store, tail, indexOnDisk).forEach((k, v) -> System.out.println(k + " " + format(v)));
            return 0;
        }
        Path truth = GenerateCommand.truthPath(corpus);
        if (!Files.isRegularFile(truth)) {
            System.err.println("bench: no truth file " + truth + " beside " + corpus + " (make both with storytrace generate)");
            return 2;
        }
        System.out.printf("machine: %d cores, %d MiB max heap, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        Map<String, Double> f = Bench.run(corpus, truth, sample, threads, embeddings ? Runner.defaultEmbedder() : null);
        f.forEach((k, v) -> System.out.println(k + " " + format(v)));
        return 0;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) > 1 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
