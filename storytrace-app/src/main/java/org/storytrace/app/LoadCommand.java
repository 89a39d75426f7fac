package org.storytrace.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.storytrace.bench.LoadBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code storytrace load --url http://127.0.0.1:7070}: a load benchmark against a running server (scripts/load-bench.sh sets one up). */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Concurrent clients mixing story reads, searches and article posts against a running storytrace serve; "
                + "prints each kind's "
                + "count, rate, p50 and p99 latency and errors. A benchmark, not a test: scripts/load-bench.sh builds a store "
                        + "and starts the server.")
final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:7070", description = "The server (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--clients", defaultValue = "50", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "60", description = "How long (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--reads", defaultValue = "0.6", description = "Share of story reads (default: ${DEFAULT-VALUE}).")
    double reads;

    @Option(names = "--searches", defaultValue = "0.3", description = "Share of searches (default: ${DEFAULT-VALUE}); the rest are posts.")
    double searches;

    @Option(names = "--posts", description = "JSON Lines of articles to post, each once (none: no posts).")
    Path posts;

    @Override
    public Integer call() throws Exception {
        LoadBench.Settings s;
        try {
            s = new LoadBench.Settings(url.replaceAll("/+$", ""), clients, Duration.ofSeconds(seconds), reads, searches, posts, 1);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long errors = 0;
        for (LoadBench.Figures f : LoadBench.run(s, System.err)) {
            System.out.printf(Locale.ROOT,
                    "load.%s.requests %d%nload.%s.per_second %.1f%nload.%s.p50_ms %.1f%nload.%s.p99_ms %.1f%nload.%s.errors %d%n",
                    f.kind(), f.count(), f.kind(), f.perSecond(), f.kind(), f.p50Millis(), f.kind(), f.p99Millis(), f.kind(), f.errors());
            errors += f.errors();
        }
        return errors == 0 ? 0 : Main.EXIT_FAILURE;
    }
}
