package org.storytrace.core.fingerprint;

import java.util.Arrays;

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
}
