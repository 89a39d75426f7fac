package org.storytrace.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.storytrace.engine.Engine;
import org.storytrace.engine.EngineSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The inputs and output options that analyze and watch share. */
final class InputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, folders, globs, http(s) feed URLs, or - for standard input.")
    List<String> inputs;

    @Option(names = "--out", defaultValue = "storytrace-out", description = "Folder for the results (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--max-bytes", defaultValue = "10485760", description = "Reject documents larger than this (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for a feed URL (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--no-embeddings", description = "Group stories on lexical evidence alone (faster; misses rewrites).")
    boolean noEmbeddings;

    @Option(names = "--fast", description = "The fast tier only: stories, topics and reused passages, without the deep tier "
            + "(entities, quotes). For millions of articles: the deep tier reads every sentence with a statistical model.")
    boolean fast;

    @Option(names = "--summary-sentences", defaultValue = "5", description = "Sentences in each story's summary (default: ${DEFAULT-VALUE}).")
    int summarySentences;

    @Option(names = "--threads", description = "Threads for every stage (default: the number of cores). The results do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--work-dir", description = "Folder for the engine's work files (texts, terms, fingerprints; about 20 KB an article, "
            + "deleted at the end); default: the system's temporary folder.")
    Path workDir;

    /** An engine builder with these options' settings, embedder and tiers. */
    Engine.Builder engine() {
        Engine.Builder b = Engine.builder(settings()).embedder(noEmbeddings ? null : Runner.defaultEmbedder());
        return fast ? b : b.deepTier(summarySentences);
    }

    /** The engine's settings from the options; a bad value is refused with one line naming the option. */
    EngineSettings settings() {
        if (threads < 1) throw bad("--threads must be at least 1, was " + threads);
        if (summarySentences < 1) throw bad("--summary-sentences must be at least 1, was " + summarySentences);
        if (maxBytes < 1) throw bad("--max-bytes must be at least 1, was " + maxBytes);
        if (timeoutSeconds < 1) throw bad("--timeout must be at least 1 second, was " + timeoutSeconds);
        return EngineSettings.builder().threads(threads).maxBytes(maxBytes).fetchTimeout(Duration.ofSeconds(timeoutSeconds)).workDir(workDir).build();
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
