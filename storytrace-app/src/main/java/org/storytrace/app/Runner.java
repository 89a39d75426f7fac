package org.storytrace.app;

import java.util.List;
import org.storytrace.core.model.Analysis;
import org.storytrace.core.pipeline.Embedder;
import org.storytrace.core.pipeline.Linker;
import org.storytrace.core.pipeline.Pipeline;
import org.storytrace.core.pipeline.StoryGrouper;
import org.storytrace.ingest.Ingestor;
import org.storytrace.ingest.read.Input;
import org.storytrace.nlp.embed.MiniLmEmbedder;

/** Runs ingest and the pipeline over paths: the one way every entry point (analyze, eval, tests) does it. */
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

    /**
     * Reads every file under {@code roots} and analyses what it read.
     *
     * @param progress called with (files done) after each file, may be null; the total is {@code files.size()}
     */
    public static Analysis analyze(List<String> inputs, Ingestor.Settings ingest, Embedder embedder, ProgressListener progress) {
        return analyze(inputs, ingest, embedder, progress, null);
    }

    /** As {@link #analyze(List, Ingestor.Settings, Embedder, ProgressListener)}, printing each scored pair's evidence to {@code explain} if not null. */
    public static Analysis analyze(List<String> inputs, Ingestor.Settings ingest, Embedder embedder, ProgressListener progress, java.io.PrintStream explain) {
        Ingestor in = new Ingestor(ingest);
        Pipeline p = new Pipeline(new Linker(), new StoryGrouper(), embedder);
        List<Input> resolved = in.resolve(inputs, p::reject);
        if (progress != null) progress.start(resolved.size());
        int done = 0;
        Ingestor.Listener listener = new Ingestor.Listener() {
            @Override public void accepted(org.storytrace.core.model.Article a) { p.add(a); }
            @Override public void rejected(org.storytrace.core.model.Rejection r) { p.reject(r); }
            @Override public void duplicate(org.storytrace.core.model.Duplicate d) { p.duplicate(d); }
        };
        for (Input f : resolved) {
            in.read(f, listener);
            if (progress != null) progress.advance(++done);
        }
        if (progress != null) progress.finish();
        Analysis a = p.analysis();
        if (explain != null) {
            for (StoryGrouper.Pair pr : p.grouper().lastPairs()) {
                explain.printf(java.util.Locale.ROOT, "pair %s %s lexical=%.3f names=%.3f headlines=%.3f semantic=%.3f reuse=%.3f score=%.3f%n",
                        a.articles().get(pr.a()).id(), a.articles().get(pr.b()).id(), pr.lexical(), pr.names(), pr.headlines(), pr.semantic(), pr.reuse(), pr.score());
            }
        }
        return a;
    }

    /** Receives progress of a run. */
    public interface ProgressListener {
        void start(int total);
        void advance(int done);
        void finish();
    }

}
