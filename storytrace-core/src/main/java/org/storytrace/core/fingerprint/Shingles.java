package org.storytrace.core.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.storytrace.core.index.IntBuffer;
import org.storytrace.core.index.LongIntMap;

/** Exact word-shingle sets and their Jaccard similarity: the ground truth MinHash estimates, for measurement. */
public final class Shingles {
    private Shingles() {}

    /** The sorted, distinct hashes of the {@code k}-word shingles of {@code tokens[0, n)}. */
    public static long[] sortedSet(long[] tokens, int n, int k) {
        long[] s = new long[Math.max(0, n - k + 1)];
        for (int i = 0; i < s.length; i++) s[i] = MinHasher.shingleHash(tokens, i, k);
        Arrays.sort(s);
        int d = 0;
        for (int i = 0; i < s.length; i++) if (d == 0 || s[d - 1] != s[i]) s[d++] = s[i];
        return Arrays.copyOf(s, d);
    }

    /** Jaccard similarity of two sorted distinct sets (0 when both are empty). */
    public static double jaccard(long[] a, long[] b) {
        int i = 0, j = 0, inter = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) { inter++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
        }
        int union = a.length + b.length - inter;
        return union == 0 ? 0 : (double) inter / union;
    }

    /**
     * Every pair {@code (i < j)} among the first {@code m} sets whose Jaccard similarity is at least
     * {@code t}, exactly, as {@code i << 32 | j}, ascending. All-pairs with prefix filtering (Bayardo et al.,
     * 2007): with the elements of every set in one global order (ascending hash), two sets that reach
     * {@code t} share an element among the first {@code |x| - ceil(t |x|) + 1} of each, so only pairs
     * sharing a prefix element are compared, and only when their sizes allow {@code t}.
     *
     * @param sets sorted, distinct shingle hashes per document (from {@link #sortedSet})
     */
    public static long[] similarPairs(List<long[]> sets, int m, double t) {
        if (!(t > 0 && t <= 1)) throw new IllegalArgumentException("t must be in (0, 1], was " + t);
        LongIntMap lists = new LongIntMap(1 << 16);
        List<IntBuffer> postings = new ArrayList<>();
        int[] seen = new int[m];
        Arrays.fill(seen, -1);
        long[] out = new long[64];
        int size = 0;
        for (int i = 0; i < m; i++) {
            long[] x = sets.get(i);
            int prefix = x.length - (int) Math.ceil(t * x.length) + 1;
            for (int p = 0; p < Math.min(prefix, x.length); p++) {
                int list = lists.get(x[p], -1);
                if (list < 0) continue;
                IntBuffer docs = postings.get(list);
                for (int q = 0; q < docs.size(); q++) {
                    int j = docs.get(q);
                    if (seen[j] == i) continue;
                    seen[j] = i;
                    long[] y = sets.get(j);
                    int lo = Math.min(x.length, y.length), hi = Math.max(x.length, y.length);
                    if (lo < t * hi) continue; // Jaccard <= lo / hi
                    if (jaccard(x, y) < t) continue;
                    if (size == out.length) out = Arrays.copyOf(out, size * 2);
                    out[size++] = ((long) j << 32) | i;
                }
            }
            for (int p = 0; p < Math.min(prefix, x.length); p++) {
                int list = lists.putIfAbsent(x[p], postings.size());
                if (list == postings.size()) postings.add(new IntBuffer());
                postings.get(list).add(i);
            }
        }
        long[] pairs = Arrays.copyOf(out, size);
        Arrays.sort(pairs);
        return pairs;
    }
}
