package org.storytrace.app;

import java.util.List;
import java.util.function.Function;
import org.storytrace.core.model.Analysis;
import org.storytrace.core.pipeline.Embedder;
import org.storytrace.engine.Engine;
import org.storytrace.engine.EngineSettings;
import org.storytrace.engine.Results;
import org.storytrace.nlp.embed.MiniLmEmbedder;

/** The command line's access to the engine: the default embedder, loaded once, and whole runs for the evaluations. */
public final class Runner {
    private static volatile Embedder shared;

    private Runner() {}

    /** The default embedder, loaded once per process. */
    public static Embedder defaultEmbedder() {
        Embedder e = shared;
        if (e == null) {
            synchronized (Runner.class) {
                if (shared == null) shared = new MiniLmEmbedder();
                e = shared;
            }
        }
        return e;
    }

    /** Reads {@code inputs} through the engine and returns everything it found, texts included (for small collections). */
    public static Analysis analyze(List<String> inputs, EngineSettings settings, Embedder embedder) {
        try (Engine engine = Engine.builder(settings).embedder(embedder).build()) {
            engine.ingest(inputs, null);
            engine.seal();
            return engine.results().toAnalysis();
        }
    }

    /**
     * Reads {@code inputs} through an engine with the deep tier and hands its results, texts and entities
     * included, to {@code use} before the engine closes (for small collections: the evaluations).
     */
    public static <T> T analyzeDeep(List<String> inputs, EngineSettings settings, Embedder embedder, Function<Results,
            T> use) {
        try (Engine engine = Engine.builder(settings).embedder(embedder).deepTier().build()) {
            engine.ingest(inputs, null);
            engine.seal();
            return use.apply(engine.results());
        }
    }
}
