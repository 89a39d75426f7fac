package org.storytrace.core.pipeline;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.LongToIntFunction;
import org.storytrace.core.index.LongIntMap;

/**
 * Sparse TF-IDF vectors over hashed terms, and the cosine of every pair of documents that share a usable
 * term, found through an inverted index (pairs sharing nothing are never touched). IDF is
 * {@code ln((N + 1) / df)}, so a term every document has weighs almost nothing even in a small collection.
 *
 * <p>Everything about one document's vector depends only on its own counts and the collection's document
 * frequencies ({@link #vector}), and terms are ordered by their hash: so the Spark job builds the same
 * vectors on its executors from distributed frequency counts, and no result depends on the order or the
 * number of threads that built them.
 */
public final class TermVectors {
    /** One document's vector: term hashes ascending and their unit-length weights. */
    public record Vector(long[] keys, float[] weights) implements Serializable {
        public boolean isEmpty() { return keys.length == 0; }

        /** The cosine of two vectors: the dot product of unit vectors, summed in key order. */
        public double cosine(Vector o) {
            long[] ka = keys, kb = o.keys;
            float[] va = weights, vb = o.weights;
            double s = 0;
            int i = 0, j = 0;
            while (i < ka.length && j < kb.length) {
                long x = ka[i], y = kb[j];
                if (x == y) s += va[i++] * vb[j++];
                else if (x < y) i++;
                else j++;
            }
            return s;
        }
    }

    /**
     * One vector held for many dot products ({@link #dot}): its keys in a small open-addressing table, so each
     * product costs one probe per term of the other vector instead of a merge of both (whose unpredictable
     * branches made the story stage's pair scores its largest cost). The products are summed in the other
     * vector's key order, which is the order {@link Vector#cosine} sums them in, so the result is the same to
     * the last bit. Not thread-safe: one per thread.
     */
    static final class Probe {
        private long[] keys = new long[256];
        private float[] weights = new float[256];
        private int[] stamp = new int[256];
        private int current, mask = 255;
        private boolean empty = true;

        /** Holds {@code v} (replacing what was held). */
        void load(Vector v) {
            int n = v.keys().length;
            empty = n == 0;
            if (n * 2 > keys.length) {
                int cap = Integer.highestOneBit(n * 2 - 1) << 1;
                keys = new long[cap];
                weights = new float[cap];
                stamp = new int[cap];
                mask = cap - 1;
                current = 0;
            }
            if (++current == Integer.MAX_VALUE) { Arrays.fill(stamp, 0); current = 1; }
            long[] k = v.keys();
            float[] w = v.weights();
            for (int i = 0; i < n; i++) {
                int slot = slot(k[i]);
                while (stamp[slot] == current) slot = (slot + 1) & mask;
                stamp[slot] = current;
                keys[slot] = k[i];
                weights[slot] = w[i];
            }
        }

        boolean isEmpty() { return empty; }

        private int slot(long key) { return (int) ((key ^ (key >>> 31)) * 0x9E3779B97F4A7C15L >>> 40) & mask; }

        /** The held vector's {@link Vector#cosine} with {@code o}. */
        double dot(Vector o) {
            long[] kb = o.keys();
            float[] vb = o.weights();
            double s = 0;
            for (int j = 0; j < kb.length; j++) {
                long key = kb[j];
                for (int slot = slot(key); stamp[slot] == current; slot = (slot + 1) & mask) {
                    if (keys[slot] == key) { s += weights[slot] * vb[j]; break; }
                }
            }
            return s;
        }

        /**
         * {@link #dot(Vector)} of the vector of {@code n} terms stored in {@code b} from index {@code at}: its keys
         * ({@code long}), then its weights ({@code float}), as {@code StoryGrouper.Profile#encode} writes them. The same
         * products in the same order, so the same result to the last bit, without the arrays.
         */
        double dot(ByteBuffer b, int at, int n) {
            int weightsAt = at + 8 * n;
            double s = 0;
            for (int j = 0; j < n; j++) {
                long key = b.getLong(at + 8 * j);
                for (int slot = slot(key); stamp[slot] == current; slot = (slot + 1) & mask) {
                    if (keys[slot] == key) { s += weights[slot] * b.getFloat(weightsAt + 4 * j); break; }
                }
            }
            return s;
        }
    }

    /**
     * One document's vector from its term counts and the collection's document frequencies: weights
     * {@code (1 + ln tf) * ln((N + 1) / df)}, the {@code maxTerms} heaviest kept (ties by hash), scaled to
     * unit length.
     */
    static Vector vector(long[] keys, float[] counts, LongToIntFunction df, int n, int maxTerms) {
        int m = keys.length;
        for (int i = 1; i < m; i++) if (keys[i - 1] >= keys[i]) throw new IllegalArgumentException("term keys must be distinct "
                + "and ascending");
        float[] w = new float[m];
        for (int i = 0; i < m; i++) w[i] = (float) ((1 + Math.log(counts[i])) * Math.log((n + 1.0) / df.applyAsInt(keys[i])));
        int[] keep = heaviest(w, m, maxTerms);
        Arrays.sort(keep); // back to ascending hash order
        long[] k = new long[keep.length];
        float[] v = new float[keep.length];
        double norm = 0;
        for (int i = 0; i < keep.length; i++) {
            k[i] = keys[keep[i]];
            v[i] = w[keep[i]];
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        if (norm > 0) for (int i = 0; i < v.length; i++) v[i] /= (float) norm;
        return new Vector(k, v);
    }

    /**
     * Indexes of the {@code max} heaviest of the first {@code m} weights, heaviest first; ties go to the
     * smaller index (terms are in ascending hash order, so to the smaller hash).
     */
    static int[] heaviest(float[] w, int m, int max) {
        if (m <= max) {
            int[] all = new int[m];
            for (int i = 0; i < m; i++) all[i] = i;
            return all;
        }
        long[] order = new long[m];
        for (int i = 0; i < m; i++) order[i] = ((long) (Integer.MAX_VALUE - Float.floatToRawIntBits(Math.max(0f, w[i]))) << 32) | i;
        // the max smallest keys, then only those sorted: a full sort of every term was most of a profile's cost
        selectSmallest(order, m, max);
        Arrays.sort(order, 0, max);
        int[] out = new int[max];
        for (int i = 0; i < max; i++) out[i] = (int) order[i];
        return out;
    }

    /**
     * Moves the {@code k} smallest of {@code a[0, n)} (distinct values) to {@code a[0, k)}, in no order: quickselect
     * with a median-of-three pivot, so the same input always gives the same arrangement.
     */
    static void selectSmallest(long[] a, int n, int k) {
        int lo = 0, hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long x = a[lo], y = a[mid], z = a[hi];
            long pivot = x < y ? (y < z ? y : Math.max(x, z)) : (x < z ? x : Math.max(y, z));
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    long t = a[i]; a[i] = a[j]; a[j] = t;
                    i++;
                    j--;
                }
            }
            // [lo, j] <= pivot <= [i, hi]
            if (k - 1 <= j) hi = j;
            else if (k - 1 >= i) lo = i;
            else return;
        }
    }

    /**
     * The {@code topTerms} heaviest terms of a vector whose document frequency is at least 2 and at most
     * {@code maxDf} (ties by hash): the terms that make its candidate pairs.
     */
    static long[] topTerms(Vector v, LongToIntFunction df, int maxDf, int topTerms) {
        long[] k = v.keys();
        float[] w = v.weights();
        long[] usableKeys = new long[k.length];
        float[] usableW = new float[k.length];
        int m = 0;
        for (int i = 0; i < k.length; i++) {
            int f = df.applyAsInt(k[i]);
            if (f >= 2 && f <= maxDf) { usableKeys[m] = k[i]; usableW[m] = w[i]; m++; }
        }
        int[] top = heaviest(usableW, m, topTerms);
        long[] out = new long[top.length];
        for (int i = 0; i < top.length; i++) out[i] = usableKeys[top[i]];
        return out;
    }

    /**
     * The postings of every document's top terms ({@code top[d]}, from {@link #topTerms}), from which each
     * document's candidate partners are read one document at a time: the story stage scores a document's
     * pairs as it finds them and never holds the collection's candidate pairs (a million articles have tens
     * of millions). Two reports of one story share their most telling words; restricting candidates to
     * those keeps the number of pairs near linear in the collection. Other terms still count in
     * {@link Vector#cosine}.
     */
    static final class CandidateIndex {
        private final int n;
        private final int[][] topIds;
        private final int[] start, post;

        /** Builds the index; {@code top}'s rows are released (set to null) as they are read. */
        CandidateIndex(long[][] top) {
            n = top.length;
            int total = 0;
            for (long[] t : top) total += t.length;
            LongIntMap termIds = new LongIntMap(Math.max(16, total / 8)); // far fewer distinct terms than postings; it grows if not
            int terms = 0;
            topIds = new int[n][];
            for (int d = 0; d < n; d++) {
                topIds[d] = new int[top[d].length];
                for (int i = 0; i < top[d].length; i++) {
                    int id = termIds.putIfAbsent(top[d][i], terms);
                    if (id == terms) terms++;
                    topIds[d][i] = id;
                }
                top[d] = null;
            }
            start = new int[terms + 1];
            for (int[] t : topIds) for (int x : t) start[x + 1]++;
            for (int i = 0; i < terms; i++) start[i + 1] += start[i];
            post = new int[start[terms]];
            int[] fill = Arrays.copyOf(start, terms);
            for (int d = 0; d < n; d++) for (int x : topIds[d]) post[fill[x]++] = d;
        }

        int size() { return n; }

        /** Scratch space for {@link #partners}, one per thread. */
        final class Scratch {
            final int[] seen = new int[n], shared = new int[n];
            int[] out = new int[16];
            Scratch() { Arrays.fill(seen, -1); }
        }

        /**
         * The documents {@code o > d} that share at least {@code minShared} top terms with {@code d}, or one
         * top term that at most {@code rareDocs} documents have as a top term, ascending, in {@code s.out};
         * returns how many.
         */
        int partners(int d, int minShared, int rareDocs, Scratch s) { return partners(d, minShared, rareDocs, s, true); }

        /** As {@link #partners(int, int, int, Scratch)}, with the documents before {@code d} too unless {@code after}. */
        int partners(int d, int minShared, int rareDocs, Scratch s, boolean after) {
            int[] seen = s.seen, shared = s.shared;
            int size = 0;
            for (int x : topIds[d]) {
                // a term this rare is specific enough alone: it counts as many shared terms as are needed
                int add = start[x + 1] - start[x] <= rareDocs ? minShared : 1;
                // postings are in document order: only those after d, unless all are wanted
                int from = after ? Arrays.binarySearch(post, start[x], start[x + 1], d + 1) : start[x];
                for (int p = from < 0 ? -from - 1 : from; p < start[x + 1]; p++) {
                    int o = post[p];
                    if (o == d) continue;
                    if (seen[o] != d) { seen[o] = d; shared[o] = 0; }
                    int before = shared[o];
                    shared[o] = before + add;
                    if (before >= minShared || before + add < minShared) continue;
                    if (size == s.out.length) s.out = Arrays.copyOf(s.out, size * 2);
                    s.out[size++] = o;
                }
            }
            Arrays.sort(s.out, 0, size);
            return size;
        }
    }

    /**
     * Every pair {@code (a < b)} of documents that share at least {@code minShared} of their top terms,
     * each once, as {@code a << 32 | b}, sorted (see {@link CandidateIndex}); for tests and small collections.
     */
    static long[] candidatePairs(long[][] top, int minShared) { return candidatePairs(top, minShared, 0); }

    /** As {@link #candidatePairs(long[][], int)}, a shared top term held by at most {@code rareDocs} documents sufficing. */
    static long[] candidatePairs(long[][] top, int minShared, int rareDocs) {
        CandidateIndex index = new CandidateIndex(top);
        CandidateIndex.Scratch s = index.new Scratch();
        long[] pairs = new long[16];
        int k = 0;
        for (int d = 0; d < index.size(); d++) {
            int m = index.partners(d, minShared, rareDocs, s);
            for (int i = 0; i < m; i++) {
                if (k == pairs.length) pairs = Arrays.copyOf(pairs, k * 2);
                pairs[k++] = ((long) d << 32) | s.out[i];
            }
        }
        return Arrays.copyOf(pairs, k);
    }
}
