package org.storytrace.app;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.storytrace.bench.NewsPool;
import org.storytrace.bench.gen.CorpusGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code storytrace generate --articles N --seed S --out corpus.jsonl}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Builds a news corpus with known truth (stories, reprints with their reused spans, rewrites, follow-ups) "
                + "from the real newswire pool.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--articles", required = true, description = "How many articles.")
    int articles;

    @Option(names = "--seed", defaultValue = "1",
            description = "Random seed; the same seed gives the same corpus (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "The corpus, as JSON Lines; the truth goes beside it as NAME.truth.jsonl.")
    Path out;

    @Option(names = "--pool", description = "The newswire pool (default: ../shared/corpora/news-pool).")
    Path pool;

    @Option(names = "--language", description = "Write this ISO 639 code (eng) as every record's language; by default records "
            + "carry none, as most real inputs, and the reader identifies it.")
    String language;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (language != null && !language.matches("[a-z]{2,3}")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--language must be an ISO 639 code such as eng, was "
                    + language);
        }
        if (pool != null) System.setProperty("storytrace.newsPool", pool.toString());
        CorpusGenerator g = new CorpusGenerator(NewsPool.texts(Integer.MAX_VALUE));
        Path truth = truthPath(out);
        if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
        try (BufferedWriter c = Files.newBufferedWriter(out, StandardCharsets.UTF_8); BufferedWriter t = Files.newBufferedWriter(truth,
                StandardCharsets.UTF_8)) {
            g.generate(CorpusGenerator.Settings.of(articles, seed).withLanguage(language), c, t);
        }
        System.out.println("corpus: " + out.toAbsolutePath().normalize());
        System.out.println("truth:  " + truth.toAbsolutePath().normalize());
        return 0;
    }

    static Path truthPath(Path corpus) {
        String n = corpus.getFileName().toString().replaceFirst("\\.jsonl$", "");
        return corpus.resolveSibling(n + ".truth.jsonl");
    }
}
