package org.storytrace.core.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sparse TF-IDF vectors over hashed terms, and the cosine of every pair of documents that share a usable
 * term, found through an inverted index (pairs sharing nothing are never touched). IDF is
 * {@code ln((N + 1) / df)}, so a term every document has weighs almost nothing even in a small collection.
 */
final class TermVectors {
    private final List<long[]> keys = new ArrayList<>();
    private final List<float[]> vals = new ArrayList<>();

    /** @param counts term counts per document, in document order */
    TermVectors(List<Map<Long, Float>> counts) {
        int n = counts.size();
        Map<Long, Integer> df = new HashMap<>();
        for (Map<Long, Float> c : counts) for (Long k : c.keySet()) df.merge(k, 1, Integer::sum);
        for (Map<Long, Float> c : counts) {
            long[] k = new long[c.size()];
            int i = 0;
            for (Long key : c.keySet()) k[i++] = key;
            Arrays.sort(k);
            float[] v = new float[k.length];
            double norm = 0;
            for (i = 0; i < k.length; i++) {
                v[i] = (float) ((1 + Math.log(c.get(k[i]))) * Math.log((n + 1.0) / df.get(k[i])));
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
            if (norm > 0) for (i = 0; i < v.length; i++) v[i] /= (float) norm;
            keys.add(k);
            vals.add(v);
        }
        this.df = df;
        this.n = n;
    }

    private final Map<Long, Integer> df;
    private final int n;

    boolean isEmpty(int doc) { return keys.get(doc).length == 0; }

    /**
     * Every pair {@code (a < b)} of documents that share one of their {@code topTerms} heaviest terms whose
     * document frequency is at least 2 and at most {@code maxDf}, each once, as {@code a << 32 | b},
     * sorted. Two reports of one story share their most telling words; restricting candidates to those
     * keeps the number of pairs near linear in the collection. Other terms still count in {@link #cosine}.
     */
    long[] candidatePairs(int maxDf, int topTerms) {
        Map<Long, org.storytrace.core.index.IntBuffer> postings = new HashMap<>();
        long[][] top = new long[n][];
        for (int d = 0; d < n; d++) {
            long[] k = keys.get(d);
            float[] v = vals.get(d);
            Integer[] order = new Integer[k.length];
            int m = 0;
            for (int i = 0; i < k.length; i++) {
                int f = df.get(k[i]);
                if (f >= 2 && f <= maxDf) order[m++] = i;
            }
            Integer[] usable = java.util.Arrays.copyOf(order, m);
            java.util.Arrays.sort(usable, (x, y) -> v[y] != v[x] ? Float.compare(v[y], v[x]) : Long.compare(k[x], k[y]));
            top[d] = new long[Math.min(topTerms, usable.length)];
            for (int i = 0; i < top[d].length; i++) {
                top[d][i] = k[usable[i]];
                postings.computeIfAbsent(top[d][i], x -> new org.storytrace.core.index.IntBuffer()).add(d);
            }
        }
        long[] out = new long[1024];
        int size = 0;
        int[] seen = new int[n];
        java.util.Arrays.fill(seen, -1);
        for (int d = 0; d < n; d++) {
            for (long k : top[d]) {
                org.storytrace.core.index.IntBuffer p = postings.get(k);
                if (p == null) continue;
                for (int i = 0; i < p.size(); i++) {
                    int o = p.get(i);
                    if (o <= d || seen[o] == d) continue;
                    seen[o] = d;
                    if (size == out.length) out = java.util.Arrays.copyOf(out, size * 2);
                    out[size++] = ((long) d << 32) | o;
                }
            }
        }
        long[] pairs = java.util.Arrays.copyOf(out, size);
        java.util.Arrays.sort(pairs);
        return pairs;
    }

    /** The cosine of two documents, computed directly. */
    double cosine(int a, int b) {
        long[] ka = keys.get(a), kb = keys.get(b);
        float[] va = vals.get(a), vb = vals.get(b);
        double s = 0;
        int i = 0, j = 0;
        while (i < ka.length && j < kb.length) {
            if (ka[i] == kb[j]) s += va[i++] * vb[j++];
            else if (ka[i] < kb[j]) i++;
            else j++;
        }
        return s;
    }

}
