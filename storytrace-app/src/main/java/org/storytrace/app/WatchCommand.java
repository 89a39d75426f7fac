package org.storytrace.app;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storytrace.core.doc.StageFailure;
import org.storytrace.engine.Engine;
import org.storytrace.engine.Results;
import org.storytrace.engine.output.OutputFolder;
import org.storytrace.engine.output.Outputs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code storytrace watch INPUT... --every 10m}: polls feeds and folders and adds only what is new. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Polls feeds and folders every --every, adds only the articles not seen before, and rewrites the results "
                + "in --out after each round that found some.")
final class WatchCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    InputOptions io;

    @Option(names = "--every", defaultValue = "10m", description = "Time between rounds: 30s, 10m, 1h (default: ${DEFAULT-VALUE}).")
    String every;

    @Option(names = "--rounds", defaultValue = "0", description = "Stop after this many rounds (default: never).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        Duration interval;
        try {
            interval = parse(every);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (rounds < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be 0 (never stop) or more, was "
                + rounds);
        Engine.Builder builder = io.engine();
        OutputFolder out = OutputFolder.prepare(io.out);
        try (Engine engine = builder.build()) {
            int failuresSaid = 0;
            for (int round = 1; rounds == 0 || round <= rounds; round++) {
                Engine.Batch batch = engine.ingest(io.inputs, null);
                // each rejection once: the engine reports a rejection already seen in an earlier round no more
                AnalyzeCommand.printRejections(batch.rejected(), System.err);
                Results r = engine.results();
                List<StageFailure> failed = engine.stageFailuresSince(failuresSaid); // each failure once
                AnalyzeCommand.printFailures(failed, System.err);
                failuresSaid += failed.size();
                if (batch.added() > 0 || round == 1) Outputs.writeAll(r, out);
                System.out.printf("round %d: %d new articles, %d in all, %d stories, %d links%n", round, batch.added(), r.articleCount(),
                        r.stories().size(), r.links().size());
                System.out.flush();
                if (rounds != 0 && round == rounds) break;
                Thread.sleep(interval.toMillis());
            }
        }
        return 0;
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    static Duration parse(String s) {
        Matcher m = DURATION.matcher(s.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException("--every: '" + s + "' is not a duration like 30s, 10m or 1h");
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.isZero()) throw new IllegalArgumentException("--every: '" + s + "' must be longer than nothing");
        return d;
    }
}
