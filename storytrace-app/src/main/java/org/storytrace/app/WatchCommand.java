package org.storytrace.app;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storytrace.core.model.Analysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code storytrace watch INPUT... --every 10m}: polls feeds and folders and adds only what is new. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Polls feeds and folders every --every, adds only the articles not seen before, and rewrites the results in --out after each round that found some.")
final class WatchCommand implements Callable<Integer> {
    @Mixin
    InputOptions io;

    @Option(names = "--every", defaultValue = "10m", description = "Time between rounds: 30s, 10m, 1h (default: ${DEFAULT-VALUE}).")
    String every;

    @Option(names = "--rounds", defaultValue = "0", description = "Stop after this many rounds (default: never).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        Duration interval = parse(every);
        Runner.Session session = new Runner.Session(io.ingestSettings(), io.noEmbeddings ? null : Runner.defaultEmbedder());
        int seenRejections = 0;
        for (int round = 1; rounds == 0 || round <= rounds; round++) {
            int added = session.run(() -> session.ingest(io.inputs, null));
            Analysis a = session.run(session::analysis);
            if (added > 0 || round == 1) AnalyzeCommand.writeAll(a, io.out, System.err);
            for (int i = seenRejections; i < a.rejections().size(); i++) {
                var r = a.rejections().get(i);
                System.err.println("rejected " + r.path() + (r.position() == null ? "" : " at " + r.position()) + ": " + r.reason());
            }
            seenRejections = a.rejections().size();
            System.out.printf("round %d: %d new articles, %d in all, %d stories, %d links%n", round, added, a.articles().size(), a.stories().size(), a.links().size());
            System.out.flush();
            if (rounds != 0 && round == rounds) break;
            Thread.sleep(interval.toMillis());
        }
        return 0;
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    static Duration parse(String s) {
        Matcher m = DURATION.matcher(s.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException("--every: '" + s + "' is not a duration like 30s, 10m or 1h");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
