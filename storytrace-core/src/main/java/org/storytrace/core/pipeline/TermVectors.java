package org.storytrace.core.pipeline;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.storytrace.core.index.LongIntMap;

/**
 * Sparse TF-IDF vectors over hashed terms, and the cosine of every pair of documents that share a usable
 * term, found through an inverted index (pairs sharing nothing are never touched). IDF is
 * {@code ln((N + 1) / df)}, so a term every document has weighs almost nothing even in a small collection.
 *
 * <p>Terms are numbered densely in order of first appearance (documents in order), so every structure is
 * a primitive array and the result does not depend on how many threads built it.
 */
final class TermVectors {
    private final int n;
    private final int[] df;
    private final int[][] ids;
    private final float[][] vals;
    private final boolean parallel;

    /**
     * @param keys   per document, its distinct term hashes
     * @param counts per document, the (weighted) count of each term, parallel to {@code keys}
     */
    TermVectors(long[][] keys, float[][] counts, boolean parallel) { this(keys, counts, parallel, Integer.MAX_VALUE); }

    /** @param maxTerms each vector keeps its {@code maxTerms} heaviest terms (ties by term number), renormalised */
    TermVectors(long[][] keys, float[][] counts, boolean parallel, int maxTerms) {
        this.n = keys.length;
        this.parallel = parallel;
        LongIntMap dict = new LongIntMap(Math.max(16, n * 8));
        int[] freq = new int[1024];
        int terms = 0;
        for (long[] k : keys) {
            for (long h : k) {
                int id = dict.putIfAbsent(h, terms);
                if (id == terms) {
                    terms++;
                    if (terms > freq.length) freq = Arrays.copyOf(freq, freq.length * 2);
                }
                freq[id]++;
            }
        }
        this.df = freq;
        this.ids = new int[n][];
        this.vals = new float[n][];
        range(n).forEach(d -> {
            long[] k = keys[d];
            float[] c = counts[d];
            long[] packed = new long[k.length];
            for (int i = 0; i < k.length; i++) packed[i] = ((long) dict.get(k[i], -1) << 32) | Float.floatToRawIntBits(c[i]);
            Arrays.sort(packed);
            int[] id = new int[k.length];
            float[] v = new float[k.length];
            double norm = 0;
            for (int i = 0; i < k.length; i++) {
                id[i] = (int) (packed[i] >>> 32);
                float count = Float.intBitsToFloat((int) packed[i]);
                v[i] = (float) ((1 + Math.log(count)) * Math.log((n + 1.0) / df[id[i]]));
                norm += v[i] * v[i];
            }
            if (id.length > maxTerms) {
                long[] order = new long[id.length];
                for (int i = 0; i < id.length; i++) order[i] = ((long) (Integer.MAX_VALUE - Float.floatToRawIntBits(v[i])) << 32) | i;
                Arrays.sort(order);
                int[] keepIdx = new int[maxTerms];
                for (int i = 0; i < maxTerms; i++) keepIdx[i] = (int) order[i];
                Arrays.sort(keepIdx);
                int[] id2 = new int[maxTerms];
                float[] v2 = new float[maxTerms];
                norm = 0;
                for (int i = 0; i < maxTerms; i++) { id2[i] = id[keepIdx[i]]; v2[i] = v[keepIdx[i]]; norm += v2[i] * v2[i]; }
                id = id2;
                v = v2;
            }
            norm = Math.sqrt(norm);
            if (norm > 0) for (int i = 0; i < v.length; i++) v[i] /= (float) norm;
            ids[d] = id;
            vals[d] = v;
        });
    }

    private IntStream range(int to) {
        IntStream s = IntStream.range(0, to);
        return parallel && to > 256 ? s.parallel() : s;
    }

    boolean isEmpty(int doc) { return ids[doc].length == 0; }

    /**
     * Every pair {@code (a < b)} of documents that share one of their {@code topTerms} heaviest terms whose
     * document frequency is at least 2 and at most {@code maxDf}, each once, as {@code a << 32 | b},
     * sorted. Two reports of one story share their most telling words; restricting candidates to those
     * keeps the number of pairs near linear in the collection. Other terms still count in {@link #cosine}.
     */
    long[] candidatePairs(int maxDf, int topTerms, int minShared) {
        int[][] top = new int[n][];
        range(n).forEach(d -> {
            int[] id = ids[d];
            float[] v = vals[d];
            // heaviest first, ties by term number: sort (weight desc, id asc) packed into longs
            long[] order = new long[id.length];
            int m = 0;
            for (int i = 0; i < id.length; i++) {
                int f = df[id[i]];
                if (f >= 2 && f <= maxDf) order[m++] = ((long) (Integer.MAX_VALUE - Float.floatToRawIntBits(v[i])) << 32) | id[i];
            }
            Arrays.sort(order, 0, m);
            int[] t = new int[Math.min(topTerms, m)];
            for (int i = 0; i < t.length; i++) t[i] = (int) order[i];
            top[d] = t;
        });
        // postings of the top terms, documents ascending (counting sort by term)
        int terms = df.length;
        int[] start = new int[terms + 1];
        for (int[] t : top) for (int x : t) start[x + 1]++;
        for (int i = 0; i < terms; i++) start[i + 1] += start[i];
        int[] post = new int[start[terms]], fill = Arrays.copyOf(start, terms);
        for (int d = 0; d < n; d++) for (int x : top[d]) post[fill[x]++] = d;
        long[][] perDoc = new long[n][];
        ThreadLocal<int[][]> seenOf = ThreadLocal.withInitial(() -> { int[] s = new int[n]; Arrays.fill(s, -1); return new int[][] {s, new int[n]}; });
        range(n).forEach(d -> {
            int[][] st = seenOf.get();
            int[] seen = st[0], shared = st[1];
            long[] out = new long[16];
            int size = 0;
            for (int x : top[d]) {
                for (int p = start[x]; p < start[x + 1]; p++) {
                    int o = post[p];
                    if (o <= d) continue;
                    if (seen[o] != d) { seen[o] = d; shared[o] = 0; }
                    if (++shared[o] != minShared) continue;
                    if (size == out.length) out = Arrays.copyOf(out, size * 2);
                    out[size++] = ((long) d << 32) | o;
                }
            }
            long[] mine = Arrays.copyOf(out, size);
            Arrays.sort(mine);
            perDoc[d] = mine;
        });
        int total = 0;
        for (long[] p : perDoc) total += p.length;
        long[] pairs = new long[total];
        int k = 0;
        for (long[] p : perDoc) { System.arraycopy(p, 0, pairs, k, p.length); k += p.length; }
        return pairs;
    }

    /** The cosine of two documents, computed directly. */
    double cosine(int a, int b) {
        int[] ka = ids[a], kb = ids[b];
        float[] va = vals[a], vb = vals[b];
        double s = 0;
        int i = 0, j = 0;
        while (i < ka.length && j < kb.length) {
            int x = ka[i], y = kb[j];
            if (x == y) s += va[i++] * vb[j++];
            else if (x < y) i++;
            else j++;
        }
        return s;
    }
}
