package org.storytrace.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.storytrace.ingest.Ingestor;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs and output options that analyze and watch share. */
final class InputOptions {
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

    @Option(names = "--threads", description = "Threads for every stage (default: the number of cores). The results do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    Ingestor.Settings ingestSettings() {
        if (threads < 1) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--threads must be at least 1, was " + threads);
        return new Ingestor.Settings(maxBytes, Duration.ofSeconds(Math.max(1, timeoutSeconds))).withThreads(threads);
    }
}
