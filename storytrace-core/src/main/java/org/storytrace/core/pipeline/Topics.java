package org.storytrace.core.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.LongToIntFunction;
import java.util.stream.IntStream;
import org.storytrace.core.cluster.AverageLinkage;
import org.storytrace.core.index.LongIntMap;

/**
 * The topic pass: stories into topics, over the stories of the whole collection.
 *
 * <p>Topics are average-linkage clusters of stories at {@link StoryGrouper.Settings#topicThreshold}: two stories
 * share a topic when their articles are, on average, that similar. Stories are found inside the connected
 * components of the candidate-pair graph, and that graph only holds pairs sharing telling words (names, places,
 * the event's own terms). Two stories of one kind of event (two celebrities checking into rehab, two
 * earthquakes) share the kind's words but not their names, so their articles are seldom candidates of each
 * other: clustered inside the components, they could never share a topic, and even inside one component the
 * average of the few scored pairs underestimates the average over all of them (absent pairs count as 0).
 *
 * <p>So the pass works on story summaries. A story's {@link Summary} is the sum of its articles' unit TF-IDF
 * vectors (content words and name keys): the dot product of two sums is the sum of the cosines of every article
 * pair between the stories, so the mean lexical similarity of the pairs costs one sparse dot product instead of
 * {@code |A| x |B|} of them. A summary keeps its {@link #SUMMARY_TERMS} heaviest terms and the ratio of the whole
 * sum's norm to the kept part's, by which its dot products are scaled: the cosine of the kept parts stands for
 * the cosine of the whole. On ECB+ topics ARI is 0.940 with 64 terms kept this way (as with 256 and no ratio),
 * 0.928 with 32, 0.908 with 24; 32 holds a million articles' summaries in a 2 GB heap. Pairs of stories are candidates
 * when they share at least two of their summaries' top terms ({@link Partners}); each story keeps its
 * {@link #NEAREST} nearest candidates by estimate, and a pair kept by either story is an edge. Each edge's
 * total is the larger of the estimate and the sum of the pair scores already found between the stories (which
 * carry reuse, matching headlines and embeddings the estimate does not see). Dates do not fade the estimate: a
 * topic is a theme, and a theme spans months and years (the ECB+ topics pair events years apart).
 *
 * <p>Measured on ECB+ (docs/dev-notes.md): clustering topics inside the components got topics ARI 0.847, every
 * error a gold topic split into its two stories; scoring every article pair with embeddings (too slow beyond a
 * few thousand articles) got 0.899; this pass gets 0.928. Stories are not changed by the pass.
 *
 * <p>Everything here is a pure function of its arguments, so the Spark job computes summaries where the stories
 * lie and runs {@link #topicOfStory} on the driver, with the result the embedded path gets.
 */
public final class Topics {
    private Topics() {}

    /**
     * Terms a summary keeps of its words and of its names (the heaviest of each sum). Summaries of every story are
     * held at once (at most about 600 bytes a story; 645,000 stories for a million generated articles), so this
     * bounds the pass's memory.
     */
    static final int SUMMARY_TERMS = 32;

    /**
     * A story as the topic pass sees it: its number of articles, the summed unit word vectors of its articles,
     * and the summed name-key vectors of those of its articles that have names ({@code named} of them), each cut
     * to its {@link #SUMMARY_TERMS} heaviest terms with the ratio of the whole sum's norm to the cut one's
     * ({@code wordScale}, {@code nameScale}; 1 when nothing was cut). Keys ascending; sums not normalised.
     */
    public record Summary(int size, int[] words, float[] wordSums, float wordScale, int named, int[] names, float[] nameSums,
                          float nameScale) implements Serializable {
        public Summary {
            if (size < 1) throw new IllegalArgumentException("a story has at least one article, was " + size);
            if (words.length != wordSums.length || names.length != nameSums.length) {
                throw new IllegalArgumentException("keys and sums differ in length");
            }
        }
    }

    /** The summary of a story of {@code size} articles whose profiles {@code member.apply(0..size-1)} gives, in ascending article order. */
    public static Summary summarize(int size, IntFunction<StoryGrouper.Profile> member) {
        TermVectors.Vector[] words = new TermVectors.Vector[size], names = new TermVectors.Vector[size];
        int named = 0;
        for (int i = 0; i < size; i++) {
            StoryGrouper.Profile p = member.apply(i);
            words[i] = p.words();
            names[i] = p.names();
            if (!p.names().isEmpty()) named++;
        }
        TermVectors.Vector w = sum(words, 0, size), nm = sum(names, 0, size), wc = cut(w), nc = cut(nm);
        Folded fw = fold(wc), fn = fold(nc);
        return new Summary(size, fw.keys(), fw.weights(), scale(w.weights(), wc.weights()), named, fn.keys(), fn.weights(),
                scale(nm.weights(), nc.weights()));
    }

    /**
     * A term's 64-bit hash folded to 32 bits: a summary's keys are held at half the memory (a million articles
     * make hundreds of thousands of stories, all summarised at once), at the price of a chance of about one in
     * a million that two of the 64 terms of two summaries meet by accident.
     */
    static int fold(long key) { return (int) (key ^ (key >>> 32)); }

    /** A vector with folded keys: ascending, each once. */
    private record Folded(int[] keys, float[] weights) {}

    /** {@code v} with its keys folded ({@link #fold}), terms that fold together summed. */
    private static Folded fold(TermVectors.Vector v) {
        long[] k = v.keys();
        float[] w = v.weights();
        long[] order = new long[k.length]; // folded key in the high bits (so longs sort as the ints do), then the index
        for (int i = 0; i < k.length; i++) order[i] = ((long) fold(k[i]) << 32) | i;
        Arrays.sort(order);
        int[] keys = new int[k.length];
        float[] out = new float[k.length];
        int m = 0;
        for (long o : order) {
            int key = (int) (o >> 32);
            float x = w[(int) o];
            if (m > 0 && keys[m - 1] == key) out[m - 1] += x;
            else { keys[m] = key; out[m++] = x; }
        }
        return m == k.length ? new Folded(keys, out) : new Folded(Arrays.copyOf(keys, m), Arrays.copyOf(out, m));
    }

    /**
     * The sum of vectors {@code [from, to)}, halves summed first (the order is fixed, so the sums are the same to
     * the bit wherever they are made); not normalised.
     */
    private static TermVectors.Vector sum(TermVectors.Vector[] v, int from, int to) {
        if (to - from == 1) return v[from];
        int mid = (from + to) >>> 1;
        TermVectors.Vector a = sum(v, from, mid), b = sum(v, mid, to);
        long[] ka = a.keys(), kb = b.keys();
        float[] wa = a.weights(), wb = b.weights();
        long[] k = new long[ka.length + kb.length];
        float[] w = new float[k.length];
        int i = 0, j = 0, m = 0;
        while (i < ka.length || j < kb.length) {
            if (j >= kb.length || (i < ka.length && ka[i] < kb[j])) { k[m] = ka[i]; w[m++] = wa[i++]; }
            else if (i >= ka.length || kb[j] < ka[i]) { k[m] = kb[j]; w[m++] = wb[j++]; }
            else { k[m] = ka[i]; w[m++] = wa[i++] + wb[j++]; }
        }
        return new TermVectors.Vector(Arrays.copyOf(k, m), Arrays.copyOf(w, m));
    }

    /** {@code v} cut to its {@link #SUMMARY_TERMS} heaviest terms, keys ascending. */
    private static TermVectors.Vector cut(TermVectors.Vector v) {
        long[] k = v.keys();
        float[] w = v.weights();
        int[] keep = TermVectors.heaviest(w, k.length, Math.min(k.length, SUMMARY_TERMS));
        Arrays.sort(keep);
        long[] ok = new long[keep.length];
        float[] ow = new float[keep.length];
        for (int i = 0; i < keep.length; i++) { ok[i] = k[keep[i]]; ow[i] = w[keep[i]]; }
        return new TermVectors.Vector(ok, ow);
    }

    /** The norm of a vector over the norm of its kept part (1 when nothing was cut, or nothing is left). */
    private static float scale(float[] full, float[] kept) {
        if (full.length == kept.length) return 1f;
        double f = 0, k = 0;
        for (float x : full) f += (double) x * x;
        for (float x : kept) k += (double) x * x;
        return k > 0 ? (float) Math.sqrt(f / k) : 1f;
    }

    /**
     * The scores found between stories, summed per pair of stories: {@code (u[e], v[e], w[e])} the scored pairs
     * of articles in the order of their pair keys, {@code story} each article's story. Returns the story pairs as
     * sorted keys {@code a << 32 | b} ({@code a < b}) and their sums, each summed in the order of its article
     * pairs (so a Spark job that sorts each story pair's article pairs by key sums the same bits). Pairs inside a
     * story are left out.
     */
    public static CrossSums crossSums(int[] story, int[] u, int[] v, double[] w) {
        if (u.length != v.length || u.length != w.length) throw new IllegalArgumentException("edge arrays differ in length");
        int ns = 0, cross = 0;
        for (int s : story) ns = Math.max(ns, s + 1);
        for (int e = 0; e < u.length; e++) if (story[u[e]] != story[v[e]]) cross++;
        int[] edge = new int[cross];
        int m = 0;
        for (int e = 0; e < u.length; e++) if (story[u[e]] != story[v[e]]) edge[m++] = e;
        // a stable sort by story pair (counting sorts by the larger story, then by the smaller): edges keep their order
        int[] hi = new int[cross];
        for (int i = 0; i < cross; i++) hi[i] = Math.max(story[u[edge[i]]], story[v[edge[i]]]);
        int[] byHi = countingSort(hi, null, ns);
        int[] lo = hi; // reused: the smaller story of each cross edge
        for (int i = 0; i < cross; i++) lo[i] = Math.min(story[u[edge[i]]], story[v[edge[i]]]);
        int[] order = countingSort(lo, byHi, ns);
        byHi = null;
        int distinct = 0;
        long last = -1;
        for (int o : order) {
            long kk = keyOf(story, u, v, edge[o]);
            if (kk != last) { distinct++; last = kk; }
        }
        long[] keys = new long[distinct];
        double[] sums = new double[distinct];
        int k = -1;
        for (int o : order) {
            long kk = keyOf(story, u, v, edge[o]);
            if (k < 0 || keys[k] != kk) keys[++k] = kk;
            sums[k] += w[edge[o]];
        }
        return new CrossSums(keys, sums);
    }

    private static long keyOf(int[] story, int[] u, int[] v, int e) {
        int a = story[u[e]], b = story[v[e]];
        return key(Math.min(a, b), Math.max(a, b));
    }

    /** {@code items} (null: 0 to {@code value.length - 1}) stably sorted by {@code value[item]}, values in {@code [0, range)}. */
    private static int[] countingSort(int[] value, int[] items, int range) {
        int n = items == null ? value.length : items.length;
        int[] start = new int[range + 1];
        for (int i = 0; i < n; i++) start[value[items == null ? i : items[i]] + 1]++;
        for (int r = 0; r < range; r++) start[r + 1] += start[r];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int it = items == null ? i : items[i];
            out[start[value[it]]++] = it;
        }
        return out;
    }

    /** Sums of the scores found between stories: story pair keys {@code a << 32 | b}, ascending, and their sums. */
    public record CrossSums(long[] keys, double[] sums) implements Serializable {
        public CrossSums {
            if (keys.length != sums.length) throw new IllegalArgumentException("keys and sums differ in length");
            for (int i = 1; i < keys.length; i++) if (keys[i - 1] >= keys[i]) throw new IllegalArgumentException("keys must ascend");
        }
    }

    /**
     * The topic of each story: labels from 0 in order of the stories' numbers.
     *
     * @param stories  the summaries, numbered in order of their first article
     * @param found    the scores already found between stories ({@link #crossSums})
     * @param parallel on the common fork-join pool; the same result
     */
    public static int[] topicOfStory(StoryGrouper grouper, List<Summary> stories, CrossSums found, boolean parallel) {
        return cluster(grouper, graph(grouper, stories, found, parallel), parallel);
    }

    /** The graph {@link #topicOfStory} clusters: what it needs of the summaries, so they can go before the clustering. */
    public static Graph graph(StoryGrouper grouper, List<Summary> stories, CrossSums found, boolean parallel) {
        int ns = stories.size();
        double threshold = grouper.settings().topicThreshold();
        // each story's nearest candidates by estimate; a pair is kept when it is among either story's nearest
        int[][] near = new int[ns][];
        double[][] nearSum = new double[ns][];
        Partners partners = new Partners(grouper, stories);
        ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(partners));
        IntStream idx = IntStream.range(0, ns);
        (parallel && ns > 256 ? idx.parallel() : idx).forEach(a -> {
            Scratch sc = scratch.get();
            int m = partners.of(a, sc);
            Summary sa = stories.get(a);
            sc.words.load(sa.words(), sa.wordSums());
            sc.names.load(sa.names(), sa.nameSums());
            int kept = 0;
            for (int i = 0; i < m; i++) {
                int b = sc.out[i];
                double mean = mean(grouper, sc, sa, stories.get(b));
                if (!(mean >= threshold * KEEP_SHARE)) continue;
                sc.pick[kept] = b;
                sc.pickMean[kept++] = mean;
            }
            int k = Math.min(kept, NEAREST);
            Integer[] order = new Integer[kept];
            for (int i = 0; i < kept; i++) order[i] = i;
            // best first, ties to the smaller story
            Arrays.sort(order, (x, y) -> {
                int c = Double.compare(sc.pickMean[y], sc.pickMean[x]);
                return c != 0 ? c : Integer.compare(sc.pick[x], sc.pick[y]);
            });
            near[a] = new int[k];
            nearSum[a] = new double[k];
            for (int i = 0; i < k; i++) {
                int b = sc.pick[order[i]];
                near[a][i] = b;
                nearSum[a][i] = sc.pickMean[order[i]] * sa.size() * stories.get(b).size();
            }
        });
        // the kept pairs as sorted keys, each once (kept by both stories: the later story's estimate, which may differ in the last bits)
        int total = 0;
        for (int[] x : near) total += x.length;
        long[] cand = new long[total];
        int c = 0;
        for (int a = 0; a < ns; a++) {
            for (int i = 0; i < near[a].length; i++) cand[c++] = key(Math.min(a, near[a][i]), Math.max(a, near[a][i]));
        }
        Arrays.sort(cand);
        int distinct = 0;
        for (int i = 0; i < total; i++) if (distinct == 0 || cand[distinct - 1] != cand[i]) cand[distinct++] = cand[i];
        double[] est = new double[distinct];
        for (int a = 0; a < ns; a++) {
            for (int i = 0; i < near[a].length; i++) {
                int r = Arrays.binarySearch(cand, 0, distinct, key(Math.min(a, near[a][i]), Math.max(a, near[a][i])));
                est[r] = nearSum[a][i];
            }
            near[a] = null;
            nearSum[a] = null;
        }
        int[] sizes = new int[ns];
        for (int s = 0; s < ns; s++) sizes[s] = stories.get(s).size();
        // each story pair once: the larger of its found sum and its estimate (merged in key order); an edge far below
        // the threshold barely moves a merged cluster's average, so it is left out, as candidates are. Counted, then filled.
        long[] fk = found.keys();
        double[] fs = found.sums();
        int m = merge(fk, fs, cand, est, distinct, sizes, threshold * KEEP_SHARE, null, null, null);
        int[] u = new int[m], v = new int[m];
        double[] x = new double[m];
        merge(fk, fs, cand, est, distinct, sizes, threshold * KEEP_SHARE, u, v, x);
        return new Graph(u, v, x, sizes);
    }

    /**
     * The found sums and the estimates merged by key into edges at least {@code floor} times their pair count;
     * writes them when {@code u} is not null. Returns how many.
     */
    private static int merge(long[] fk, double[] fs, long[] cand, double[] est, int distinct, int[] sizes, double floor, int[] u, int[] v,
                             double[] x) {
        int i = 0, j = 0, m = 0;
        while (i < fk.length || j < distinct) {
            long k;
            double sum;
            if (j >= distinct || (i < fk.length && fk[i] < cand[j])) { k = fk[i]; sum = fs[i++]; }
            else if (i >= fk.length || cand[j] < fk[i]) { k = cand[j]; sum = est[j++]; }
            else { k = fk[i]; sum = Math.max(fs[i++], est[j++]); }
            int a = (int) (k >>> 32), b = (int) k;
            if (!(sum >= floor * sizes[a] * sizes[b])) continue;
            if (u != null) {
                u[m] = a;
                v[m] = b;
                x[m] = sum;
            }
            m++;
        }
        return m;
    }

    /** The graph of stories the topics are clustered on: edges {@code (u, v, w)} in key order, and each story's size. */
    public record Graph(int[] u, int[] v, double[] w, int[] sizes) {}

    /** The topic of each story of {@code g} (labels from 0 in order of the stories' numbers): average linkage at the topic threshold. */
    public static int[] cluster(StoryGrouper grouper, Graph g, boolean parallel) {
        return new AverageLinkage(grouper.settings().topicThreshold(), parallel).stoppedBy(grouper.stopped())
                .cluster(g.sizes().length, g.u(), g.v(), g.w(), g.sizes());
    }


    /**
     * Top terms held by more stories than this make no candidates: each story's look-up reads every story of its
     * terms, and at 645,000 stories (a million generated articles) the article rule's 600 made the pass take
     * longer than the rest of the story stage.
     */
    static final int MAX_STORY_DF = 200;

    /** Candidates a story scores at most: those sharing the most top terms with it. */
    static final int MAX_PARTNERS = 64;

    /** Top terms two stories share at least to be candidates of one topic. */
    static final int MIN_SHARED = 2;

    /** Candidates a story keeps: its nearest, by estimated mean similarity. */
    static final int NEAREST = 5;

    /**
     * Edges (candidates, and scores found between stories) whose mean is below this share of the topic threshold
     * are left out: alone they cannot join two stories, and they barely move the average of merged ones.
     */
    static final double KEEP_SHARE = 0.5;

    /** The mean similarity of the article pairs of {@code a} (held in {@code sc}'s probes) and {@code b}. */
    private static double mean(StoryGrouper grouper, Scratch sc, Summary a, Summary b) {
        double pairs = (double) a.size() * b.size();
        double words = sc.words.dot(b.words(), b.wordSums()) * a.wordScale() * b.wordScale() / pairs;
        double names = a.named() == 0 || b.named() == 0 ? -1
                : sc.names.dot(b.names(), b.nameSums()) * a.nameScale() * b.nameScale()
                / ((double) a.named() * b.named());
        return grouper.score(new StoryGrouper.Evidence(words, names, -1, -1, 0), null, null);
    }

    /**
     * The estimated sum of the similarities of every article pair between two stories (see {@link #mean}): the
     * mean content-word cosine, averaged with the mean name cosine where both stories have names (as
     * {@link StoryGrouper#score} averages them for a pair), times the number of pairs.
     */
    static double estimate(StoryGrouper grouper, Summary a, Summary b) {
        Scratch sc = new Scratch(null);
        sc.words.load(a.words(), a.wordSums());
        sc.names.load(a.names(), a.nameSums());
        return mean(grouper, sc, a, b) * a.size() * b.size();
    }

    /**
     * One summary's terms held for many dot products, as {@link TermVectors.Probe} holds a vector's: an
     * open-addressing table of its folded keys, one probe per term of the other summary, products summed in the
     * other's key order. Not thread-safe.
     */
    private static final class IntProbe {
        private int[] keys = new int[256], stamp = new int[256];
        private float[] weights = new float[256];
        private int current, mask = 255;

        void load(int[] k, float[] w) {
            int n = k.length;
            if (n * 2 > keys.length) {
                int cap = Integer.highestOneBit(n * 2 - 1) << 1;
                keys = new int[cap];
                weights = new float[cap];
                stamp = new int[cap];
                mask = cap - 1;
                current = 0;
            }
            if (++current == Integer.MAX_VALUE) { Arrays.fill(stamp, 0); current = 1; }
            for (int i = 0; i < n; i++) {
                int slot = slot(k[i]);
                while (stamp[slot] == current) slot = (slot + 1) & mask;
                stamp[slot] = current;
                keys[slot] = k[i];
                weights[slot] = w[i];
            }
        }

        private int slot(int key) { return (key * 0x9E3779B9 >>> 16) & mask; }

        double dot(int[] k, float[] w) {
            double s = 0;
            for (int j = 0; j < k.length; j++) {
                int key = k[j];
                for (int slot = slot(key); stamp[slot] == current; slot = (slot + 1) & mask) {
                    if (keys[slot] == key) { s += (double) weights[slot] * w[j]; break; }
                }
            }
            return s;
        }
    }

    /** A thread's working space: the held story's probes, its candidates and the kept ones. */
    private static final class Scratch {
        final IntProbe words = new IntProbe(), names = new IntProbe();
        final TermVectors.CandidateIndex.Scratch index;
        int[] out = new int[16], pick = new int[16];
        double[] pickMean = new double[16];

        Scratch(Partners p) { index = p == null ? null : p.index.new Scratch(); }

        void room(int m) {
            if (out.length < m) out = new int[m];
            if (pick.length < m) { pick = new int[m]; pickMean = new double[m]; }
        }
    }

    /**
     * The candidate partners of each story, before and after it: those sharing at least {@link #MIN_SHARED} of
     * their top terms ({@link StoryGrouper#TOP_TERMS} of each summary, document frequencies counted over stories),
     * at every size of collection. A theme is several shared words: unlike the article pairs, one rare shared
     * term (a name) does not suffice, and every pair of a small collection is not scored either. On ECB+ the
     * rule got topics ARI 0.940 where every pair of stories got 0.910 (summaries of 256 terms; the pairs it leaves out share one
     * word at most, and their estimates are noise), and on 100,000 generated articles it scores 0.38 million
     * pairs of 58,000 stories where the article rule (a rare term alone suffices) scored 5 million.
     */
    private static final class Partners {
        final int ns, minShared;
        final TermVectors.CandidateIndex index;

        Partners(StoryGrouper grouper, List<Summary> stories) {
            ns = stories.size();
            minShared = Math.max(MIN_SHARED, grouper.candidateMinShared());
            index = index(grouper, stories);
        }

        /** {@code a}'s partners, ascending, in {@code sc.out}; returns how many. */
        int of(int a, Scratch sc) {
            int m = index.partners(a, minShared, 0, sc.index, false);
            sc.room(m);
            int[] found = sc.index.out, shared = sc.index.shared;
            if (m <= MAX_PARTNERS) {
                System.arraycopy(found, 0, sc.out, 0, m);
                return m;
            }
            // the partners sharing the most top terms (ties to the smaller story), then back in story order
            long[] order = new long[m];
            for (int i = 0; i < m; i++) order[i] = ((long) (StoryGrouper.TOP_TERMS - shared[found[i]]) << 32) | found[i];
            Arrays.sort(order);
            for (int i = 0; i < MAX_PARTNERS; i++) sc.out[i] = (int) order[i];
            Arrays.sort(sc.out, 0, MAX_PARTNERS);
            return MAX_PARTNERS;
        }

        private static TermVectors.CandidateIndex index(StoryGrouper grouper, List<Summary> stories) {
            int ns = stories.size();
            LongIntMap termIds = new LongIntMap(1 << 16);
            int[] df = new int[1 << 16];
            int terms = 0;
            for (Summary s : stories) {
                for (int k : s.words()) {
                    int id = termIds.putIfAbsent(k, terms);
                    if (id == terms) { terms++; if (terms > df.length) df = Arrays.copyOf(df, df.length * 2); }
                    df[id]++;
                }
            }
            final int[] dfs = df;
            LongToIntFunction storyDf = k -> dfs[termIds.get(k, 0)];
            int maxDf = Math.min(MAX_STORY_DF, grouper.dfLimit(ns));
            long[][] top = new long[ns][];
            for (int s = 0; s < ns; s++) {
                Summary x = stories.get(s);
                long[] keys = new long[x.words().length];
                for (int i = 0; i < keys.length; i++) keys[i] = x.words()[i];
                top[s] = TermVectors.topTerms(new TermVectors.Vector(keys, x.wordSums()), storyDf, maxDf, StoryGrouper.TOP_TERMS);
            }
            return new TermVectors.CandidateIndex(top);
        }
    }

    /** The candidate story pairs {@code a < b} as sorted keys {@code a << 32 | b} (see {@link Partners}); for tests. */
    static long[] candidates(StoryGrouper grouper, List<Summary> stories) {
        Partners p = new Partners(grouper, stories);
        Scratch sc = new Scratch(p);
        List<Long> out = new ArrayList<>();
        for (int a = 0; a < stories.size(); a++) {
            int m = p.of(a, sc);
            for (int i = 0; i < m; i++) if (sc.out[i] > a) out.add(key(a, sc.out[i]));
        }
        return out.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static long key(int a, int b) { return ((long) a << 32) | (b & 0xffffffffL); }
}
