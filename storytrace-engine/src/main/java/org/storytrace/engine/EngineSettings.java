package org.storytrace.engine;

import java.nio.file.Path;
import java.time.Duration;
import org.storytrace.core.pipeline.Linker;
import org.storytrace.core.pipeline.StoryGrouper;
import org.storytrace.ingest.Ingestor;

/**
 * Everything the engine is set by, with names: build with {@link #builder()}, change with
 * {@link #toBuilder()}; every value is checked when built, and a bad one is refused naming the setting and
 * the value.
 *
 * @param threads      threads for every stage; results do not depend on it
 * @param maxBytes     documents (and decompressed gzip data) larger than this are rejected
 * @param fetchTimeout how long a feed URL may take
 * @param pageBudget   how long one page may take to process before it is rejected
 * @param batch        articles fingerprinted, verified and written at a time
 * @param workDir      where the engine keeps its work files (texts, terms, fingerprints), deleted on close;
 *                     null for the system's temporary folder
 * @param linker       the link stage's settings
 * @param grouper      the story stage's settings
 * @param profilesInMemory collections up to this many articles keep their story profiles (about 1.3 KB
 *                     each) on the heap while grouping; larger ones keep them in a work file
 * @param indexOnDisk  whether the candidate indexes keep their postings in memory-mapped work files rather than
 *                     on the heap (at a million articles the engine's heap ~907 -> ~148 bytes an article; they read
 *                     about a quarter slower here, docs/benchmarks.md)
 * @param oneStory     every article is one story of one topic, and the story stages (entities, quotes, facts and
 *                     discrepancies, timeline, summary) run over all of them: for a set the user already knows is one
 *                     story (the coverage of one event gathered by hand, a summarisation set such as DUC's). Stories are
 *                     not grouped; links are found as always
 */
public record EngineSettings(int threads, long maxBytes, Duration fetchTimeout, Duration pageBudget, int batch, Path workDir,
                             Linker.Settings linker, StoryGrouper.Settings grouper, int profilesInMemory, boolean indexOnDisk,
                             boolean oneStory) {
    public EngineSettings {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        if (batch < 1) throw new IllegalArgumentException("batch must be at least 1, was " + batch);
        if (linker == null || grouper == null) throw new IllegalArgumentException("linker and grouper settings are required");
        if (profilesInMemory < 0) throw new IllegalArgumentException("profilesInMemory must be >= 0, was " + profilesInMemory);
        // the ingest settings check the rest
        new Ingestor.Settings(maxBytes, fetchTimeout, pageBudget, threads);
    }

    public static EngineSettings defaults() { return builder().build(); }

    public static Builder builder() { return new Builder(); }

    public Builder toBuilder() {
        return new Builder().threads(threads).maxBytes(maxBytes).fetchTimeout(fetchTimeout).pageBudget(pageBudget).batch(batch)
                .workDir(workDir)
                .linker(linker).grouper(grouper).profilesInMemory(profilesInMemory).indexOnDisk(indexOnDisk).oneStory(oneStory);
    }

    /** The ingest stage's part of these settings. */
    public Ingestor.Settings ingest() { return new Ingestor.Settings(maxBytes, fetchTimeout, pageBudget, threads); }

    /** Builds {@link EngineSettings} by name, from the defaults. */
    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        private long maxBytes = 10L * 1024 * 1024;
        private Duration fetchTimeout = Duration.ofSeconds(30), pageBudget = Duration.ofSeconds(20);
        private int batch = 2048;
        private Path workDir;
        private Linker.Settings linker = Linker.Settings.defaults();
        private StoryGrouper.Settings grouper = StoryGrouper.Settings.defaults();
        private int profilesInMemory = 100_000;
        private boolean indexOnDisk;
        private boolean oneStory;

        public Builder threads(int v) { threads = v; return this; }
        public Builder maxBytes(long v) { maxBytes = v; return this; }
        public Builder fetchTimeout(Duration v) { fetchTimeout = v; return this; }
        public Builder pageBudget(Duration v) { pageBudget = v; return this; }
        public Builder batch(int v) { batch = v; return this; }
        public Builder workDir(Path v) { workDir = v; return this; }
        public Builder linker(Linker.Settings v) { linker = v; return this; }
        public Builder grouper(StoryGrouper.Settings v) { grouper = v; return this; }
        public Builder profilesInMemory(int v) { profilesInMemory = v; return this; }
        public Builder indexOnDisk(boolean v) { indexOnDisk = v; return this; }
        public Builder oneStory(boolean v) { oneStory = v; return this; }

        public EngineSettings build() {
            return new EngineSettings(threads, maxBytes, fetchTimeout, pageBudget, batch, workDir, linker, grouper, profilesInMemory,
                    indexOnDisk, oneStory);
        }
    }
}
