package org.storytrace.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.storytrace.core.doc.Document;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Story;
import org.storytrace.core.quote.QuoteGroupStage;
import org.storytrace.engine.Engine;
import org.storytrace.engine.Progress;
import org.storytrace.engine.Results;
import org.storytrace.engine.output.StoriesJson;

/**
 * A store with the engine that analyses it: what {@code storytrace ingest} and the server run. Opening it
 * restores every stored article into the engine (the article stages do not run again on them); each ingest
 * makes the new articles durable batch by batch, as the engine reads them, and {@link #analyse} recomputes
 * links and stories and saves the analysis. Within one archive, the story stages run again only on the
 * stories new articles touched ({@link Engine#storyRuns}).
 */
public final class Archive implements AutoCloseable {
    private final Store store;
    private final Engine engine;
    private final CompletableFuture<Long> restored = new CompletableFuture<>();

    private Archive(Store store, Engine engine) {
        this.store = store;
        this.engine = engine;
    }

    /**
     * Opens the store at {@code location} for writing, builds the engine from {@code builder} and restores
     * the stored articles into it.
     *
     * @param stored called with each batch once it is durable (an acknowledgement), on the engine's thread
     * @throws Store.StoreException when the store cannot be opened, naming it and why
     */
    public static Archive open(String location, Path indexDir, Engine.Builder builder, Consumer<List<Document>> stored) {
        Archive a = openUnrestored(location, indexDir, builder, stored);
        try {
            a.restore(null);
            return a;
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
    }

    /**
     * As {@link #open}, without restoring the stored articles into the engine yet: the store can be read at
     * once (the server answers from it) while {@link #restore} runs; {@link #ingest} and {@link #analyse}
     * wait for it.
     */
    public static Archive openUnrestored(String location, Path indexDir, Engine.Builder builder, Consumer<List<Document>> stored) {
        AtomicReference<Store> holder = new AtomicReference<>();
        Engine engine = builder.onStored(batch -> {
            holder.get().addArticles(batch.documents(), batch.encoded());
            if (stored != null) stored.accept(batch.documents());
        }).onLinked(linked -> holder.get().addFoundLinks(linked.first(), linked.ids(), linked.links())).build();
        try {
            Store store = Store.openForWriting(location, indexDir, new Store.Codec() {
                @Override public byte[] encode(Document d) { return engine.encode(d); }
                @Override public Document decode(byte[] bytes) { return engine.decode(bytes); }
                @Override public Document decode(byte[] bytes, byte[] links) { return engine.decode(bytes, links); }
                @Override public Article article(byte[] bytes) { return engine.decodeArticle(bytes); }
            });
            holder.set(store);
            return new Archive(store, engine);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /**
     * Restores every stored article into the engine (their stored layers kept: the article stages do not run
     * again), telling {@code progress} (if not null) how many so far; returns how many. Once.
     */
    public long restore(LongConsumer progress) {
        if (restored.isDone()) return restored();
        try {
            long[] n = {0};
            // read while the engine works on what was read before
            engine.restore(sink -> store.forEachDocument(engine.settings().batch(), batch -> {
                sink.accept(batch);
                n[0] += batch.size();
                if (progress != null) progress.accept(n[0]);
            }));
            restored.complete(n[0]);
            return n[0];
        } catch (RuntimeException e) {
            restored.completeExceptionally(e);
            throw e;
        }
    }

    /** Whether the stored articles are in the engine (ingest and analyse are possible without waiting). */
    public boolean isRestored() { return restored.isDone() && !restored.isCompletedExceptionally(); }

    /** Articles restored from the store (waits for {@link #restore}). */
    public long restored() {
        try {
            return restored.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the store was being restored", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    public Store store() { return store; }

    public Engine engine() { return engine; }

    /** Reads the inputs and stores every new article; records the rejections and duplicates met. */
    public Engine.Batch ingest(List<String> inputs, Progress progress) {
        restored();
        Engine.Batch b = engine.ingest(inputs, progress);
        store.addRejections(b.rejected());
        store.addDuplicates(b.duplicates());
        return b;
    }

    /** Whether the stored analysis covers every stored article. */
    public boolean analysisCurrent() { return store.analysisCurrent(); }

    /** Links, stories and the story stages over every article, saved to the store; the results, for whoever wants more. */
    public Results analyse() {
        restored();
        long t0 = System.nanoTime();
        Results r = engine.results();
        long t1 = System.nanoTime();
        resultsNanos += t1 - t0;
        save(r);
        saveNanos += System.nanoTime() - t1;
        return r;
    }

    /**
     * Saves results over every stored article, whole (only changed elements are rewritten). The contract is
     * written on a thread of its own into a pipe that the store reads as it is written: the two overlap, and no
     * temporary file holds the whole document (1M articles: ~1 GB).
     */
    private void save(Results r) {
        BytePipe pipe = new BytePipe();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (OutputStream out = pipe.out()) {
                StoriesJson.write(r, out, false);
            } catch (Throwable t) {
                failed.set(t); // closing the pipe ends the reader's document early: it fails and rolls back
            }
        }, "storytrace-save-writer");
        writer.setDaemon(true);
        writer.start();
        Exception failure = null;
        try {
            store.saveAnalysis(pipe.in());
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            pipe.closeReader(); // a writer still writing (the reader failed) stops at its next write
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure == null) return;
        // a writer that failed on its own (not because the reading end closed) explains the reader's failure, which
        // then only saw the document end early; else the store's own failure stands as it is
        Throwable w = failed.get() instanceof BytePipe.ReaderGone ? null : failed.get();
        if (w == null && failure instanceof RuntimeException re) throw re;
        Throwable cause = w != null ? w : failure;
        throw new UncheckedIOException("store " + store.location() + ": cannot save the analysis: " + cause.getMessage(),
                cause instanceof IOException io ? io : new IOException(cause));
    }

    /**
     * Lets the engine place new articles into the stored analysis ({@link Engine#adoptGrouping}) instead of grouping
     * every article first: when the analysis is current and its labels are those a grouping numbers. Returns whether
     * it did. The placement's index is made at the first placement ({@link Engine#preparePlacement} makes it now).
     */
    public boolean adoptStoredGrouping() { return store.analysisCurrent() && adopt(storedGrouping()); }

    /**
     * The stored analysis's grouping (each analysed article's story and topic label, by its number in the engine), and
     * how many of its articles updates placed since it was grouped; null when there is none or its labels are not those
     * a grouping numbers. The analysis covers every stored article, or, after a run killed before it saved its own, the
     * articles stored up to the last save (the first ones: articles are stored and restored in order); the rest are
     * placed by the next {@link #update} once it is adopted, as the killed run would have placed them. Read it before
     * ingesting more, {@link #adopt} it after.
     */
    public StoredGrouping storedGrouping() {
        restored();
        List<Store.Placement> stored = store.placements(); // every stored article in order, labelled when analysed
        int m = 0;
        while (m < stored.size() && stored.get(m).story() >= 0) m++;
        if (m == 0 || m > engine.size()) return null;
        for (int k = m; k < stored.size(); k++) if (stored.get(k).story() >= 0) return null; // the analysed ones are not the first
        int[] story = new int[m], topic = new int[m];
        for (int k = 0; k < m; k++) {
            Store.Placement p = stored.get(k);
            if (engine.indexOf(p.article()) != k || p.topic() < 0) return null;
            story[k] = p.story();
            topic[k] = p.topic();
        }
        return new StoredGrouping(story, topic, Math.min(m, store.placedSinceGrouping()));
    }

    /** See {@link #storedGrouping}: labels of the first {@code story.length} articles, the last {@code placed} of them placed. */
    public record StoredGrouping(int[] story, int[] topic, int placed) {
        /** Articles the grouping covers. */
        public int size() { return story.length; }
    }

    /**
     * Takes {@code g} as the engine's grouping, the articles ingested since it was read to be placed by the next
     * {@link #update}; false (and nothing changed) when {@code g} is null or does not fit the engine's articles.
     */
    public boolean adopt(StoredGrouping g) {
        if (g == null) return false;
        try {
            engine.adoptGrouping(g.story(), g.topic(), g.placed());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * New articles (posted to the server, or given to {@code storytrace ingest} for a store that holds an analysis) are
     * placed into the existing stories (milliseconds) rather than grouped with every article again (seconds to minutes
     * for a large store); everything is grouped again once the articles placed since the last grouping reach this
     * share of the store, and at least {@link #REGROUP_MIN} of them, since placement never merges or splits a story.
     */
    public static final double REGROUP_SHARE = 0.05;
    /** See {@link #REGROUP_SHARE}. */
    public static final int REGROUP_MIN = 1000;

    /**
     * Whether {@link #update} groups everything again rather than placing: once {@code placed} of the {@code articles} were
     * placed since the last grouping (those waiting to be placed counted), at least {@code share} of them and {@code min}.
     */
    public static boolean regroupDue(long placed, long articles, double share, int min) {
        return placed >= Math.max(min, share * articles);
    }

    /**
     * Brings the stored analysis level with every article the engine holds, the way that costs least: when
     * {@code grouping} ({@link #storedGrouping}, read before the latest articles were ingested; null for none) leaves
     * no regrouping due ({@link #REGROUP_SHARE}, {@link #REGROUP_MIN}, counting the articles it does not cover as placed)
     * and fits the engine, it is adopted and the articles it does not cover are placed ({@link #update}); else everything
     * is grouped ({@link #analyse}). What {@code storytrace ingest} does after reading its inputs and the server after a
     * restore that found the analysis behind (a run killed before it saved): either way the articles after the analysed
     * ones are placed as an uninterrupted run would have placed them. The adoption counts as analysis time.
     */
    public Updated catchUp(StoredGrouping grouping) {
        restored();
        long articles = engine.size(), t0 = System.nanoTime();
        boolean placing = grouping != null && !regroupDue(grouping.placed() + articles - grouping.size(), articles, REGROUP_SHARE,
                REGROUP_MIN) && adopt(grouping);
        resultsNanos += System.nanoTime() - t0;
        return placing ? update(REGROUP_SHARE, REGROUP_MIN) : new Updated(analyse(), true, null);
    }

    /** What {@link #update} did: its results, whether it grouped everything again, and what it saved. */
    public record Updated(Results results, boolean regrouped, Store.Saved saved) {}

    /**
     * Brings the stored analysis level with the stored articles at the cost of what changed: the articles added
     * since the last analysis are placed into its stories ({@link Engine#update}) and only the elements that moved
     * are saved (the new articles, the stories and topics they joined or started with their articles, the new
     * links). Groups everything again ({@link #analyse}) when nothing was grouped in this process yet, or once the
     * articles placed since the last grouping reach {@code regroupShare} of the collection (and at least
     * {@code regroupMin}): placement never merges or splits existing stories, a grouping does.
     *
     * <p>Links added by updates are listed after the others until the next grouping, which puts them back in the
     * order {@code analyze} writes.
     */
    public Updated update(double regroupShare, int regroupMin) {
        restored();
        if (!engine.grouped() || regroupDue(engine.placedSinceGrouping(), engine.size(), regroupShare, regroupMin)) {
            Results r = analyse();
            engine.preparePlacement(); // the next post places at once
            return new Updated(r, true, null);
        }
        long t0 = System.nanoTime();
        Engine.Update u = engine.update();
        long t1 = System.nanoTime();
        resultsNanos += t1 - t0;
        if (u.regrouped()) {
            save(u.results());
            saveNanos += System.nanoTime() - t1;
            return new Updated(u.results(), true, null);
        }
        Results r = u.results();
        int first = u.firstPlaced();
        BitSet articles = new BitSet(), stories = new BitSet(), topics = new BitSet();
        articles.set(first, r.articleCount());
        for (int label : u.stories()) {
            stories.set(label);
            for (String id : r.stories().get(label).articles()) articles.set(r.indexOf(id));
        }
        for (int label : u.topicStories().keySet()) topics.set(label);
        BitSet links = new BitSet();
        for (int k : u.links()) links.set(k);
        int linkBase = store.sectionSize("links");
        List<Store.Element> elements = new ArrayList<>();
        int[] nextLink = {linkBase};
        boolean wholeOthers = r.hasEntities() || !r.stories().isEmpty() && hasQuotes(r);
        // entity ids are numbered across the collection, so with entities any story may name others now: all are
        // rendered and those that changed saved
        boolean storiesWhole = r.hasEntities();
        try {
            BitSet storySelection = storiesWhole ? StoriesJson.Selection.ALL : stories;
            StoriesJson.Selection which = new StoriesJson.Selection(articles, storySelection, topics, links, wholeOthers, u.topicStories());
            StoriesJson.elements(r, which,
                    (section, ord, json) -> elements.add(new Store.Element(section, section.equals("links") ? nextLink[0]++ : ord, json)));
        } catch (IOException e) {
            throw new UncheckedIOException("store " + store.location() + ": cannot render the analysis: " + e.getMessage(), e);
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("articles", r.articleCount());
        sizes.put("stories", r.stories().size());
        sizes.put("topics", u.topicCount());
        sizes.put("links", nextLink[0]);
        Set<String> whole = new HashSet<>();
        if (wholeOthers) {
            for (Store.Element e : elements) if (!sizes.containsKey(e.section())) whole.add(e.section());
            if (r.hasEntities()) whole.add("entities");
        }
        if (storiesWhole) whole.add("stories");
        Store.Saved saved = store.saveUpdate(elements, sizes, whole, engine.placedSinceGrouping());
        saveNanos += System.nanoTime() - t1;
        return new Updated(r, false, saved);
    }

    private static boolean hasQuotes(Results r) {
        if (!r.hasStoryLayers()) return false;
        for (Story s : r.stories()) {
            if (r.findStoryLayer(s.id(), QuoteGroupStage.LAYER).isPresent()) return true;
        }
        return false;
    }

    private long resultsNanos, saveNanos;

    /** Seconds spent so far computing analyses (links verified, stories, story stages) and saving them. */
    public double[] analysisSeconds() { return new double[] {resultsNanos / 1e9, saveNanos / 1e9}; }

    @Override public void close() {
        try {
            engine.close();
        } finally {
            store.close();
        }
    }
}
