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
     * Cosines of all pairs {@code (a < b)} sharing a term whose document frequency is at least 2 and at
     * most {@code maxDf}, keyed by {@code a << 32 | b}.
     */
    Map<Long, Double> cosines(int maxDf) {
        Map<Long, List<Integer>> postings = new HashMap<>();
        for (int d = 0; d < n; d++) {
            for (long k : keys.get(d)) {
                int f = df.get(k);
                if (f >= 2 && f <= maxDf) postings.computeIfAbsent(k, x -> new ArrayList<>()).add(d);
            }
        }
        Map<Long, Double> out = new HashMap<>();
        double[] acc = new double[n];
        int[] touched = new int[n];
        for (int d = 0; d < n; d++) {
            long[] k = keys.get(d);
            float[] v = vals.get(d);
            int nt = 0;
            for (int i = 0; i < k.length; i++) {
                List<Integer> p = postings.get(k[i]);
                if (p == null) continue;
                for (int o : p) {
                    if (o <= d) continue;
                    if (acc[o] == 0) touched[nt++] = o;
                    acc[o] += v[i] * weight(o, k[i]);
                }
            }
            for (int t = 0; t < nt; t++) {
                int o = touched[t];
                out.put(((long) d << 32) | o, acc[o]);
                acc[o] = 0;
            }
        }
        return out;
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

    private float weight(int doc, long key) {
        int i = Arrays.binarySearch(keys.get(doc), key);
        return i < 0 ? 0 : vals.get(doc)[i];
    }
}
