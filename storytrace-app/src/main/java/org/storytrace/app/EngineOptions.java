package org.storytrace.app;

import java.nio.file.Path;
import java.time.Duration;
import org.storytrace.engine.Engine;
import org.storytrace.engine.EngineSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options that set the engine, shared by every command that runs it (analyze, watch, ingest, serve). */
final class EngineOptions {
    @Spec(Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--max-bytes", defaultValue = "10485760",
            description = "Reject documents larger than this (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for a feed URL (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--no-embeddings", description = "Group stories on lexical evidence alone (faster; misses rewrites).")
    boolean noEmbeddings;

    @Option(names = "--fast", description = "The fast tier only: stories, topics and reused passages, without the deep tier "
            + "(entities, quotes). For millions of articles: the deep tier reads every sentence with a statistical model.")
    boolean fast;

    @Option(names = "--summary-sentences", defaultValue = "5",
            description = "Sentences in each story's summary (default: ${DEFAULT-VALUE}).")
    int summarySentences;

    @Option(names = "--threads", description = "Threads for every stage (default: the number of cores). The results do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--batch", defaultValue = "2048",
            description = "Articles read, processed and linked at a time (and, for ingest, made durable and "
            + "acknowledged at a time; default: ${DEFAULT-VALUE}). The results do not depend on it.")
    int batch;

    @Option(names = "--work-dir", description = "Folder for the engine's work files (texts, terms, fingerprints; about 20 KB an article, "
            + "deleted at the end); default: the system's temporary folder.")
    Path workDir;

    @Option(names = "--index-on-disk", description = "Keep the candidate indexes' postings in memory-mapped work files instead "
            + "of on the heap: about 150 bytes of heap an article instead of ~900, for collections larger than the heap allows; "
            + "slower (a million articles read about a quarter slower).")
    boolean indexOnDisk;

    /** An engine builder with these options' settings, embedder and tiers. */
    Engine.Builder engine() { return engine(false); }

    /** {@link #engine()}, every article one story when {@code oneStory} ({@link EngineSettings#oneStory}). */
    Engine.Builder engine(boolean oneStory) {
        Engine.Builder b = Engine.builder(settings().toBuilder().oneStory(oneStory).build()).embedder(noEmbeddings ? null
                : Runner.defaultEmbedder());
        return fast ? b : b.deepTier(summarySentences);
    }

    /** The engine's settings from the options; a bad value is refused with one line naming the option. */
    EngineSettings settings() {
        if (threads < 1) throw bad("--threads must be at least 1, was " + threads);
        if (summarySentences < 1) throw bad("--summary-sentences must be at least 1, was " + summarySentences);
        if (maxBytes < 1) throw bad("--max-bytes must be at least 1, was " + maxBytes);
        if (batch < 1) throw bad("--batch must be at least 1, was " + batch);
        if (timeoutSeconds < 1) throw bad("--timeout must be at least 1 second, was " + timeoutSeconds);
        return EngineSettings.builder().threads(threads).maxBytes(maxBytes).fetchTimeout(Duration.ofSeconds(timeoutSeconds)).batch(batch)
                .workDir(workDir).indexOnDisk(indexOnDisk).build();
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
