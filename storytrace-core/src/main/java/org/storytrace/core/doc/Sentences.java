package org.storytrace.core.doc;

import java.io.Serializable;

/**
 * The sentences of an article's body: sentence {@code i} covers characters {@code [starts[i], ends[i])}
 * of the article's text and tokens {@code [firstToken[i], endToken[i])} of its {@link TokenLayer}.
 * Sentences are in text order, never overlap, and every token belongs to exactly one of them. The arrays
 * are not copied: treat them as read-only.
 */
public record Sentences(int[] starts, int[] ends, int[] firstToken, int[] endToken) implements Serializable {
    public Sentences {
        int n = starts.length;
        if (ends.length != n || firstToken.length != n
                || endToken.length != n) throw new IllegalArgumentException("sentence arrays differ in length");
        for (int i = 0; i < n; i++) {
            if (ends[i] <= starts[i]) throw new IllegalArgumentException("sentence " + i + " is empty: [" + starts[i] + ", " + ends[i]
                    + ")");
            if (i > 0 && starts[i] < ends[i - 1]) throw new IllegalArgumentException("sentence " + i + " overlaps the one before");
        }
    }

    public int size() { return starts.length; }

    /** The sentence holding character {@code offset}, or -1 when it falls between sentences. */
    public int at(int offset) {
        int lo = 0, hi = starts.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= offset) lo = mid + 1;
            else if (starts[mid] > offset) hi = mid - 1;
            else return mid;
        }
        return -1;
    }
}
