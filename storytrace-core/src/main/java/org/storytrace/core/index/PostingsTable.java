package org.storytrace.core.index;

import java.util.Arrays;

/**
 * Postings lists keyed by 64-bit hashes, in primitive arrays: an open-addressing table (linear probing)
 * from key to the head of a chain of postings, the chains in two parallel int arrays (newest first), and a
 * count of postings per key. The shared store behind {@link LshIndex} and {@link AnchorIndex}.
 * Not thread-safe.
 */
final class PostingsTable {
    private long[] keys = new long[1 << 12];
    private int[] heads = new int[1 << 12];
    private int[] counts = new int[1 << 12];
    private int used;
    private int[] postDoc = new int[1024];
    private int[] postNext = new int[1024];
    private int postings;

    /** Appends {@code doc} to the postings of {@code key}. */
    void add(long key, int doc) {
        int slot = slot(key, true);
        if (postings == postDoc.length) {
            postDoc = Arrays.copyOf(postDoc, postings * 2);
            postNext = Arrays.copyOf(postNext, postings * 2);
        }
        postDoc[postings] = doc;
        postNext[postings] = heads[slot];
        heads[slot] = postings++;
        counts[slot]++;
    }

    /** The slot of {@code key}, or -1 when it has no postings. */
    int find(long key) { return slot(key, false); }

    /** First posting of a slot from {@link #find}; follow with {@link #next} until it is negative. */
    int head(int slot) { return heads[slot]; }
    int next(int posting) { return postNext[posting]; }
    int doc(int posting) { return postDoc[posting]; }
    int count(int slot) { return counts[slot]; }

    /** Empties the table, back to its initial size. */
    void clear() {
        keys = new long[1 << 12];
        heads = new int[1 << 12];
        counts = new int[1 << 12];
        used = 0;
        postDoc = new int[1024];
        postNext = new int[1024];
        postings = 0;
    }

    long memoryBytes() {
        return (long) keys.length * 8 + (long) heads.length * 4 + (long) counts.length * 4 + (long) postDoc.length * 8;
    }

    private int slot(long key, boolean insert) {
        if (key == 0) key = 1; // 0 marks an empty slot
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) return i;
            if (k == 0) {
                if (!insert) return -1;
                if ((used + 1) * 2 > keys.length) { grow(); return slot(key, true); }
                keys[i] = key;
                heads[i] = -1;
                counts[i] = 0;
                used++;
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] ok = keys;
        int[] oh = heads, oc = counts;
        keys = new long[ok.length * 2];
        heads = new int[ok.length * 2];
        counts = new int[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] == 0) continue;
            int i = (int) (ok[j] ^ (ok[j] >>> 32)) & mask;
            while (keys[i] != 0) i = (i + 1) & mask;
            keys[i] = ok[j];
            heads[i] = oh[j];
            counts[i] = oc[j];
        }
    }
}
