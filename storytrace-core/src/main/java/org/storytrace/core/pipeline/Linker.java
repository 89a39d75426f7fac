package org.storytrace.core.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToIntFunction;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.storytrace.core.align.Aligner;
import org.storytrace.core.doc.TokenLayer;
import org.storytrace.core.fingerprint.MinHasher;
import org.storytrace.core.index.AnchorIndex;
import org.storytrace.core.index.CompactPostings;
import org.storytrace.core.index.IntBuffer;
import org.storytrace.core.index.LshIndex;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Passage;

/**
 * The link stage: fingerprints each article as it arrives, finds candidates among those already seen
 * (LSH bands for similar texts, shared anchors for partial reprints), verifies each candidate by passage
 * alignment and returns the verified links. Never compares all pairs.
 *
 * <p>Incremental: {@link #add} one article at a time; the links returned join it to earlier ones.
 * Not thread-safe.
 */
public final class Linker implements AutoCloseable {
    /** Tunables, checked when built. */
    /**
     * @param maxCandidates  candidates verified per article at most, the most similar first (bounds the cost
     *                       of an article that resembles thousands of others)
     * @param commonMinDocs  a passage is common talk, not reuse, when most of its anchors occur in more than
     *                       {@code max(commonMinDocs, commonShare * articles)} articles and it is shorter than
     *                       {@link #COMMON_MAX_CHARS} on both sides
     */
    public record Settings(int numHashes, int shingle, int bands, int rows, int anchorShingle, int anchorSample,
                           int anchorMinShared, int anchorMaxDocFreq, int maxCandidates, int commonMinDocs, double commonShare,
                           Aligner.Settings alignment) {
        public Settings {
            if (bands * rows > numHashes) {
                throw new IllegalArgumentException("bands * rows (" + bands * rows + ") exceeds numHashes (" + numHashes + ")");
            }
            if (maxCandidates < 1) throw new IllegalArgumentException("maxCandidates must be >= 1, was " + maxCandidates);
            if (commonMinDocs < 2) throw new IllegalArgumentException("commonMinDocs must be >= 2, was " + commonMinDocs);
            if (!(commonShare > 0 && commonShare <= 1)) throw new IllegalArgumentException("commonShare must be in (0, 1], was "
                    + commonShare);
        }

        public static Settings defaults() { return builder().build(); }

        /** Settings by name, starting from {@link #defaults()}. */
        public static Builder builder() { return new Builder(); }

        public Builder toBuilder() {
            return new Builder().numHashes(numHashes).shingle(shingle).bands(bands).rows(rows).anchorShingle(anchorShingle)
                    .anchorSample(anchorSample)
                    .anchorMinShared(anchorMinShared).anchorMaxDocFreq(anchorMaxDocFreq).maxCandidates(maxCandidates)
                            .commonMinDocs(commonMinDocs)
                    .commonShare(commonShare).alignment(alignment);
        }
    }

    /** Builds {@link Settings} by name; every value starts at its default and is checked by {@link #build}. */
    public static final class Builder {
        private int numHashes = 128, shingle = 3, bands = 32, rows = 3, anchorShingle = 5, anchorSample = 8, anchorMinShared = 2;
        private int anchorMaxDocFreq = 100, maxCandidates = 500, commonMinDocs = 20;
        private double commonShare = 0.05;
        private Aligner.Settings alignment = Aligner.Settings.defaults();

        public Builder numHashes(int v) { numHashes = v; return this; }
        public Builder shingle(int v) { shingle = v; return this; }
        public Builder bands(int v) { bands = v; return this; }
        public Builder rows(int v) { rows = v; return this; }
        public Builder anchorShingle(int v) { anchorShingle = v; return this; }
        public Builder anchorSample(int v) { anchorSample = v; return this; }
        public Builder anchorMinShared(int v) { anchorMinShared = v; return this; }
        public Builder anchorMaxDocFreq(int v) { anchorMaxDocFreq = v; return this; }
        public Builder maxCandidates(int v) { maxCandidates = v; return this; }
        public Builder commonMinDocs(int v) { commonMinDocs = v; return this; }
        public Builder commonShare(double v) { commonShare = v; return this; }
        public Builder alignment(Aligner.Settings v) { alignment = v; return this; }

        public Settings build() {
            return new Settings(numHashes, shingle, bands, rows, anchorShingle, anchorSample, anchorMinShared, anchorMaxDocFreq,
                    maxCandidates,
                    commonMinDocs, commonShare, alignment);
        }
    }

    private final Settings settings;
    private final MinHasher hasher;
    private final LshIndex lsh;
    private final AnchorIndex anchorIndex;
    private final ThreadLocal<Aligner> aligner;
    // per document: what verification needs besides the fingerprint (id and date), nothing more
    private String[] ids = new String[1024];
    private int[] days = new int[1024]; // publication dates as epoch days, NO_DATE when unknown
    private static final int NO_DATE = Integer.MIN_VALUE;
    private final FingerprintStore fingerprints;
    private int candidatesChecked;

    public Linker(Settings settings) { this(settings, FingerprintStore.inMemory()); }

    /** @param store where the fingerprints kept for alignment live (on disk for very large runs) */
    public Linker(Settings settings, FingerprintStore store) { this(settings, store, null); }

    /**
     * @param store    where the fingerprints kept for alignment live (on disk for very large runs)
     * @param indexDir a folder for the candidate indexes' postings, memory-mapped (null: on the heap); see
     *                 {@link CompactPostings#CompactPostings(Path)}
     */
    public Linker(Settings settings, FingerprintStore store, Path indexDir) {
        this.settings = settings;
        this.fingerprints = store;
        this.hasher = new MinHasher(settings.numHashes(), settings.shingle());
        this.lsh = new LshIndex(settings.bands(), settings.rows(), indexDir == null ? null : indexDir.resolve("bands"));
        this.anchorIndex = new AnchorIndex(settings.anchorShingle(), settings.anchorSample(), settings.anchorMinShared(),
                settings.anchorMaxDocFreq(), indexDir == null ? null : indexDir.resolve("anchors"));
        this.aligner = ThreadLocal.withInitial(() -> new Aligner(settings.alignment()));
    }

    public Linker() { this(Settings.defaults()); }

    /** The band keys of a signature, as the LSH index computes them (for distributed candidate generation). */
    public long[] bandKeys(int[] signature) {
        long[] k = new long[settings.bands()];
        for (int b = 0; b < k.length; b++) k[b] = lsh.bandKey(signature, b);
        return k;
    }

    /** Whether a shingle hash is an anchor. */
    public boolean isAnchor(long shingleHash) { return anchorIndex.isAnchor(shingleHash); }

    /** Fingerprints an article's body. Thread-safe. */
    public Fingerprint fingerprint(Article a) { return fingerprint(a, TokenLayer.of(a)); }

    /** Fingerprints an article from the tokens of its body, made once for every stage ({@link TokenLayer#of}). Thread-safe. */
    public Fingerprint fingerprint(Article a, TokenLayer t) {
        int n = t.size();
        return new Fingerprint(a.id(), a.bodyEnd() - a.bodyStart(), t.hashes(), t.starts(), t.ends(), hasher.signature(t.hashes(), n),
                anchorIndex.anchors(t.hashes(), n));
    }

    /** Indexes {@code a} and returns its verified links to the articles added before it. */
    public List<Link> add(Article a) { return addAll(List.of(a), false); }

    /**
     * Adds a batch of articles, as {@link #add} called on each in order would, and returns their links in
     * that order. With {@code parallel}, fingerprinting and verification run on the common fork-join pool
     * while candidates are looked up and indexed in arrival order on the calling thread, so the result is
     * the same whatever the number of threads.
     */
    public List<Link> addAll(List<Article> batch, boolean parallel) { return addAll(batch, (List<TokenLayer>) null, parallel); }

    /**
     * As {@link #addAll(List, boolean)}, with the tokens of each article's body already made
     * ({@code tokens.get(i)} for {@code batch.get(i)}; null to tokenise here).
     */
    public List<Link> addAll(List<Article> batch, List<TokenLayer> tokens, boolean parallel) {
        return addAll(batch, prepare(batch, tokens, parallel), parallel);
    }

    /**
     * What linking a batch needs of each article that depends on the article alone (its fingerprint, its band
     * and anchor keys by shard), made by {@link #prepare} on any thread, before or while earlier batches link.
     */
    public record Prepared(Fingerprint[] fingerprints, CompactPostings.Keys[] bandKeys, CompactPostings.Keys[] anchorKeys) {}

    /** Fingerprints and keys of a batch ({@code tokens.get(i)} for {@code batch.get(i)}; null to tokenise here). Thread-safe. */
    public Prepared prepare(List<Article> batch, List<TokenLayer> tokens, boolean parallel) {
        int m = batch.size();
        Fingerprint[] fps = new Fingerprint[m];
        CompactPostings.Keys[] bandKeys = new CompactPostings.Keys[m], anchorKeys = new CompactPostings.Keys[m];
        range(m, parallel).forEach(i -> {
            fps[i] = tokens == null ? fingerprint(batch.get(i)) : fingerprint(batch.get(i), tokens.get(i));
            bandKeys[i] = lsh.keys(fps[i].signature());
            anchorKeys[i] = AnchorIndex.keys(fps[i].anchors());
        });
        return new Prepared(fps, bandKeys, anchorKeys);
    }

    /** Adds a batch {@link #prepare}d before, as {@link #addAll(List, List, boolean)} would. */
    public List<Link> addAll(List<Article> batch, Prepared prepared, boolean parallel) {
        ensureOpen();
        int m = checkPrepared(batch, prepared);
        Fingerprint[] fps = prepared.fingerprints();
        CompactPostings.Keys[] bandKeys = prepared.bandKeys(), anchorKeys = prepared.anchorKeys();
        // each shard of both indexes looks the batch up and indexes it in arrival order, so article i meets exactly
        // the articles before it, as one article at a time would; the shards run at once
        int base = fingerprints.size(), shards = CompactPostings.SHARDS;
        int[][] lshHits = new int[shards][], anchorHits = new int[shards][], earlyHits = new int[shards][];
        int[][] lshEnd = new int[shards][m], anchorEnd = new int[shards][m], earlyEnd = new int[shards][m];
        range(shards, parallel).forEach(s -> {
            IntBuffer lh = new IntBuffer(), ah = new IntBuffer(), eh = new IntBuffer();
            for (int i = 0; i < m; i++) {
                lsh.collect(bandKeys[i], s, lh);
                anchorIndex.collect(anchorKeys[i], s, ah, eh);
                lshEnd[s][i] = lh.size();
                anchorEnd[s][i] = ah.size();
                earlyEnd[s][i] = eh.size();
                lsh.add(base + i, bandKeys[i], s);
                anchorIndex.add(base + i, anchorKeys[i], s);
            }
            lshHits[s] = lh.toArray();
            anchorHits[s] = ah.toArray();
            earlyHits[s] = eh.toArray();
        });
        for (int i = 0; i < m; i++) register(base + i, batch.get(i), fps[i]);
        int[][] candidates = new int[m][];
        range(m, parallel).forEach(i -> candidates[i] = candidates(i, lshHits, lshEnd, anchorHits, anchorEnd, earlyHits, earlyEnd,
                fps[i]));
        // every (article, candidate) pair, verified independently
        int total = 0;
        for (int[] c : candidates) total += c.length;
        candidatesChecked += total;
        int[] pairArticle = new int[total], pairCandidate = new int[total];
        int k = 0;
        for (int i = 0; i < m; i++) for (int c : candidates[i]) { pairArticle[k] = i; pairCandidate[k++] = c; }
        Link[] found = new Link[total];
        range(total, parallel).forEach(p -> {
            int c = pairCandidate[p];
            Article a = batch.get(pairArticle[p]);
            // a candidate of the same batch is at hand; an earlier one is read back from the store
            Fingerprint fc = c >= base ? fps[c - base] : fingerprints.get(c);
            found[p] = verify(ids[c], date(c), fc, a.id(), a.published(), fps[pairArticle[p]]);
        });
        List<Link> links = new ArrayList<>();
        for (Link l : found) if (l != null) links.add(l);
        return links;
    }

    /**
     * Adds a batch {@link #prepare}d before to the indexes without looking up or verifying anything: for articles whose
     * links are known (found when they were first added, and kept). The indexes and fingerprints end as
     * {@link #addAll(List, Prepared, boolean)} would leave them, so later articles find the same candidates.
     */
    public void index(List<Article> batch, Prepared prepared, boolean parallel) {
        ensureOpen();
        int m = checkPrepared(batch, prepared);
        CompactPostings.Keys[] bandKeys = prepared.bandKeys(), anchorKeys = prepared.anchorKeys();
        int base = fingerprints.size();
        range(CompactPostings.SHARDS, parallel).forEach(s -> {
            for (int i = 0; i < m; i++) {
                lsh.add(base + i, bandKeys[i], s);
                anchorIndex.add(base + i, anchorKeys[i], s);
            }
        });
        for (int i = 0; i < m; i++) register(base + i, batch.get(i), prepared.fingerprints()[i]);
    }

    /** The batch's size, once it is the size {@code prepared} was made for. */
    private static int checkPrepared(List<Article> batch, Prepared prepared) {
        int m = batch.size();
        if (prepared.fingerprints().length != m) throw new IllegalArgumentException("the batch was prepared with " + prepared.fingerprints()
                .length + " articles, not " + m);
        return m;
    }

    private static IntStream range(int to, boolean parallel) {
        IntStream s = IntStream.range(0, to);
        return parallel && to > 1 ? s.parallel() : s;
    }

    /**
     * The documents to verify the batch's article {@code i} against, from its hits in every shard: those sharing
     * a band, and those sharing at least {@code anchorMinShared} usable anchors; ascending, at most
     * {@code maxCandidates}, the most similar kept.
     */
    private int[] candidates(int i, int[][] lshHits, int[][] lshEnd, int[][] anchorHits, int[][] anchorEnd, int[][] earlyHits,
                             int[][] earlyEnd, Fingerprint fp) {
        int[] bands = gather(i, lshHits, lshEnd), anchors = gather(i, anchorHits, anchorEnd), early = gather(i, earlyHits, earlyEnd);
        Arrays.sort(bands);
        Arrays.sort(anchors);
        Arrays.sort(early);
        int[] all = new int[bands.length + anchors.length + early.length];
        int n = 0;
        for (int x = 0; x < bands.length; x++) if (x == 0 || bands[x] != bands[x - 1]) all[n++] = bands[x];
        n = atLeast(anchors, anchorIndex.minShared(), all, n);
        // the source and first copies of a text more articles carry than anchors are looked up for
        n = atLeast(early, AnchorIndex.EARLY_MIN_SHARED, all, n);
        Arrays.sort(all, 0, n);
        int distinct = 0;
        for (int x = 0; x < n; x++) if (x == 0 || all[x] != all[x - 1]) all[distinct++] = all[x];
        int[] unique = Arrays.copyOf(all, distinct);
        if (!thins(unique.length, settings.maxCandidates())) return unique;
        int[][] signatures = new int[unique.length][];
        for (int k = 0; k < unique.length; k++) signatures[k] = signature(unique[k]);
        return toVerify(unique, signatures, fp.signature(), settings.maxCandidates());
    }

    /** Whether {@link #toVerify} may leave out any of {@code candidates} (and so needs their signatures). */
    public static boolean thins(int candidates, int maxCandidates) {
        return candidates > Math.min(COPIES_VERIFIED, maxCandidates);
    }

    /**
     * The documents a new article is verified against, of its candidates (ascending, with their {@code signatures}):
     * every one, except that a large group of copies keeps its earliest and the members most like the article
     * ({@link #fewerCopies}), and at most {@code maxCandidates} are kept, the most similar to the article (ties: the
     * earlier). Ascending. The one rule of the embedded linker and the Spark job.
     */
    public static int[] toVerify(int[] candidates, int[][] signatures, int[] signature, int maxCandidates) {
        if (!thins(candidates.length, maxCandidates)) return candidates;
        double[] similarity = new double[candidates.length];
        for (int k = 0; k < candidates.length; k++) similarity[k] = MinHasher.similarity(signatures[k], signature);
        int[] kept = fewerCopies(signatures, similarity);
        if (kept.length > maxCandidates) {
            Integer[] order = mostSimilarFirst(kept, similarity);
            kept = new int[maxCandidates];
            for (int k = 0; k < kept.length; k++) kept[k] = order[k];
            Arrays.sort(kept);
        }
        int[] out = new int[kept.length];
        for (int k = 0; k < kept.length; k++) out[k] = candidates[kept[k]];
        return out;
    }

    /**
     * Of a group of near-copies among an article's candidates (texts whose signatures agree in {@link #COPY_SIMILARITY}
     * of their slots), at most this many are verified: the group's earliest and the ones most like the new article.
     *
     * <p>Why (session 20): a wire story reprinted by a thousand outlets made every reprint verify against up to
     * {@code maxCandidates} (500) earlier reprints: 1,000 copies of one article (paragraphs shuffled, one dropped) gave
     * 280,324 links and linked 45 articles a second, and a media monitor's collection is such a file. The links among
     * copies say nothing new after the first few: a new copy reuses from the twentieth reprint exactly what it reuses
     * from the first. So a group larger than this is verified through its earliest member (the likely source, which is
     * where a reader wants the arrow to point) and the members closest to the new article (where its own variations
     * come from). Smaller groups, the usual two or three reprints of a story, are verified whole as before.
     */
    static final int COPIES_VERIFIED = 8;
    /** Signatures agreeing in this share of their slots (an estimated Jaccard of the shingle sets) are one group of copies. */
    static final double COPY_SIMILARITY = 0.6;
    /** Groups of copies a candidate is compared with, the most recently joined first: bounds the work on distinct texts. */
    private static final int GROUPS_COMPARED = 16;

    /**
     * The candidates to verify, as positions in ascending order: every candidate, except that a group of more than
     * {@link #COPIES_VERIFIED} copies keeps its earliest member and those most {@code similar} to the new article.
     * Groups are formed greedily in arrival order, each led by its earliest member; a candidate joins the first
     * group, among the {@link #GROUPS_COMPARED} most recently joined, whose leader it copies. Deterministic: it
     * depends on the candidates and their signatures alone.
     */
    static int[] fewerCopies(int[][] signatures, double[] similar) {
        int n = signatures.length;
        int[] group = new int[n], leader = new int[n], members = new int[n];
        int[] recent = new int[GROUPS_COMPARED]; // groups by when they last gained a member, latest first
        int groups = 0, known = 0;
        for (int k = 0; k < n; k++) {
            int g = -1, at = -1;
            for (int r = 0; r < known && g < 0; r++) {
                if (MinHasher.similarity(signatures[k], signatures[leader[recent[r]]]) >= COPY_SIMILARITY) { g = recent[r]; at = r; }
            }
            if (g < 0) {
                g = groups++;
                leader[g] = k;
                at = Math.min(known, GROUPS_COMPARED - 1);
                if (known < GROUPS_COMPARED) known++;
            }
            group[k] = g;
            members[g]++;
            System.arraycopy(recent, 0, recent, 1, at); // move to the front
            recent[0] = g;
        }
        int[] all = new int[n];
        for (int k = 0; k < n; k++) all[k] = k;
        boolean thin = false;
        for (int g = 0; g < groups; g++) thin |= members[g] > COPIES_VERIFIED;
        if (!thin) return all;
        // within each large group: its leader, then the most similar to the new article
        Integer[] order = mostSimilarFirst(all, similar);
        boolean[] keep = new boolean[n];
        int[] taken = new int[groups];
        for (int g = 0; g < groups; g++) {
            if (members[g] <= COPIES_VERIFIED) continue;
            keep[leader[g]] = true;
            taken[g] = 1;
        }
        for (int k : order) {
            int g = group[k];
            if (members[g] <= COPIES_VERIFIED) keep[k] = true;
            else if (!keep[k] && taken[g] < COPIES_VERIFIED) { keep[k] = true; taken[g]++; }
        }
        int kept = 0;
        for (boolean b : keep) if (b) kept++;
        int[] out = new int[kept];
        kept = 0;
        for (int k = 0; k < n; k++) if (keep[k]) out[kept++] = k;
        return out;
    }

    /** The {@code positions} by {@code similarity}, highest first; ties by position (arrival order), so choices are reproducible. */
    private static Integer[] mostSimilarFirst(int[] positions, double[] similarity) {
        Integer[] order = new Integer[positions.length];
        for (int k = 0; k < positions.length; k++) order[k] = positions[k];
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(similarity[y], similarity[x]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        return order;
    }

    /** A document's signature and its number, as {@link #recentSignatures} keeps them. */
    private record Signed(int doc, int[] signature) {}

    /**
     * The signatures read last, one slot per document number modulo its size (512 KB of signatures at most): the copies of a
     * much-reprinted text are every new reprint's candidates, and each read from an on-disk store is a system call. Slots
     * are replaced whole by immutable records, so threads may race on them and still read a document's own signature.
     */
    private final Signed[] recentSignatures = new Signed[1 << 10];

    private int[] signature(int doc) {
        int slot = doc & (recentSignatures.length - 1);
        Signed s = recentSignatures[slot];
        if (s != null && s.doc() == doc) return s.signature();
        int[] signature = fingerprints.signature(doc);
        recentSignatures[slot] = new Signed(doc, signature);
        return signature;
    }

    /** Appends to {@code all} from {@code n} each document {@code sorted} holds at least {@code min} times; returns the new end. */
    private static int atLeast(int[] sorted, int min, int[] all, int n) {
        for (int x = 0; x < sorted.length; ) {
            int y = x;
            while (y < sorted.length && sorted[y] == sorted[x]) y++;
            if (y - x >= min) all[n++] = sorted[x];
            x = y;
        }
        return n;
    }

    /** The batch's article {@code i}'s hits over every shard. */
    private static int[] gather(int i, int[][] hits, int[][] end) {
        int n = 0;
        for (int s = 0; s < hits.length; s++) n += end[s][i] - (i == 0 ? 0 : end[s][i - 1]);
        int[] out = new int[n];
        int k = 0;
        for (int s = 0; s < hits.length; s++) {
            int from = i == 0 ? 0 : end[s][i - 1], len = end[s][i] - from;
            System.arraycopy(hits[s], from, out, k, len);
            k += len;
        }
        return out;
    }

    private LocalDate date(int doc) { return days[doc] == NO_DATE ? null : LocalDate.ofEpochDay(days[doc]); }

    /** What verification needs of document {@code doc} besides the indexes: its id, date and fingerprint. */
    private void register(int doc, Article a, Fingerprint fp) {
        if (doc == ids.length) {
            ids = Arrays.copyOf(ids, doc * 2);
            days = Arrays.copyOf(days, doc * 2);
        }
        ids[doc] = a.id();
        days[doc] = a.published() == null ? NO_DATE : (int) a.published().toEpochDay();
        fingerprints.add(fp);
    }

    /** Aligns two fingerprinted articles; null when they share no passage worth reporting. */
    public Link verify(Article x, Fingerprint fx, Article y, Fingerprint fy) {
        return verify(x.id(), x.published(), fx, y.id(), y.published(), fy);
    }

    /** Aligns two fingerprinted documents known by id and publication date (may be null). */
    public Link verify(String idX, LocalDate pubX, Fingerprint fx, String idY, LocalDate pubY, Fingerprint fy) {
        // keep a fixed orientation (smaller id first) so results do not depend on arrival order
        if (idX.compareTo(idY) > 0) {
            String t = idX; idX = idY; idY = t;
            LocalDate d = pubX; pubX = pubY; pubY = d;
            Fingerprint f = fx; fx = fy; fy = f;
        }
        List<Aligner.Match> matches = aligner.get().align(fx.tokens(), fx.size(), fy.tokens(), fy.size());
        if (matches.isEmpty()) return null;
        List<Passage> passages = new ArrayList<>(matches.size());
        long charsA = 0, charsB = 0;
        for (Aligner.Match m : matches) {
            Passage p = new Passage(fx.starts()[m.aStart()], fx.ends()[m.aEnd() - 1], fy.starts()[m.bStart()], fy.ends()[m.bEnd() - 1]);
            passages.add(p);
            charsA += p.aEnd() - p.aStart();
            charsB += p.bEnd() - p.bStart();
        }
        double sim = MinHasher.similarity(fx.signature(), fy.signature());
        Link.Direction direction = null;
        if (pubX != null && pubY != null) {
            int c = pubX.compareTo(pubY);
            direction = c < 0 ? Link.Direction.A_TO_B : c > 0 ? Link.Direction.B_TO_A : null;
        }
        return new Link(idX, idY, round(sim), round(Math.min(1, (double) charsA / Math.max(1, fx.bodyChars()))),
                round(Math.min(1, (double) charsB / Math.max(1, fy.bodyChars()))), direction, passages);
    }

    /**
     * Drops the passages that are common talk by the corpus seen so far (most of their anchors occur in
     * many articles: a site's standard disclaimer, a stock formula) and the links left with none. Links
     * found early, before the corpus showed a phrase to be common, are judged again here.
     */
    /**
     * {@link #pruneCommon(List)} for a few links among many documents: {@code docOf} gives a document's number in
     * this linker (the order documents were added; -1 if unknown), so the documents are not looked for among all.
     */
    public List<Link> pruneCommon(List<Link> links, ToIntFunction<String> docOf) {
        ensureOpen();
        List<Link> out = new ArrayList<>(links.size());
        for (Link l : links) {
            int a = docOf.applyAsInt(l.a()), b = docOf.applyAsInt(l.b());
            if (a >= fingerprints.size() || a >= 0 && !ids[a].equals(l.a()) || b >= fingerprints.size() || b >= 0
                    && !ids[b].equals(l.b())) {
                return pruneCommon(links); // numbered otherwise: look them up
            }
            Link kept = mayBeCommon(l) ? pruneCommon(l, a < 0 ? null : fingerprints.get(a), b < 0 ? null : fingerprints.get(b),
                    anchorIndex::docFreq, fingerprints.size()) : l;
            if (kept != null) out.add(kept);
        }
        return out;
    }

    public List<Link> pruneCommon(List<Link> links) {
        ensureOpen();
        // the documents the links name, and only those, by id
        Map<String, Integer> byId = new HashMap<>();
        for (Link l : links) { byId.put(l.a(), -1); byId.put(l.b(), -1); }
        for (int i = 0; i < fingerprints.size(); i++) if (byId.containsKey(ids[i])) byId.put(ids[i], i);
        // each link judged on its own (the indexes are only read here), on as many threads as the caller's pool has
        Link[] kept = new Link[links.size()];
        range(kept.length, kept.length > 256).forEach(i -> {
            Link l = links.get(i);
            int a = byId.get(l.a()), b = byId.get(l.b());
            kept[i] = mayBeCommon(l) ? pruneCommon(l, a < 0 ? null : fingerprints.get(a), b < 0 ? null : fingerprints.get(b),
                    anchorIndex::docFreq, fingerprints.size()) : l;
        });
        List<Link> out = new ArrayList<>(links.size());
        for (Link l : kept) if (l != null) out.add(l);
        return out;
    }

    /**
     * Whether any passage of {@code l} is short enough on both sides to be common talk: the links of which none is
     * are kept as they are by {@link #pruneCommon(Link, Fingerprint, Fingerprint, LongToIntFunction, int)}, so their
     * fingerprints need not be read.
     */
    private static boolean mayBeCommon(Link l) {
        for (Passage p : l.passages()) {
            if (p.aEnd() - p.aStart() < COMMON_MAX_CHARS && p.bEnd() - p.bStart() < COMMON_MAX_CHARS) return true;
        }
        return false;
    }

    /** The common-talk threshold for a corpus of {@code articles}: anchors in more articles than this are common. */
    public int commonDocFreq(int articles) {
        return (int) Math.max(settings.commonMinDocs(), settings.commonShare() * articles);
    }

    /**
     * One link without its common-talk passages, judged by {@code docFreq} over a corpus of {@code articles};
     * null when none is left. The same rule the incremental path applies, for callers (the Spark job) that
     * count anchor frequencies themselves.
     */
    public Link pruneCommon(Link l, Fingerprint fa, Fingerprint fb, LongToIntFunction docFreq, int articles) {
        if (fa == null || fb == null) return l;
        int commonDf = commonDocFreq(articles);
        List<Passage> passages = l.passages();
        boolean[] common = new boolean[passages.size()];
        long commonA = 0, commonB = 0;
        for (int i = 0; i < common.length; i++) {
            Passage p = passages.get(i);
            common[i] = p.aEnd() - p.aStart() < COMMON_MAX_CHARS && p.bEnd() - p.bStart() < COMMON_MAX_CHARS
                    && isCommon(fa, p.aStart(), p.aEnd(), commonDf, docFreq);
            if (common[i]) { commonA += p.aEnd() - p.aStart(); commonB += p.bEnd() - p.bStart(); }
        }
        // many common passages shared by one pair are a story both reprint, cut into paragraphs, not a notice
        if (commonA == 0 || Math.max(commonA, commonB) >= COMMON_MAX_CHARS) return l;
        List<Passage> kept = new ArrayList<>();
        long charsA = 0, charsB = 0;
        for (int i = 0; i < common.length; i++) {
            if (common[i]) continue;
            Passage p = passages.get(i);
            kept.add(p);
            charsA += p.aEnd() - p.aStart();
            charsB += p.bEnd() - p.bStart();
        }
        if (kept.isEmpty()) return null;
        return new Link(l.a(), l.b(), l.similarity(), round(Math.min(1, (double) charsA / Math.max(1, fa.bodyChars()))),
                round(Math.min(1, (double) charsB / Math.max(1, fb.bodyChars()))), l.direction(), kept);
    }

    /**
     * Passages this long are never common talk, however many articles carry them, nor are the common passages of a link
     * that add up to this many characters on either side. Common talk is a standard notice (a newsroom's disclaimer, a
     * wire's copyright line, "Reporting by ...; Editing by ...": 60-300 characters) or a stock formula; a passage of a few
     * paragraphs that many articles carry is a story they reprint. Why (session 19): the rule by frequency alone never
     * fired on the news pool, ECB+ or the generated corpora, and on a topic-focused collection (400 real articles each
     * quoting seven paragraphs of one wire story) it dropped all 26,208 reused passages as boilerplate: in a week's
     * collection on one theme, one wire story is carried by far more than 5% of it. Why the sum (session 20): reprints that
     * reorder a wire story's paragraphs share it as one passage a paragraph, each under this length and each carried by
     * most of a collection of reprints, so 1,000 reprints of one article were linked with 15% of each other reused where
     * they share 95%; a notice and a formula together stay well under it.
     */
    static final int COMMON_MAX_CHARS = 500;

    private boolean isCommon(Fingerprint f, int start, int end, int commonDf, LongToIntFunction docFreq) {
        int from = Arrays.binarySearch(f.starts(), start);
        if (from < 0) from = -from - 1;
        int k = anchorIndex.shingle();
        int anchors = 0, common = 0;
        for (int i = from; i + k <= f.size() && f.ends()[i + k - 1] <= end; i++) {
            long h = MinHasher.shingleHash(f.tokens(), i, k);
            if (!anchorIndex.isAnchor(h)) continue;
            anchors++;
            if (docFreq.applyAsInt(h) > commonDf) common++;
        }
        return anchors > 0 && common * 2 >= anchors;
    }

    private static double round(double d) { return Math.round(d * 10000) / 10000.0; }

    /** Documents indexed so far. */
    public int size() { return fingerprints.size(); }

    /** Heap bytes of the fingerprint store (all of it in memory, the offsets on disk). */
    public long fingerprintMemoryBytes() { return fingerprints.memoryBytes(); }

    /** Bytes of the fingerprint store on disk (0 when it is on the heap). */
    public long fingerprintDiskBytes() { return fingerprints.diskBytes(); }

    /** Compacts the candidate indexes, as at the end of a bulk load; adding goes on working. */
    public void compact() {
        lsh.compact();
        anchorIndex.compact();
    }

    /**
     * No more documents will be added: lets go of the candidate indexes (LSH bands and anchor postings, most
     * of the heap a large run holds) so the story stage can have it, and closes the fingerprint store (its file is
     * deleted: at ten million articles, 5 GB of signatures the story stage's files need the room of). Call it after
     * {@link #pruneCommon}, which reads the anchors' frequencies and the fingerprints; adding or pruning afterwards
     * throws.
     */
    public void seal() {
        sealed = true;
        lsh.clear();
        anchorIndex.clear();
        fingerprints.close();
    }

    private boolean sealed;

    private void ensureOpen() {
        if (sealed) throw new IllegalStateException("the linker is sealed: its candidate indexes and fingerprints are gone");
    }

    /** Heap bytes of the candidate indexes (LSH bands and anchors), without the fingerprints kept for alignment. */
    public long indexMemoryBytes() { return lsh.memoryBytes() + anchorIndex.memoryBytes(); }

    /** Bytes of the candidate indexes' memory-mapped files (0 when they are on the heap). */
    public long indexMappedBytes() { return lsh.mappedBytes() + anchorIndex.mappedBytes(); }
    public int candidatesChecked() { return candidatesChecked; }

    /** Closes the fingerprint store (deleting its file, when on disk). */
    @Override public void close() {
        lsh.clear();
        anchorIndex.clear();
        fingerprints.close();
    }
    public Settings settings() { return settings; }
}
