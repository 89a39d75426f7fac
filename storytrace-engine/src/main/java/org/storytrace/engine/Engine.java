package org.storytrace.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.storytrace.core.doc.ArticleStage;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.doc.SentenceSplitter;
import org.storytrace.core.doc.StageFailure;
import org.storytrace.core.doc.StagePlan;
import org.storytrace.core.doc.StoryStage;
import org.storytrace.core.doc.StoryView;
import org.storytrace.core.doc.TokenLayer;
import org.storytrace.core.entity.Entity;
import org.storytrace.core.entity.EntityResolver;
import org.storytrace.core.entity.EntityStage;
import org.storytrace.core.fact.FactStage;
import org.storytrace.core.index.LongIntMap;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Duplicate;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Rejection;
import org.storytrace.core.model.Story;
import org.storytrace.core.pipeline.DocFrequencies;
import org.storytrace.core.pipeline.Embedder;
import org.storytrace.core.pipeline.Fingerprint;
import org.storytrace.core.pipeline.FingerprintStore;
import org.storytrace.core.pipeline.Linker;
import org.storytrace.core.pipeline.StoryGrouper;
import org.storytrace.core.pipeline.StoryPlacement;
import org.storytrace.core.pipeline.Threads;
import org.storytrace.core.quote.QuoteFinder;
import org.storytrace.core.quote.QuoteGroupStage;
import org.storytrace.core.summary.SummaryStage;
import org.storytrace.core.text.Tokens;
import org.storytrace.core.time.TimeTagger;
import org.storytrace.core.time.TimelineStage;
import org.storytrace.engine.internal.DocumentCodec;
import org.storytrace.engine.internal.FoundLinks;
import org.storytrace.engine.internal.IdList;
import org.storytrace.engine.internal.PackedRecords;
import org.storytrace.engine.internal.RecordFile;
import org.storytrace.engine.internal.WorkFolder;
import org.storytrace.ingest.Ingestor;
import org.storytrace.ingest.read.Input;
import org.storytrace.nlp.ner.NameFinder;

/**
 * The one engine every entry point runs (the command line, the benchmark, the evaluations, the server):
 * ingest, then the article stages (tokens made once, sentences, and the deep tier's stages), then link
 * and the story stage, with its own thread pool, work files and settings.
 *
 * <p>Streaming: articles are processed in batches as they are read and not kept; what stays on the heap
 * is what the indexes need (the candidate indexes, ids and dates, the story terms' document frequencies,
 * the links) plus 16 bytes an article. Texts and stored layers go to a document file, fingerprints' signatures to a
 * signature file, story terms to a terms file, all in the work folder; what else the linker needs of an article (its
 * tokens, its fingerprint's token hashes) is made again from its stored document when it needs it. Two things trade
 * disk for time while the folder's disk has room ({@code spareBytes}: a tenth of its free space each): story terms are
 * kept (past that, made again from the text), and documents are stored as they are (past that, deflated by
 * {@link PackedRecords}). So a run of a million articles keeps ~9 KB an article while reading (documents 4.3, terms 3.2, outlines 0.65,
 * the index 0.66, signatures 0.5) and one of ten million ~4.4 KB an article
 * past its first million or two (session 23). Incremental:
 * {@link #ingest} and {@link #add} may be called again and again; each call adds only what is new, and
 * {@link #results} groups everything added so far.
 *
 * <p>Thread-safe: calls are serialised. Close it to stop its threads and delete its work files.
 */
public final class Engine implements AutoCloseable {
    private final EngineSettings settings;
    private final Embedder embedder;
    private final StagePlan plan;
    private final ForkJoinPool pool;
    private final Ingestor ingestor;
    private final Linker linker;
    private final StoryGrouper grouper;
    private final DocumentCodec codec;
    private final Path workDir;
    private final WorkFolder workFolder;
    /** Documents and their outlines: stored as they are while they take less than {@link #raw}, deflated past it. */
    private final PackedRecords docs, outlines;
    /**
     * The story terms of the first {@link #termsKept} articles (about 3 KB an article), while they take less than
     * {@link #termsBudget}: reading them back costs a tenth of making them again from the text (~60 us an article,
     * a tenth of the story stage at 100k). Null once a sealed run has made its profiles.
     */
    private RecordFile terms;
    private int termsKept;
    private long termsBudget;
    /** No more terms are kept: the budget was reached (the file keeps those before, read as long as it lives). */
    private volatile boolean termsFull;
    /**
     * The bytes documents and outlines may take unpacked, together ({@link PackedRecords}): packing is ~80 us a
     * document, ~40 s of a million-article run, for half the disk, which only a run of many millions needs.
     */
    private final PackedRecords.Budget raw;
    private final DocFrequencies df = new DocFrequencies();
    private final IdList ids = new IdList();
    private final LongIntMap idIndex = new LongIntMap(1024);
    private int[] days = new int[1024];
    private long[] pathHashes = new long[1024];
    private final List<Link> links = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    /** Stages that failed on one article or story (any thread); the run went on without their layer there. */
    private final Queue<StageFailure> failures = new ConcurrentLinkedQueue<>();
    private final Set<Rejection> rejectionSeen = new HashSet<>();
    private final List<Duplicate> duplicates = new ArrayList<>();
    private final Map<Integer, float[]> embeddings = new ConcurrentHashMap<>();
    private final List<Document> pending = new ArrayList<>();
    /** Batches handed to the stage thread and not yet done, oldest first; at most {@link #IN_FLIGHT}. */
    private final ArrayDeque<Future<?>> inFlight = new ArrayDeque<>();
    /** Duplicates seen while reading, judged (same record read again, or not) once their batches are stored. */
    private final List<Duplicate> duplicatesToJudge = new ArrayList<>();
    private final ExecutorService stager;
    private final Consumer<Stored> onStored;
    private final Consumer<Linked> onLinked;
    /** {@link FoundLinks#keyOf} this engine's linking: restored links under another key are found again. */
    private final long linkingKey;
    /** Story layers of the last {@link #results}, by the story's articles and links: a story nothing new touched is not recomputed. */
    private Map<StoryKey, Map<Layer<?>, Object>> storyMemo = Map.of();
    private int accepted;
    private Results cached;
    private boolean closed;

    private static final int NO_DATE = Integer.MIN_VALUE;
    /**
     * Batches processed while the next is read: reading and page processing (ingest's threads) overlap the
     * article stages, linking and storing (this engine's threads), and memory stays bounded. Each batch is
     * prepared (article stages, terms, fingerprints) as soon as it is handed over, so the next batches' preparing
     * fills the cores while the stage thread links one batch in order (session 9: with two in flight and the
     * preparing inside the stage thread's turn, the engine's threads waited a third of the time at a million).
     * One batch waiting besides the one linking is enough since (session 28) and costs far less: whatever a waiting
     * batch holds (texts, tokens, encodings, ~30 KB an article) outlives a young collection and is promoted, so with
     * three waiting a million articles took 143-158 full collections (32-33 s of pauses), and with one 30 (6 s); 211-213
     * -> 186 s in all, 100k 28.0 -> 25.5-26.3 s against two, 20k alike, the same {@code stories.json}.
     */
    private static final int IN_FLIGHT = 1;

    private Engine(Builder b) {
        this.settings = b.settings;
        this.embedder = b.embedder;
        this.onStored = b.onStored;
        this.onLinked = b.onLinked;
        this.linkingKey = FoundLinks.keyOf(settings.linker());
        List<ArticleStage> stages = new ArrayList<>();
        if (b.sentences) stages.add(new SentenceSplitter());
        stages.addAll(b.stages);
        List<StoryStage<?>> storyStages = new ArrayList<>();
        for (StoryStage<?> s : b.storyStages) storyStages.add(s.withEmbedder(embedder));
        this.plan = StagePlan.of(Set.of(Layers.TOKENS), stages, storyStages);
        this.codec = new DocumentCodec(plan.layers());
        boolean parallel = settings.threads() > 1;
        this.grouper = new StoryGrouper(settings.grouper(), parallel).stoppedBy(() -> stopped);
        try {
            // a new locked folder, after deleting those that killed runs left under the same parent (WorkFolder)
            this.workFolder = WorkFolder.create(settings.workDir());
            this.workDir = workFolder.dir();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder under " + (settings.workDir() == null ? "the temporary folder"
                    : settings.workDir())
                    + ": " + e.getMessage(), e);
        }
        this.termsBudget = spareBytes(workDir);
        this.raw = new PackedRecords.Budget(termsBudget);
        this.docs = new PackedRecords(workDir.resolve("documents.bin"), raw);
        this.outlines = new PackedRecords(workDir.resolve("outlines.bin"), raw);
        this.terms = new RecordFile(workDir.resolve("terms.bin"));
        // with indexOnDisk the candidate indexes' postings are memory-mapped work files too: the heap keeps their
        // bucket offsets and recent postings only (bounded), instead of growing by ~600 bytes an article
        // the linker keeps signatures; a fingerprint's tokens are made again from the stored text (the batch's documents are
        // stored before it links: its articles are verified against each other)
        this.linker = new Linker(settings.linker(), FingerprintStore.signaturesOnDisk(workDir.resolve("signatures.bin"), this::fingerprint),
                settings.indexOnDisk() ? workDir.resolve("index") : null);
        this.ingestor = new Ingestor(settings.ingest());
        this.stager = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "storytrace-stages");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger workers = new AtomicInteger();
        this.pool = new ForkJoinPool(settings.threads(), p -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("storytrace-engine-" + workers.getAndIncrement()); // the pool index is not set before the thread registers
            t.setDaemon(true);
            return t;
        }, null, false);
    }

    /** An engine with {@code settings}, the sentence stage and no embedder, to be changed on the builder. */
    public static Builder builder(EngineSettings settings) { return new Builder(settings); }

    /** Assembles an engine; {@link #build} checks the stages' order. */
    public static final class Builder {
        private final EngineSettings settings;
        private Embedder embedder;
        private boolean sentences = true;
        private final List<ArticleStage> stages = new ArrayList<>();
        private final List<StoryStage<?>> storyStages = new ArrayList<>();
        /** Null: no sink, so a batch in flight need not hold its documents' encoded bytes. */
        private Consumer<Stored> onStored;
        private Consumer<Linked> onLinked;

        private Builder(EngineSettings settings) {
            if (settings == null) throw new IllegalArgumentException("settings are required");
            this.settings = settings;
        }

        /** Sentence embeddings for the story stage's close calls; null (the default) for lexical evidence alone. */
        public Builder embedder(Embedder e) { embedder = e; return this; }

        /** Adds an article stage after those added before (the sentence stage runs first). */
        public Builder stage(ArticleStage s) { stages.add(s); return this; }

        /** Adds a story stage. */
        public Builder storyStage(StoryStage<?> s) { storyStages.add(s); return this; }

        /**
         * Adds the deep tier: names, direct quotes and time expressions in every article ({@link NameFinder}, {@link QuoteFinder},
         * {@link TimeTagger}), then entities per story and across the collection ({@link EntityStage}), quote groups and the
         * story's timeline ({@link TimelineStage}), facts and discrepancies ({@link FactStage}) and summary ({@link SummaryStage}). Without
         * it the engine runs the fast tier alone (stories, reuse).
         */
        public Builder deepTier() { return deepTier(SummaryStage.DEFAULT_SENTENCES); }

        /** The deep tier, with summaries of at most {@code summarySentences} sentences. */
        public Builder deepTier(int summarySentences) {
            stages.addAll(DeepTier.articleStages());
            storyStages.addAll(DeepTier.storyStages(summarySentences));
            return this;
        }

        /**
         * Called with each batch of newly read articles once their article stages have run, in the order they were
         * read, on the engine's stage thread and before the batch is linked: where a store makes them durable (and
         * only then acknowledges them). An exception fails the call that added them. Not called for {@link #restore}d documents.
         */
        public Builder onStored(Consumer<Stored> sink) {
            if (sink == null) throw new IllegalArgumentException("the sink is required");
            onStored = sink;
            return this;
        }

        /**
         * Called with the links each article of a batch brought once the batch is linked (after {@link #onStored}'s
         * call for it), on the stage thread, for newly read batches and for restored ones that had to be linked again
         * (their documents came without links, or with links another linking found): a store keeps them beside the
         * articles and hands them back to {@link #decode(byte[], byte[])}, so that the next restore needs no linking.
         * They are a cache: an article without them is linked again. An exception fails the call that added the batch,
         * whose articles the engine holds by then.
         */
        public Builder onLinked(Consumer<Linked> sink) {
            if (sink == null) throw new IllegalArgumentException("the sink is required");
            onLinked = sink;
            return this;
        }

        /** Leaves out the sentence stage (for runs that need no sentences). */
        public Builder withoutSentences() { sentences = false; return this; }

        /**
         * The engine. Refuses, naming both, a stage that needs a layer no earlier stage adds.
         *
         * @throws IllegalArgumentException when the stages are in an order that cannot work
         */
        public Engine build() { return new Engine(this); }
    }

    /** A batch of newly read documents after their article stages, each with its {@link #encode}d bytes, for {@link Builder#onStored}. */
    public record Stored(List<Document> documents, List<byte[]> encoded) {
        public Stored {
            if (documents.size() != encoded.size()) throw new IllegalArgumentException("one encoding a document");
        }
    }

    /**
     * The links each article of a linked batch brought, for {@link Builder#onLinked}: {@code links.get(i)} are the bytes
     * of article {@code ids.get(i)}'s, which {@link #decode(byte[], byte[])} takes back; {@code first} is the number of
     * the batch's first article in the engine (0 for the first article added or restored: a store's order).
     */
    public record Linked(int first, List<String> ids, List<byte[]> links) {
        public Linked {
            if (ids.size() != links.size()) throw new IllegalArgumentException("one entry an article");
            ids = List.copyOf(ids);
            links = List.copyOf(links);
        }
    }

    /** What one call to {@link #ingest} added. */
    public record Batch(int added, List<Rejection> rejected, List<Duplicate> duplicates) {
        public Batch {
            rejected = List.copyOf(rejected);
            duplicates = List.copyOf(duplicates);
        }
    }

    /**
     * Reads the inputs (files, folders, globs, {@code -}, feed URLs) and adds every new article: what was
     * read by an earlier call (the same canonical URL or body) is recognised and not added again, and a
     * rejection already reported is not reported again.
     */
    public synchronized Batch ingest(List<String> inputs, Progress progress) {
        ensureOpen();
        ensureUnsealed();
        Progress p = progress == null ? Progress.NONE : progress;
        int before = accepted, rejectedBefore = rejections.size(), duplicatesBefore = duplicates.size();
        List<Input> resolved = ingestor.resolve(inputs, this::reject);
        long total = 0;
        for (Input in : resolved) {
            if (!in.isFile()) { total = -1; break; }
            try { total += Files.size(in.path()); } catch (IOException e) { total = -1; break; }
        }
        long bytesAtStart = ingestor.bytesRead();
        p.start(total);
        long[] lastReport = {System.nanoTime()};
        Ingestor.Listener listener = new Ingestor.Listener() {
            @Override public void accepted(Article a) { accepted(a, TokenLayer.of(a)); }
            @Override public void accepted(Article a, TokenLayer tokens) {
                checkStopped();
                pending.add(Document.of(a).with(Layers.TOKENS, tokens));
                accepted++;
                if (pending.size() >= settings.batch()) submitPending();
                long now = System.nanoTime();
                if (now - lastReport[0] > 200_000_000L) {
                    lastReport[0] = now;
                    p.update(accepted - before, ingestor.bytesRead() - bytesAtStart);
                }
            }
            @Override public void rejected(Rejection r) { reject(r); }
            @Override public void duplicate(Duplicate d) { duplicatesToJudge.add(d); }
        };
        try {
            for (Input in : resolved) ingestor.read(in, listener);
            submitPending();
        } finally {
            drain();
        }
        int added = accepted - before;
        p.finish(added, ingestor.bytesRead() - bytesAtStart);
        return new Batch(added, rejections.subList(rejectedBefore, rejections.size()), duplicates.subList(duplicatesBefore,
                duplicates.size()));
    }

    /** Hands the pending articles to the stage thread as one batch; waits while too many are in flight. */
    private void submitPending() { submitPending(true); }

    private void submitPending(boolean fresh) {
        if (pending.isEmpty()) return;
        List<Document> batch = List.copyOf(pending);
        pending.clear();
        cached = null;
        // what depends on each article alone starts on the pool at once, while earlier batches link; linking and
        // storing then take the batches one at a time, in order, on the stage thread
        Future<Prepared> prepared = pool.submit(() -> prepare(batch));
        inFlight.add(stager.submit(() -> {
            Prepared p = Threads.await(prepared);
            return Threads.call(pool, () -> { store(p, fresh); return null; });
        }));
        while (inFlight.size() > IN_FLIGHT) Threads.await(inFlight.poll());
    }
    /** Waits for every batch in flight, then judges the duplicates seen meanwhile. */
    private void drain() {
        while (!inFlight.isEmpty()) Threads.await(inFlight.poll());
        for (Duplicate d : duplicatesToJudge) {
            // the same record read again in a later round is not news, nor a duplicate worth listing
            if (!sameRecordAgain(d)) duplicates.add(d);
        }
        duplicatesToJudge.clear();
    }

    private boolean sameRecordAgain(Duplicate d) {
        int i = indexOf(d.of());
        return i >= 0 && pathHashes[i] == pathHash(d.path());
    }

    private static long idKey(String id) { return Tokens.hashOf(id) ^ ((long) id.hashCode() << 32) ^ id.length(); }

    private static long pathHash(String path) { return Tokens.mix(path.hashCode() * 0x9E3779B97F4A7C15L + path.length()); }

    private void reject(Rejection r) {
        if (rejectionSeen.add(r)) rejections.add(r);
    }

    /** Adds articles made elsewhere (not read by {@link #ingest}), in order; ids must be unique. */
    public synchronized void addAll(List<Article> articles) {
        ensureOpen();
        ensureUnsealed();
        try {
            for (Article a : articles) {
                pending.add(Document.of(a).with(Layers.TOKENS, TokenLayer.of(a)));
                accepted++;
                if (pending.size() >= settings.batch()) submitPending();
            }
            submitPending();
        } finally {
            drain();
        }
    }

    /**
     * Adds documents a store kept from an earlier run (their article and stored layers, {@link #decode}d), in
     * their order: article stages whose layers a document already carries do not run again, the reader
     * remembers them (the same URL or body read again is a duplicate of them) and the sink of
     * {@link Builder#onStored} is not called. A batch whose documents all came with the links they brought
     * ({@link #decode(byte[], byte[])}, found by this engine's linking) is added to the candidate indexes without
     * looking up or verifying anything (at 100k articles that is a fifth of a restore's time); any other is linked
     * again, and {@link Builder#onLinked} hears of it. Ids must be unique.
     */
    public void restore(List<Document> restored) { restore(sink -> sink.accept(restored)); }

    /**
     * As {@link #restore(List)}, for documents a {@code source} hands to the sink it is given, in order, in as many
     * lists as it likes (a store reading them a batch at a time): the source reads the next documents while the engine's
     * threads work on those before (each article's tokens are made on the pool with the rest of its preparation, and
     * the reader learns it on the stage thread, in order), and this returns once every one is restored.
     *
     * <p>Why (session 41): restored a list at a time, each call waited for its batch to be linked and stored before the
     * store read the next, and a restore of 1,000,000 articles kept the two cores busy 1.4 of every 2 seconds.
     */
    public synchronized void restore(Consumer<Consumer<List<Document>>> source) {
        ensureOpen();
        ensureUnsealed();
        try {
            source.accept(docs -> {
                for (Document d : docs) {
                    checkStopped();
                    pending.add(d);
                    accepted++;
                    if (pending.size() >= settings.batch()) submitPending(false);
                }
            });
            submitPending(false);
        } finally {
            drain();
        }
    }

    /** A document as the bytes a store keeps: the article and its stored layers ({@link #decode} reads them back). */
    public byte[] encode(Document d) { return codec.encode(d); }

    /**
     * A document from the bytes of {@link #encode}. Bytes written by an engine with other stored layers (an older
     * version, another tier) give the article alone, so that the stages run on it again.
     */
    public Document decode(byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (UncheckedIOException e) {
            return Document.of(codec.decodeArticle(bytes));
        }
    }

    /**
     * As {@link #decode(byte[])}, with the links the article brought when it was linked, as {@link Builder#onLinked}
     * gave them (null when the store has none): a {@link #restore} adds such an article to the candidate indexes
     * without linking it again. Links that cannot be read are left out (the article is linked again).
     */
    public Document decode(byte[] bytes, byte[] links) {
        Document d = decode(bytes);
        if (links == null) return d;
        try {
            return d.with(FoundLinks.LAYER, FoundLinks.decode(links));
        } catch (IllegalArgumentException e) {
            return d;
        }
    }

    /** The article of {@link #encode}'s bytes without its layers: cheaper where only its text and fields are wanted. */
    public Article decodeArticle(byte[] bytes) { return codec.decodeArticle(bytes); }

    /** A batch after what depends on each article alone: article stages, story terms, encodings, fingerprints and keys. */
    private record Prepared(Document[] documents, StoryGrouper.Terms[] terms, byte[][] termBytes, byte[][] docBytes,
                            byte[][] packedBytes, byte[][] outlineBytes, List<Article> articles, Linker.Prepared linking,
                            FoundLinks[] found) {}

    /** Runs the article stages, counts story terms, encodes and fingerprints a batch: any thread, any order. */
    private Prepared prepare(List<Document> batch) {
        int m = batch.size();
        Document[] d = batch.toArray(new Document[0]);
        StoryGrouper.Terms[] t = new StoryGrouper.Terms[m];
        byte[][] docBytes = new byte[m][], packedBytes = new byte[m][], outlineBytes = new byte[m][];
        byte[][] termBytes = termsFull ? null : new byte[m][];
        FoundLinks[] found = new FoundLinks[m];
        range(m).forEach(i -> {
            Optional<FoundLinks> f = d[i].find(FoundLinks.LAYER);
            if (f.isPresent()) {
                found[i] = f.get();
                d[i] = d[i].without(FoundLinks.LAYER);
            }
            // a restored document's tokens, made once: the duplicate key is read from them, and the stages share them
            if (!d[i].has(Layers.TOKENS)) d[i] = d[i].with(Layers.TOKENS, TokenLayer.of(d[i].article()));
            d[i] = plan.apply(d[i], stageClock, failures::add);
            Article a = d[i].article();
            t[i] = StoryGrouper.terms(StoryGrouper.Item.of(a), d[i].expect(Layers.TOKENS));
            if (termBytes != null) termBytes[i] = DocumentCodec.encode(t[i]);
            byte[] encoded = codec.encode(d[i]);
            packedBytes[i] = docs.encode(encoded);
            // kept only for a sink: a batch waits its turn while others link, and what it holds then is promoted
            if (onStored != null) docBytes[i] = encoded;
            outlineBytes[i] = outlines.encode(codec.encodeOutline(d[i]));
        });
        List<Article> articles = new ArrayList<>(m);
        List<TokenLayer> tokens = new ArrayList<>(m);
        for (Document x : d) { articles.add(x.article()); tokens.add(x.expect(Layers.TOKENS)); }
        return new Prepared(d, t, termBytes, docBytes, packedBytes, outlineBytes, articles,
                linker.prepare(articles, tokens, settings.threads() > 1), found);
    }

    /** Stores, links and counts a prepared batch: on the stage thread, one batch at a time, in order. */
    private void store(Prepared p, boolean fresh) {
        int first = ids.size();
        Document[] d = p.documents();
        int m = d.length;
        // the reader remembers restored articles (the same URL or body read again is a duplicate), in order; no ingest
        // reads meanwhile, since a restore returns only once every batch is stored
        if (!fresh) for (Document x : d) ingestor.remember(x.article(), x.expect(Layers.TOKENS).sequenceKey());
        if (fresh && onStored != null) onStored.accept(new Stored(List.of(d), List.of(p.docBytes())));
        List<Article> articles = p.articles();
        // stored first: linking reads the batch's own articles back (fingerprint) to verify them against each other
        for (int i = 0; i < m; i++) {
            docs.append(p.packedBytes()[i]);
            outlines.append(p.outlineBytes()[i]);
        }
        keepTerms(p.termBytes());
        List<Link> known = fresh ? null : foundBefore(p.found()), brought;
        if (known != null) {
            // restored with the links they brought when they came: indexed as linking would have left them, nothing verified
            linker.index(articles, p.linking(), settings.threads() > 1);
            brought = known;
        } else {
            brought = linker.addAll(articles, p.linking(), settings.threads() > 1);
        }
        links.addAll(brought);
        df.addAll(p.terms(), settings.threads() > 1);
        for (int i = 0; i < m; i++) {
            int n = ids.size();
            if (n == days.length) { days = Arrays.copyOf(days, n * 2); pathHashes = Arrays.copyOf(pathHashes, n * 2); }
            Article a = articles.get(i);
            days[n] = a.published() == null ? NO_DATE : (int) a.published().toEpochDay();
            pathHashes[n] = pathHash(a.path());
            idIndex.putIfAbsent(idKey(a.id()), n);
            ids.add(a.id());
        }
        // last: the engine holds the batch whole whatever the sink does
        if (known == null && onLinked != null) onLinked.accept(linked(first, articles, brought));
    }

    /**
     * The links a restored batch brought when it was linked, in the order linking returns them (by article, then
     * candidate): when every document came with links found under this engine's {@link #linkingKey}; else null.
     */
    private List<Link> foundBefore(FoundLinks[] found) {
        int total = 0;
        for (FoundLinks f : found) {
            if (f == null || f.key() != linkingKey) return null;
            total += f.links().size();
        }
        List<Link> out = new ArrayList<>(total);
        for (FoundLinks f : found) out.addAll(f.links());
        return out;
    }

    /**
     * Each article's share of the links its batch brought, encoded: a link belongs to the later of its articles in
     * the batch (the other is earlier in it or before it), and linking returns them grouped so, in article order.
     */
    private Linked linked(int first, List<Article> articles, List<Link> brought) {
        int m = articles.size();
        Map<String, Integer> at = new HashMap<>(m * 2);
        for (int i = 0; i < m; i++) at.put(articles.get(i).id(), i);
        List<List<Link>> by = new ArrayList<>(m);
        for (int i = 0; i < m; i++) by.add(new ArrayList<>());
        for (Link l : brought) by.get(Math.max(at.getOrDefault(l.a(), -1), at.getOrDefault(l.b(), -1))).add(l);
        List<String> ids = new ArrayList<>(m);
        byte[][] bytes = new byte[m][];
        range(m).forEach(i -> bytes[i] = new FoundLinks(linkingKey, by.get(i)).encode());
        for (Article a : articles) ids.add(a.id());
        return new Linked(first, ids, Arrays.asList(bytes));
    }

    /** The indexes of a loop over articles or stories, in parallel with more than one thread; each checks {@link #stop}. */
    private IntStream range(int n) {
        IntStream s = IntStream.range(0, n).peek(i -> checkStopped());
        return settings.threads() > 1 && n > 1 ? s.parallel() : s;
    }

    /**
     * No more articles will be added (a one-shot run such as {@code analyze}): the next {@link #results()}
     * lets go of the linking indexes once the links are final, which is most of the heap a large run holds,
     * before the story stage needs it. Adding afterwards throws.
     */
    public synchronized void seal() {
        ensureOpen();
        sealed = true;
    }

    private boolean sealed;

    private void ensureUnsealed() {
        if (sealed) throw new IllegalStateException("the engine is sealed: no more articles can be added");
    }

    /**
     * Links verified, stories and topics grouped, story stages run, over everything added so far. Cached
     * until the next add.
     */
    public synchronized Results results() {
        ensureOpen();
        if (cached != null && !cachedPlaced) return cached;
        submitPending();
        drain();
        return Threads.call(pool, () -> {
            linker.compact();
            List<Link> verified = Link.inOutputOrder(linker.pruneCommon(links));
            verifiedLinks = verified;
            linksVerified = links.size();
            reusePartners = null; // counted again by the first placement, if any: a sealed run places none
            if (sealed) linker.seal();
            int n = ids.size();
            List<StoryGrouper.Profile> profiles = settings.oneStory() ? List.of() : profiles(n);
            StoryGrouper.Grouping g = settings.oneStory() ? new StoryGrouper.Grouping(new int[n], new int[n], 0)
                    : grouper.group(ids, profiles, verified, embedder, embeddings::get, this::embeddingText);
            // one story: nothing is placed, every update groups (that is, joins) everything again
            placement = sealed || settings.oneStory() ? null : new StoryPlacement(grouper, g.story(), g.topic(), profiles::get);
            placedBeforeAdoption = 0;
            if (sealed && profileFile != null) {
                // nothing places articles any more: the profiles' file (1.6 KB an article) goes before the outputs are written
                profileFile.close();
                profileFile = null;
            }
            if (sealed && terms != null) {
                // nor makes profiles: the kept terms go too
                terms.close();
                terms = null;
            }
            cachedPlaced = false;
            List<Story> stories = Story.fromLabels(ids, g.story(), g.topic());
            lastStories = stories;
            Map<String, Map<Layer<?>, Object>> storyLayers = storyStages(stories, verified);
            List<Results.ScoredPair> pairs = new ArrayList<>();
            for (StoryGrouper.Pair p : settings.oneStory() ? List.<StoryGrouper.Pair>of() : grouper.lastPairs()) {
                pairs.add(new Results.ScoredPair(ids.get(p.a()), ids.get(p.b()), p.lexical(), p.names(), p.headlines(), p.semantic(),
                        p.reuse(), p.score()));
            }
            EntityResolver.Collection collection = entities(stories, storyLayers);
            cached = new Results(n, documentSource, this::indexOf, stories, verified, rejections, duplicates, provenance(), pairs,
                    DeepTier.acrossTopics(stories, storyLayers, collection), collection);
            return cached;
        });
    }

    /**
     * What {@link #update} did.
     *
     * @param results   the results over every article added so far
     * @param regrouped whether every article was grouped again ({@link #results}); else the articles numbered from
     *                  {@code firstPlaced} on were placed into the stories of the grouping before
     * @param stories   when placed: the labels (story {@code "s" + (label + 1)}) of the stories placed articles went to
     * @param links     when placed: the positions in {@code results.links()} of the links the placed articles brought
     * @param topicCount how many topics there are
     * @param topicStories when placed: the topics placed articles went to, by label, each with the ids of its stories
     */
    public record Update(Results results, boolean regrouped, int firstPlaced, int[] stories, int[] links, int topicCount,
                         Map<Integer, List<String>> topicStories) {}

    /**
     * The results with the articles added since the last {@link #results} or {@code update} placed into the existing
     * stories ({@link StoryPlacement}: scored against their candidates, each joining a story or starting one) rather
     * than grouping everything again: milliseconds where a grouping of a large collection takes seconds, so a
     * server can answer every post. Links are verified as in {@link #results}; the story stages run on the touched
     * stories only. Groups everything ({@link #results}) when nothing was grouped yet. Grouping again from time to
     * time is the caller's choice: {@link #placedSinceGrouping} says how far the placements have gone.
     */
    public synchronized Update update() {
        ensureOpen();
        if (cached != null) return new Update(cached, false, ids.size(), new int[0], new int[0], topicCount(cached), Map.of());
        if (placement == null) {
            Results r = results();
            return new Update(r, true, 0, new int[0], new int[0], topicCount(r), Map.of());
        }
        submitPending();
        drain();
        return Threads.call(pool, () -> {
            // only the new links are judged for common talk; the others as the last grouping judged them
            List<Link> fresh = linker.pruneCommon(links.subList(linksVerified, links.size()), this::lookup);
            List<Link> verified = Link.mergedInOutputOrder(verifiedLinks, fresh);
            verifiedLinks = verified;
            linksVerified = links.size();
            int n = ids.size(), first = placement.size();
            // each placed article's reuse partners among the articles before it: new links are those of new articles
            List<List<double[]>> reuse = new ArrayList<>(n - first);
            for (int i = first; i < n; i++) reuse.add(new ArrayList<>());
            if (reusePartners == null) {
                reusePartners = new StoryGrouper.ReusePartners();
                reusePartners.add(verified, this::lookup);
            } else {
                reusePartners.add(fresh, this::lookup);
            }
            for (Link l : fresh) {
                int a = lookup(l.a()), b = lookup(l.b());
                int hi = Math.max(a, b), lo = Math.min(a, b);
                if (lo < 0 || hi < first || lo == hi) continue;
                reuse.get(hi - first).add(new double[] {lo, reusePartners.storyShare(l, this::lookup)});
            }
            List<StoryPlacement.Placed> placed = new ArrayList<>(n - first);
            List<Story> stories = new ArrayList<>(lastStories);
            for (int i = first; i < n; i++) {
                List<double[]> r = reuse.get(i - first);
                int[] partners = new int[r.size()];
                double[] shares = new double[r.size()];
                for (int k = 0; k < r.size(); k++) { partners[k] = (int) r.get(k)[0]; shares[k] = r.get(k)[1]; }
                StoryGrouper.Profile p = grouper.profile(terms(i), date(i), df, n);
                StoryPlacement.Placed at = placement.place(p, partners, shares);
                placed.add(at);
                // a story's articles in order: a placed article is the latest
                String sid = "s" + (at.story() + 1), tid = "t" + (at.topic() + 1);
                if (at.newStory()) {
                    stories.add(new Story(sid, List.of(ids.get(i)), tid));
                } else {
                    List<String> members = new ArrayList<>(stories.get(at.story()).articles());
                    members.add(ids.get(i));
                    stories.set(at.story(), new Story(sid, members, tid));
                }
            }
            lastStories = stories;
            Map<String, Map<Layer<?>, Object>> storyLayers = storyStages(stories, verified);
            EntityResolver.Collection collection = entities(stories, storyLayers);
            // both lists are this update's own (the next one copies them before changing anything): no copy
            cached = new Results(n, documentSource, this::indexOf, new Results.Owned<>(stories), new Results.Owned<>(verified), rejections,
                    duplicates,
                    provenance(), List.of(), DeepTier.acrossTopics(stories, storyLayers, collection), collection);
            cachedPlaced = true;
            Set<Link> added = Collections.newSetFromMap(new IdentityHashMap<>());
            added.addAll(fresh);
            int[] positions = new int[fresh.size()];
            int k = 0;
            for (int x = 0; x < verified.size() && k < positions.length; x++) if (added.contains(verified.get(x))) positions[k++] = x;
            Map<Integer, List<String>> topicStories = new LinkedHashMap<>();
            for (int t : StoryPlacement.touched(placed, true)) {
                List<String> of = new ArrayList<>();
                for (int st : placement.storiesOfTopic(t)) of.add("s" + (st + 1));
                topicStories.put(t, of);
            }
            return new Update(cached, false, first, StoryPlacement.touched(placed, false), Arrays.copyOf(positions, k), placement.topics(),
                    topicStories);
        });
    }

    /** The stories of the last {@link #results} or {@link #update}, in label order. */
    private List<Story> lastStories = List.of();

    private static int topicCount(Results r) {
        Set<String> t = new HashSet<>();
        for (Story s : r.stories()) t.add(s.topic());
        return t.size();
    }

    /**
     * Takes a grouping made before (a store's saved analysis of exactly these articles) as this engine's own, so that
     * {@link #update} places new articles into it without grouping everything first: each article's story and topic
     * label, numbered from 0 in order of first article as {@link #results} numbers them.
     *
     * @throws IllegalArgumentException when the labels do not cover every article or are not numbered that way
     */
    public synchronized void adoptGrouping(int[] story, int[] topic) {
        ensureOpen();
        submitPending();
        drain();
        if (story.length != ids.size()) throw new IllegalArgumentException("a grouping of " + story.length + " articles for " + ids.size());
        adoptGrouping(story, topic, 0);
    }

    /**
     * {@link #adoptGrouping(int[], int[])} of a grouping of the first {@code story.length} articles added (the rest,
     * added after them, are placed by the next {@link #update}), whose last {@code placedBefore} articles were themselves
     * placed (by updates saved in an earlier process) rather than grouped: {@link #placedSinceGrouping} counts them, so
     * that a caller who groups again once placements reach a share of the collection does so across processes too.
     *
     * @throws IllegalArgumentException as {@link #adoptGrouping(int[], int[])} does, or when the grouping covers more
     *                                  articles than were added
     */
    public synchronized void adoptGrouping(int[] story, int[] topic, int placedBefore) {
        ensureOpen();
        if (placedBefore < 0 || placedBefore > story.length) {
            throw new IllegalArgumentException("placed before: " + placedBefore + " of " + story.length + " articles");
        }
        submitPending();
        drain();
        int all = ids.size(), n = story.length;
        if (n > all || topic.length != n) {
            throw new IllegalArgumentException("a grouping of " + n + " articles (" + topic.length + " topic labels) for " + all);
        }
        // the links among the grouped articles come first (a link is made when its later article is added)
        int grouped = 0;
        while (grouped < links.size() && lookup(links.get(grouped).a()) < n && lookup(links.get(grouped).b()) < n) grouped++;
        for (int k = grouped; k < links.size(); k++) {
            if (lookup(links.get(k).a()) < n && lookup(links.get(k).b()) < n) {
                throw new IllegalArgumentException("link " + k + " joins two grouped articles after links of later ones");
            }
        }
        int groupedLinks = grouped;
        int stories = 0, topics = 0;
        for (int i = 0; i < n; i++) {
            if (story[i] < 0 || story[i] > stories || topic[i] < 0 || topic[i] > topics) {
                throw new IllegalArgumentException("the labels are not numbered in order of first article (article " + i + ")");
            }
            if (story[i] == stories) stories++;
            if (topic[i] == topics) topics++;
        }
        List<StoryGrouper.Profile> profiles = Threads.call(pool, () -> {
            linker.compact();
            verifiedLinks = Link.inOutputOrder(linker.pruneCommon(links.subList(0, groupedLinks)));
            linksVerified = groupedLinks;
            reusePartners = null;
            return profiles(n, all);
        });
        placement = new StoryPlacement(grouper, story, topic, profiles::get);
        placedBeforeAdoption = placedBefore;
        lastStories = Story.fromLabels(ids.subList(0, n), story, topic);
        cached = null;
    }

    /**
     * Readies the placement of new articles now rather than at the first {@link #update} (it indexes every grouped
     * article's top terms: seconds at a million): for a server, after it adopted or made a grouping.
     */
    public synchronized void preparePlacement() {
        if (placement != null) Threads.call(pool, () -> { placement.prepare(); return null; });
    }

    /** Whether this engine has grouped its articles (a {@link #results}) that {@link #update} can place new ones into. */
    public synchronized boolean grouped() { return placement != null; }

    /**
     * Articles placed by {@link #update} since the last grouping ({@link #results}), with those an adopted grouping said
     * were placed before it ({@link #adoptGrouping(int[], int[], int)}); 0 when none or never grouped.
     */
    public synchronized int placedSinceGrouping() {
        return placement == null ? 0 : placedBeforeAdoption + ids.size() - placement.grouped();
    }

    /** Of an adopted grouping, how many of its articles had been placed rather than grouped; 0 after a grouping. */
    private int placedBeforeAdoption;

    private StoryPlacement placement;
    /** The links as the last {@link #results} or {@link #update} verified them, and how many of {@link #links} that covered. */
    private List<Link> verifiedLinks = List.of();
    /**
     * The verified links short of a copy each article has, for the placements' story evidence ({@link StoryGrouper#storyShares}):
     * counted at the first placement after a grouping, then kept up; null until then.
     */
    private StoryGrouper.ReusePartners reusePartners;
    private int linksVerified;
    /** Whether {@link #cached} came from {@link #update} (placed, not grouped): {@link #results} groups again then. */
    private boolean cachedPlaced;

    /** The stories' entities joined across the collection, when an entity stage ran. */
    private EntityResolver.Collection entities(List<Story> stories, Map<String, Map<Layer<?>, Object>> storyLayers) {
        EntityStage stage = null;
        for (StoryStage<?> s : plan.storyStages()) if (s instanceof EntityStage e) stage = e;
        if (stage == null) return EntityResolver.Collection.EMPTY;
        List<List<Entity>> byStory = new ArrayList<>(stories.size());
        List<String> topics = new ArrayList<>(stories.size());
        for (Story s : stories) {
            Object layer = storyLayers.getOrDefault(s.id(), Map.of()).get(EntityStage.LAYER);
            byStory.add(layer == null ? List.of() : ((EntityStage.StoryEntities) layer).entities());
            topics.add(s.topic());
        }
        return stage.resolver().collection(byStory, topics);
    }

    /** How long one stage has taken over the documents or stories it ran on. */
    public record StageTime(String stage, long calls, long nanos) {}

    private final Map<String, LongAdder[]> stageTimes = new ConcurrentHashMap<>();
    private final StagePlan.Clock stageClock = (stage, nanos) -> {
        LongAdder[] a = stageTimes.computeIfAbsent(stage,
                k -> new LongAdder[] {new LongAdder(),
                        new LongAdder()});
        a[0].increment();
        a[1].add(nanos);
    };

    /**
     * Every stage that has failed on an article or a story so far (each once, in order of subject and stage): the run
     * went on without the layer that stage would have added there. For the command line to print and count.
     */
    public List<StageFailure> stageFailures() { return stageFailuresSince(0); }

    /**
     * The stage failures after the first {@code seen} the engine met (in the order it met them, which the sorted
     * {@link #stageFailures()} is not), sorted as that is: what a long-running caller has not said yet.
     */
    public List<StageFailure> stageFailuresSince(int seen) {
        List<StageFailure> met = new ArrayList<>(failures);
        TreeSet<StageFailure> sorted = new TreeSet<>(Comparator.comparing(StageFailure::subject).thenComparing(StageFailure::stage)
                .thenComparing(StageFailure::reason));
        sorted.addAll(met.subList(Math.min(seen, met.size()), met.size()));
        return List.copyOf(sorted);
    }

    /** The time each article and story stage has taken so far, in the plan's order (for {@code analyze --timings} and the benchmark). */
    public List<StageTime> stageTimes() {
        List<StageTime> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (var s : plan.articleStages()) names.add(s.name());
        for (var s : plan.storyStages()) names.add(s.name());
        for (String n : names) {
            var a = stageTimes.get(n);
            if (a != null) out.add(new StageTime(n, a[0].sum(), a[1].sum()));
        }
        return out;
    }

    /**
     * Runs the story stages on every story, each given a view of the story's documents read back from the
     * store, stories in parallel; returns each story's layers by story id (empty without story stages).
     */
    private Map<String, Map<Layer<?>, Object>> storyStages(List<Story> stories, List<Link> links) {
        if (plan.storyStages().isEmpty()) return Map.of();
        Map<String, String> storyOf = new HashMap<>();
        for (Story st : stories) for (String id : st.articles()) storyOf.put(id, st.id());
        Map<String, List<Link>> linksOf = new HashMap<>();
        for (Link l : links) {
            String s = storyOf.get(l.a());
            if (s != null && s.equals(storyOf.get(l.b()))) linksOf.computeIfAbsent(s, x -> new ArrayList<>()).add(l);
        }
        @SuppressWarnings("unchecked")
        Map<Layer<?>, Object>[] made = new Map[stories.size()];
        StoryKey[] keys = new StoryKey[stories.size()];
        Map<StoryKey, Map<Layer<?>, Object>> memo = storyMemo;
        range(stories.size()).forEach(k -> {
            Story st = stories.get(k);
            keys[k] = new StoryKey(st.articles(), linksOf.getOrDefault(st.id(), List.of()));
            Map<Layer<?>, Object> known = memo.get(keys[k]);
            if (known != null) { made[k] = known; return; }
            List<Document> docsOf = new ArrayList<>(st.articles().size());
            for (String id : st.articles()) docsOf.add(document(lookup(id)));
            StoryView view = new StoryView(st.id(), docsOf, linksOf.getOrDefault(st.id(), List.of()), Map.of());
            made[k] = StagePlan.runStory(plan.storyStages(), view, stageClock, failures::add).layers();
            storyRuns.increment();
        });
        Map<String, Map<Layer<?>, Object>> out = new LinkedHashMap<>();
        Map<StoryKey, Map<Layer<?>, Object>> next = new HashMap<>();
        for (int k = 0; k < stories.size(); k++) {
            out.put(stories.get(k).id(), made[k]);
            next.put(keys[k], made[k]);
        }
        storyMemo = next;
        return out;
    }

    /** What a story's layers depend on: its articles, in order, and the links between them (stories' ids are positions and may change). */
    private record StoryKey(List<String> articles, List<Link> links) {}

    private final LongAdder storyRuns = new LongAdder();

    /**
     * How many times the story stages have run on a story: a story whose articles and links are those of the
     * previous {@link #results} keeps its layers, so adding an article recomputes only the stories it touches.
     */
    public long storyRuns() { return storyRuns.sum(); }

    /**
     * Every article's story profile, from its stored terms and the collection's document frequencies:
     * on the heap for small collections, else written to a work file as they are made and read back (mapped)
     * as the pair scores need them, so the heap holds only each article's candidate terms.
     */
    private List<StoryGrouper.Profile> profiles(int n) { return profiles(n, n); }

    /** The profiles of the first {@code n} articles against the document frequencies of all {@code docs} added so far. */
    private List<StoryGrouper.Profile> profiles(int n, int docs) {
        if (n <= settings.profilesInMemory()) {
            StoryGrouper.Profile[] p = new StoryGrouper.Profile[n];
            range(n).forEach(i -> p[i] = grouper.profile(terms(i), date(i), df, docs));
            return Arrays.asList(p);
        }
        if (profileFile != null) profileFile.close();
        profileFile = new RecordFile(workDir.resolve("profiles-" + n + ".bin"));
        int chunk = 8192;
        for (int from = 0; from < n; from += chunk) {
            int f = from, to = Math.min(n, from + chunk);
            byte[][] encoded = new byte[to - from][];
            range(to - from).forEach(k -> encoded[k] = grouper.profile(terms(f + k), date(f + k), df, docs).encode());
            for (byte[] e : encoded) profileFile.append(e);
        }
        profileFile.map();
        return new MappedProfiles(profileFile, n);
    }

    /** Profiles in a mapped work file: decoded when asked for, read in place by the pair scores. */
    private static final class MappedProfiles extends AbstractList<StoryGrouper.Profile> implements StoryGrouper.EncodedProfiles {
        private final RecordFile file;
        private final int n;

        MappedProfiles(RecordFile file, int n) { this.file = file; this.n = n; }

        @Override public StoryGrouper.Profile get(int i) { return StoryGrouper.Profile.decode(encoded(i)); }

        @Override public ByteBuffer encoded(int i) {
            ByteBuffer v = file.view(i);
            return v != null ? v : ByteBuffer.wrap(file.read(i));
        }

        @Override public int size() { return n; }
    }

    private RecordFile profileFile;

    private String embeddingText(int i) {
        String text = StoryGrouper.embeddingText(StoryGrouper.Item.of(document(i).article()));
        return text;
    }

    /** The number of the article with id {@code id}, or -1. */
    public synchronized int indexOf(String id) { return lookup(id); }

    /** {@link #indexOf} without the lock, for the engine's own threads while a call holds it. */
    private int lookup(String id) {
        int i = idIndex.get(idKey(id), -1);
        if (i >= 0 && !ids.get(i).equals(id)) i = ids.indexOf(id);
        return i;
    }

    private LocalDate date(int i) { return days[i] == NO_DATE ? null : LocalDate.ofEpochDay(days[i]); }

    /** The stored document numbered {@code i}: its article and stored layers, read back from the work file. */
    public Document document(int i) { return codec.decode(docs.read(i)); }

    /** The stored article numbered {@code i} without its layers. */
    private Article article(int i) { return codec.decodeArticle(docs.read(i)); }

    /**
     * The story terms of article {@code i}: read back when they were kept ({@link #keepTerms}), else made again from its
     * stored text as {@link #prepare} made them (tokens of the text's body, then {@link StoryGrouper#terms}). The same
     * terms either way; the story stage reads each article's terms once, or twice when it places articles.
     */
    private StoryGrouper.Terms terms(int i) {
        RecordFile kept = terms;
        if (kept != null && i < termsKept) return DocumentCodec.decodeTerms(kept.read(i));
        return StoryGrouper.terms(StoryGrouper.Item.of(article(i))); // the item's body tokenised there, as TokenLayer.of would
    }

    /**
     * Appends a batch's encoded terms (null: the batch was prepared once the budget was reached) while the file stays
     * within its budget; the first batch that would pass it ends the keeping for good, so the kept terms are those of the
     * first {@link #termsKept} articles, in order.
     */
    private void keepTerms(byte[][] encoded) {
        if (termsFull || encoded == null || terms == null || termsKept != ids.size()) {
            termsFull = true;
            return;
        }
        long size = 0;
        for (byte[] e : encoded) size += e.length;
        if (terms.bytes() + size > termsBudget) {
            termsFull = true;
            return;
        }
        for (byte[] e : encoded) terms.append(e);
        termsKept += encoded.length;
    }

    /**
     * What a run may spend of its work folder's disk to save time, on each of two things: story terms kept (about 3 KB
     * an article) and documents stored without deflating them (about 1.8 KB an article more). A tenth of the space
     * free there when the engine starts: on this machine's ~60 GB, the first ~2 million articles' terms and ~1.5
     * million's documents, while a run of ten million, or one on a small disk, packs the rest and makes their terms
     * again from the text. Either way the terms and documents, and so every output, are the same.
     */
    private static long spareBytes(Path workDir) {
        try {
            return Files.getFileStore(workDir).getUsableSpace() / 10;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Test hook, from now on: keep at most {@code termBytes} of story terms, and store documents unpacked until they take
     * {@code rawDocumentBytes} (0: none kept, all packed).
     */
    void workBudgets(long termBytes, long rawDocumentBytes) {
        termsBudget = termBytes;
        raw.set(rawDocumentBytes);
    }

    /** Articles whose story terms are kept in the work folder. */
    int termsKept() { return termsKept; }

    /** The fingerprint of article {@code i} without its signature and anchors, made again from its stored text. */
    private Fingerprint fingerprint(int i) {
        Article a = article(i);
        TokenLayer t = TokenLayer.of(a);
        return new Fingerprint(a.id(), a.bodyEnd() - a.bodyStart(), t.hashes(), t.starts(), t.ends(), NO_SIGNATURE, NO_ANCHORS);
    }

    private static final int[] NO_SIGNATURE = new int[0];
    private static final long[] NO_ANCHORS = new long[0];

    /** The stored documents and their outlines (every field and layer, no text: what listing the articles reads). */
    private final Results.Outlined documentSource = new Results.Outlined() {
        @Override public Document apply(int i) { return document(i); }
        @Override public Document outline(int i) { return codec.decodeOutline(outlines.read(i)); }
    };

    /** Articles added so far. */
    public synchronized int size() { return accepted; }

    /** How this engine is set: for the provenance block of the outputs. */
    public Provenance provenance() {
        Map<String, Object> s = new LinkedHashMap<>(Provenance.describe(settings));
        // where work files go and whether the index is mapped change how a run goes, never what it finds
        s.remove("workDir");
        s.remove("indexOnDisk");
        return new Provenance(Provenance.VERSION, s, plan.describe(), embedder == null ? List.of() : List.of(embedder.describe()));
    }

    /**
     * Heap bytes of what grows with the collection: candidate indexes, fingerprint offsets, work-file offsets, ids, their index
     * and dates, term frequencies.
     */
    public synchronized long indexMemoryBytes() {
        long idBytes = ids.memoryBytes();
        return linker.indexMemoryBytes() + linker.fingerprintMemoryBytes() + docs.memoryBytes()
                + outlines.memoryBytes() + (terms == null ? 0 : terms.memoryBytes()) + idBytes + idIndex.memoryBytes()
                + days.length * 4L + pathHashes.length * 8L + df.memoryBytes();
    }

    /** Bytes the work files hold on disk (texts, outlines, signatures, the candidate indexes' mapped postings, story profiles). */
    public synchronized long workBytes() {
        RecordFile kept = terms;
        return docs.bytes() + outlines.bytes() + linker.fingerprintDiskBytes() + linker.indexMappedBytes()
                + (kept == null ? 0 : kept.bytes()) + (profileFile == null ? 0 : profileFile.bytes());
    }

    /** Bytes of the candidate indexes' memory-mapped postings. */
    public synchronized long indexMappedBytes() { return linker.indexMappedBytes(); }

    public EngineSettings settings() { return settings; }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the engine is closed");
        checkStopped();
    }

    /** Set by {@link #stop}: read by the work in flight at each article and story. */
    private volatile boolean stopped;

    /**
     * Makes the work in flight (an ingest, a restore, the results) give up at its next article or story (in the
     * engine's own loops: the article stages, the story profiles, the story stages) with a
     * {@link CancellationException}, and every later call too: from any thread, without waiting (the engine's
     * methods hold its lock while they work, so {@link #close} waits for them). What a store acknowledged stays
     * acknowledged: the sink of {@link Builder#onStored} hears of a batch only once it is stored, and a batch
     * given up is not. A server that is told to stop while it restores or analyses calls this, then closes.
     */
    public void stop() { stopped = true; }

    private void checkStopped() {
        if (stopped) throw new CancellationException("the engine was stopped");
    }

    /** Stops the threads and deletes the work files. */
    @Override public synchronized void close() {
        if (closed) return;
        closed = true;
        stager.shutdownNow();
        pool.shutdownNow();
        ingestor.close();
        try {
            docs.close();
            outlines.close();
            if (terms != null) terms.close();
            if (profileFile != null) profileFile.close();
            linker.close();
        } finally {
            try {
                workFolder.close();
            } catch (IOException ignored) {
                // a folder left behind is deleted by the next engine to start under the same parent
            }
        }
    }
}
