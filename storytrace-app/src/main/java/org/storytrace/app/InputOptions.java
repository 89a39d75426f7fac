package org.storytrace.app;

import java.nio.file.Path;
import java.util.List;
import org.storytrace.engine.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs and output options that analyze and watch share, with the engine's. */
final class InputOptions {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, folders, globs, http(s) feed URLs, or - for standard input.")
    List<String> inputs;

    @Option(names = "--out", defaultValue = "storytrace-out", description = "Folder for the results (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--one-story", description = "The inputs are one story (the coverage of one event, gathered by hand): "
            + "no grouping; entities, quotes, discrepancies, the timeline and the summary are made across all of them.")
    boolean oneStory;

    /** An engine builder with these options' settings, embedder and tiers. */
    Engine.Builder engine() { return engineOptions.engine(oneStory); }
}
