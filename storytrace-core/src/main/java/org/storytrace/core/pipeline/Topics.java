package org.storytrace.core.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
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
 * vectors (content words and name keys, the heaviest {@link #SUMMARY_TERMS} kept): the dot product of two sums
 * is the sum of the cosines of every article pair between the stories, so the mean lexical similarity of the
 * pairs costs one sparse dot product instead of {@code |A| x |B|} of them. Pairs of stories are candidates
 * when they share at least two of their summaries' top terms ({@link Partners}); each story keeps its
 * {@link #NEAREST} nearest candidates by estimate, and a pair kept by either story is an edge. Each edge's
 * total is the larger of the estimate and the sum of the pair scores already found between the stories (which
 * carry reuse, matching headlines and embeddings the estimate does not see). Dates do not fade the estimate: a
 * topic is a theme, and a theme spans months and years (the ECB+ topics pair events years apart).
 *
 * <p>Measured on ECB+ (docs/dev-notes.md): clustering topics inside the components got topics ARI 0.847, every
 * error a gold topic split into its two stories; scoring every article pair with embeddings (too slow beyond a
 * few thousand articles) got 0.899; this pass gets 0.939. Stories are not changed by the pass.
 *
 * <p>Everything here is a pure function of its arguments, so the Spark job computes summaries where the stories
 * lie and runs {@link #topicOfStory} on the driver, with the result the embedded path gets.
 */
public final class Topics {
    private Topics() {}

    /** Terms a summary keeps (the heaviest of the summed vector); its dot products are estimates past that. */
    static final int SUMMARY_TERMS = 256;

    /**
     * A story as the topic pass sees it: its number of articles, the summed unit word vectors of its articles,
     * and the summed name-key vectors of those of its articles that have names ({@code named} of them). Keys
     * ascending; sums not normalised.
     */
    public record Summary(int size, long[] words, float[] wordSums, int named, long[] names, float[] nameSums)
            implements java.io.Serializable {
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
        long[][] w = sum(words, 0, size), nm = sum(names, 0, size);
        return new Summary(size, w[0], floats(w[1]), named, nm[0], floats(nm[1]));
    }

    /**
     * The sum of vectors {@code [from, to)}, halves summed first (the order is fixed, so the sums are the same to
     * the bit wherever they are made), cut to the {@link #SUMMARY_TERMS} heaviest: keys, and the sums' float bits.
     */
    private static long[][] sum(TermVectors.Vector[] v, int from, int to) {
        if (to - from == 1) {
            long[] k = v[from].keys();
            float[] w = v[from].weights();
            long[] bits = new long[w.length];
            for (int i = 0; i < w.length; i++) bits[i] = Float.floatToRawIntBits(w[i]);
            return cut(k, bits, k.length);
        }
        int mid = (from + to) >>> 1;
        long[][] a = sum(v, from, mid), b = sum(v, mid, to);
        long[] ka = a[0], kb = b[0], wa = a[1], wb = b[1];
        long[] k = new long[ka.length + kb.length], w = new long[k.length];
        int i = 0, j = 0, m = 0;
        while (i < ka.length || j < kb.length) {
            if (j >= kb.length || (i < ka.length && ka[i] < kb[j])) { k[m] = ka[i]; w[m++] = wa[i++]; }
            else if (i >= ka.length || kb[j] < ka[i]) { k[m] = kb[j]; w[m++] = wb[j++]; }
            else {
                k[m] = ka[i];
                w[m++] = Float.floatToRawIntBits(Float.intBitsToFloat((int) wa[i++]) + Float.intBitsToFloat((int) wb[j++]));
            }
        }
        return cut(k, w, m);
    }

    /** The first {@code m} entries cut to the {@link #SUMMARY_TERMS} heaviest, keys ascending. */
    private static long[][] cut(long[] k, long[] bits, int m) {
        if (m <= SUMMARY_TERMS) return new long[][] {Arrays.copyOf(k, m), Arrays.copyOf(bits, m)};
        float[] w = new float[m];
        for (int i = 0; i < m; i++) w[i] = Float.intBitsToFloat((int) bits[i]);
        int[] keep = TermVectors.heaviest(w, m, SUMMARY_TERMS);
        Arrays.sort(keep);
        long[] ok = new long[keep.length], ow = new long[keep.length];
        for (int i = 0; i < keep.length; i++) { ok[i] = k[keep[i]]; ow[i] = bits[keep[i]]; }
        return new long[][] {ok, ow};
    }

    private static float[] floats(long[] bits) {
        float[] f = new float[bits.length];
        for (int i = 0; i < f.length; i++) f[i] = Float.intBitsToFloat((int) bits[i]);
        return f;
    }

    /**
     * The scores found between stories, summed per pair of stories: {@code (su[e], sv[e], w[e])} the pairs of
     * articles in the order of their pair keys, mapped to their stories. Returns the story pairs as sorted keys
     * {@code a << 32 | b} ({@code a < b}) and their sums, each summed in the order of its article pairs (so a
     * Spark job that sorts each story pair's article pairs by key sums the same bits). Pairs inside a story
     * are left out.
     */
    public static CrossSums crossSums(int[] su, int[] sv, double[] w) {
        if (su.length != sv.length || su.length != w.length) throw new IllegalArgumentException("edge arrays differ in length");
        int ns = 0, cross = 0;
        for (int e = 0; e < su.length; e++) {
            if (su[e] == sv[e]) continue;
            cross++;
            ns = Math.max(ns, Math.max(su[e], sv[e]) + 1);
        }
        int[] lo = new int[cross], hi = new int[cross], edge = new int[cross];
        int m = 0;
        for (int e = 0; e < su.length; e++) {
            if (su[e] == sv[e]) continue;
            lo[m] = Math.min(su[e], sv[e]);
            hi[m] = Math.max(su[e], sv[e]);
            edge[m++] = e;
        }
        // a stable sort by story pair (counting sorts by the larger story, then by the smaller): edges keep their order
        int[] byHi = countingSort(hi, identity(cross), ns), order = countingSort(lo, byHi, ns);
        long[] keys = new long[cross];
        double[] sums = new double[cross];
        int k = -1;
        for (int o : order) {
            long kk = key(lo[o], hi[o]);
            if (k < 0 || keys[k] != kk) keys[++k] = kk;
            sums[k] += w[edge[o]];
        }
        return new CrossSums(Arrays.copyOf(keys, k + 1), Arrays.copyOf(sums, k + 1));
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    /** {@code items} stably sorted by {@code value[item]} (values in {@code [0, range)}). */
    private static int[] countingSort(int[] value, int[] items, int range) {
        int[] start = new int[range + 1];
        for (int it : items) start[value[it] + 1]++;
        for (int r = 0; r < range; r++) start[r + 1] += start[r];
        int[] out = new int[items.length];
        for (int it : items) out[start[value[it]]++] = it;
        return out;
    }

    /** Sums of the scores found between stories: story pair keys {@code a << 32 | b}, ascending, and their sums. */
    public record CrossSums(long[] keys, double[] sums) implements java.io.Serializable {
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
            sc.words.load(new TermVectors.Vector(sa.words(), sa.wordSums()));
            sc.names.load(new TermVectors.Vector(sa.names(), sa.nameSums()));
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
        double[] est = new double[total];
        int c = 0;
        long[] tmp = new long[total];
        for (int a = 0; a < ns; a++) {
            for (int i = 0; i < near[a].length; i++) tmp[c++] = key(Math.min(a, near[a][i]), Math.max(a, near[a][i]));
        }
        Arrays.sort(tmp);
        int distinct = 0;
        for (int i = 0; i < total; i++) if (distinct == 0 || cand[distinct - 1] != tmp[i]) cand[distinct++] = tmp[i];
        for (int a = 0; a < ns; a++) {
            for (int i = 0; i < near[a].length; i++) {
                int r = Arrays.binarySearch(cand, 0, distinct, key(Math.min(a, near[a][i]), Math.max(a, near[a][i])));
                est[r] = nearSum[a][i];
            }
            near[a] = null;
            nearSum[a] = null;
        }
        // each story pair once: the larger of its found sum and its estimate (merged in key order)
        long[] fk = found.keys();
        double[] fs = found.sums();
        int[] u = new int[fk.length + distinct], v = new int[u.length];
        double[] x = new double[u.length];
        int i = 0, j = 0, m = 0;
        while (i < fk.length || j < distinct) {
            long k;
            double sum;
            if (j >= distinct || (i < fk.length && fk[i] < cand[j])) { k = fk[i]; sum = fs[i++]; }
            else if (i >= fk.length || cand[j] < fk[i]) { k = cand[j]; sum = est[j++]; }
            else { k = fk[i]; sum = Math.max(fs[i++], est[j++]); }
            int a = (int) (k >>> 32), b = (int) k;
            // an edge far below the threshold barely moves a merged cluster's average: left out, as for candidates
            if (!(sum >= threshold * KEEP_SHARE * stories.get(a).size() * stories.get(b).size())) continue;
            u[m] = (int) (k >>> 32);
            v[m] = (int) k;
            x[m++] = sum;
        }
        int[] sizes = new int[ns];
        for (int s = 0; s < ns; s++) sizes[s] = stories.get(s).size();
        return new AverageLinkage(threshold, parallel).cluster(ns, Arrays.copyOf(u, m), Arrays.copyOf(v, m), Arrays.copyOf(x, m), sizes);
    }

    /** Top terms two stories share at least to be candidates of one topic. */
    static final int MIN_SHARED = 2;

    /** Candidates a story keeps: its nearest, by estimated mean similarity. */
    static final int NEAREST = 10;

    /**
     * Edges (candidates, and scores found between stories) whose mean is below this share of the topic threshold
     * are left out: alone they cannot join two stories, and they barely move the average of merged ones.
     */
    static final double KEEP_SHARE = 0.5;

    /** The mean similarity of the article pairs of {@code a} (held in {@code sc}'s probes) and {@code b}. */
    private static double mean(StoryGrouper grouper, Scratch sc, Summary a, Summary b) {
        double pairs = (double) a.size() * b.size();
        double words = sc.words.dot(new TermVectors.Vector(b.words(), b.wordSums())) / pairs;
        double names = a.named() == 0 || b.named() == 0 ? -1
                : sc.names.dot(new TermVectors.Vector(b.names(), b.nameSums())) / ((double) a.named() * b.named());
        return grouper.score(new StoryGrouper.Evidence(words, names, -1, -1, 0), null, null);
    }

    /**
     * The estimated sum of the similarities of every article pair between two stories (see {@link #mean}): the
     * mean content-word cosine, averaged with the mean name cosine where both stories have names (as
     * {@link StoryGrouper#score} averages them for a pair), times the number of pairs.
     */
    static double estimate(StoryGrouper grouper, Summary a, Summary b) {
        Scratch sc = new Scratch(null);
        sc.words.load(new TermVectors.Vector(a.words(), a.wordSums()));
        sc.names.load(new TermVectors.Vector(a.names(), a.nameSums()));
        return mean(grouper, sc, a, b) * a.size() * b.size();
    }

    /** A thread's working space: the held story's probes, its candidates and the kept ones. */
    private static final class Scratch {
        final TermVectors.Probe words = new TermVectors.Probe(), names = new TermVectors.Probe();
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
     * rule gets topics ARI 0.940 where every pair of stories got 0.910 (the pairs it leaves out share one
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
            System.arraycopy(sc.index.out, 0, sc.out, 0, m);
            return m;
        }

        private static TermVectors.CandidateIndex index(StoryGrouper grouper, List<Summary> stories) {
            int ns = stories.size();
            LongIntMap termIds = new LongIntMap(1 << 16);
            int[] df = new int[1 << 16];
            int terms = 0;
            for (Summary s : stories) {
                for (long k : s.words()) {
                    int id = termIds.putIfAbsent(k, terms);
                    if (id == terms) { terms++; if (terms > df.length) df = Arrays.copyOf(df, df.length * 2); }
                    df[id]++;
                }
            }
            final int[] dfs = df;
            java.util.function.LongToIntFunction storyDf = k -> dfs[termIds.get(k, 0)];
            int maxDf = grouper.dfLimit(ns);
            long[][] top = new long[ns][];
            for (int s = 0; s < ns; s++) {
                Summary x = stories.get(s);
                top[s] = TermVectors.topTerms(new TermVectors.Vector(x.words(), x.wordSums()), storyDf, maxDf, StoryGrouper.TOP_TERMS);
            }
            return new TermVectors.CandidateIndex(top);
        }
    }

    /** The candidate story pairs {@code a < b} as sorted keys {@code a << 32 | b} (see {@link Partners}); for tests. */
    static long[] candidates(StoryGrouper grouper, List<Summary> stories) {
        Partners p = new Partners(grouper, stories);
        Scratch sc = new Scratch(p);
        List<Long> out = new java.util.ArrayList<>();
        for (int a = 0; a < stories.size(); a++) {
            int m = p.of(a, sc);
            for (int i = 0; i < m; i++) if (sc.out[i] > a) out.add(key(a, sc.out[i]));
        }
        return out.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static long key(int a, int b) { return ((long) a << 32) | (b & 0xffffffffL); }
}
