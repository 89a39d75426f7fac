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

    @Option(names = "--sample", defaultValue = "2000", description = "Articles compared all-pairs for exact-Jaccard recall (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--threads", description = "Threads for every stage (default: the number of cores, ${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--embeddings", description = "Also run the story stage with sentence embeddings on and report its rate.")
    boolean embeddings;

    @Override
    public Integer call() throws Exception {
        Path truth = GenerateCommand.truthPath(corpus);
        if (!Files.isRegularFile(truth)) {
            System.err.println("bench: no truth file " + truth + " beside " + corpus + " (make both with storytrace generate)");
            return 2;
        }
        System.out.printf("machine: %d cores, %d MiB max heap, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        Map<String, Double> f = Bench.run(corpus, truth, sample, threads, embeddings ? Runner.defaultEmbedder() : null);
        f.forEach((k, v) -> System.out.println(k + " " + (v == Math.rint(v) && Math.abs(v) > 1 ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.4f", v))));
        return 0;
    }
}
