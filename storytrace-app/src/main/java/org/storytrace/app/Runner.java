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
        Session s = new Session(ingest, embedder);
        Analysis a = s.run(() -> {
            s.ingest(inputs, progress);
            return s.analysis();
        });
        if (explain != null) {
            for (StoryGrouper.Pair pr : s.pipeline.grouper().lastPairs()) {
                explain.printf(java.util.Locale.ROOT, "pair %s %s lexical=%.3f names=%.3f headlines=%.3f semantic=%.3f reuse=%.3f score=%.3f%n",
                        a.articles().get(pr.a()).id(), a.articles().get(pr.b()).id(), pr.lexical(), pr.names(), pr.headlines(), pr.semantic(), pr.reuse(), pr.score());
            }
        }
        return a;
    }

    /**
     * An ingestor and a pipeline that live across several reads of the inputs: what was read before is
     * recognised (same canonical URL or body) and not added again, so each read adds only what is new.
     */
    public static final class Session {
        /** Articles handed to the pipeline at a time; a batch is fingerprinted and verified in parallel. */
        static final int BATCH = 2048;

        private final Ingestor ingestor;
        private final Pipeline pipeline;
        private final java.util.concurrent.ForkJoinPool pool;
        private final java.util.Map<String, String> pathOfId = new java.util.HashMap<>();
        private final java.util.List<org.storytrace.core.model.Article> batch = new java.util.ArrayList<>();

        public Session(Ingestor.Settings ingest, Embedder embedder) {
            this.ingestor = new Ingestor(ingest);
            boolean parallel = ingest.threads() > 1;
            this.pipeline = new Pipeline(new Linker(), new StoryGrouper(StoryGrouper.Settings.defaults(), parallel), embedder, parallel);
            this.pool = new java.util.concurrent.ForkJoinPool(ingest.threads());
        }

        /** Runs {@code work} on this session's threads (the stages' parallel steps use them). */
        public <T> T run(java.util.concurrent.Callable<T> work) { return org.storytrace.core.pipeline.Threads.call(pool, work); }

        /** Reads the inputs; returns how many new articles they held. */
        public int ingest(List<String> inputs, ProgressListener progress) {
            int[] added = {0};
            List<Input> resolved = ingestor.resolve(inputs, pipeline::reject);
            if (progress != null) progress.start(resolved.size());
            Ingestor.Listener listener = new Ingestor.Listener() {
                @Override public void accepted(org.storytrace.core.model.Article a) {
                    batch.add(a);
                    if (batch.size() >= BATCH) flush();
                    pathOfId.put(a.id(), a.path());
                    added[0]++;
                }
                @Override public void rejected(org.storytrace.core.model.Rejection r) { pipeline.reject(r); }
                @Override public void duplicate(org.storytrace.core.model.Duplicate d) {
                    // the same record read again in a later round is not news, nor a duplicate worth listing
                    if (!d.path().equals(pathOfId.get(d.of()))) pipeline.duplicate(d);
                }
            };
            int done = 0;
            for (Input f : resolved) {
                ingestor.read(f, listener);
                if (progress != null) progress.advance(++done);
            }
            flush();
            if (progress != null) progress.finish();
            return added[0];
        }

        private void flush() {
            if (batch.isEmpty()) return;
            pipeline.addAll(List.copyOf(batch));
            batch.clear();
        }

        public Analysis analysis() { return pipeline.analysis(); }
    }

    /** Receives progress of a run. */
    public interface ProgressListener {
        void start(int total);
        void advance(int done);
        void finish();
    }

}
