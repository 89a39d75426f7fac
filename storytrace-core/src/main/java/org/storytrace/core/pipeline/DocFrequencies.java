package org.storytrace.core.pipeline;

import java.util.stream.IntStream;
import org.storytrace.core.index.HashSort;
import org.storytrace.core.index.LongIntMap;

/**
 * Document frequencies of the three kinds of story terms (words, name keys, headline words), counted one
 * item at a time as items arrive, so the story stage needs nothing but these counts and each item's own
 * terms to build its profile. 24 to 48 bytes a distinct term. Not thread-safe: add from one thread.
 */
public final class DocFrequencies {
    /**
     * The counts are split by term into this many shards, so a batch of items is counted on several threads at
     * once ({@link #addAll}): at a million articles this serial count was a tenth of the linking thread's work.
     */
    private static final int SHARDS = 4;
    private final Counts[] words = counts(), names = counts(), heads = counts();
    private int items;

    private static Counts[] counts() {
        Counts[] c = new Counts[SHARDS];
        for (int i = 0; i < SHARDS; i++) c[i] = new Counts();
        return c;
    }

    /** A term's shard: the top bits of its hash in unsigned order, so the shards are ranges of the terms sorted. */
    private static int shard(long term) { return (int) ((term ^ Long.MIN_VALUE) >>> 62); }

    /** Counts one item's terms (each key once: the keys of {@link StoryGrouper.Terms} are distinct). */
    public void add(StoryGrouper.Terms t) {
        for (int s = 0; s < SHARDS; s++) addShard(t, s);
        items++;
    }

    /**
     * Counts a batch of items on several threads when {@code parallel}: the same counts as adding them one by
     * one. Each kind's terms of the whole batch are sorted first (shards are ranges of that order), so a term the
     * batch holds in many items updates its map once: the maps are far larger than the caches, and a random update
     * costs a miss.
     */
    public void addAll(StoryGrouper.Terms[] batch, boolean parallel) {
        long[][] sorted = new long[3][];
        range(3, parallel).forEach(kind -> {
            int n = 0;
            for (StoryGrouper.Terms t : batch) n += keysOf(t, kind).length;
            long[] all = new long[n];
            n = 0;
            for (StoryGrouper.Terms t : batch) {
                long[] k = keysOf(t, kind);
                System.arraycopy(k, 0, all, n, k.length);
                n += k.length;
            }
            HashSort.sort(all, n);
            sorted[kind] = all;
        });
        range(3 * SHARDS, parallel).forEach(task -> {
            int kind = task / SHARDS, s = task % SHARDS;
            long[] all = sorted[kind];
            Counts c = (kind == 0 ? words : kind == 1 ? names : heads)[s];
            int i = firstOfShard(all, s), end = firstOfShard(all, s + 1);
            while (i < end) {
                int j = i + 1;
                while (j < end && all[j] == all[i]) j++;
                c.add(all[i], j - i);
                i = j;
            }
        });
        items += batch.length;
    }

    private static IntStream range(int n, boolean parallel) {
        IntStream r = IntStream.range(0, n);
        return parallel ? r.parallel() : r;
    }

    /** The first index of a sorted array whose term falls in shard {@code s} or a later one. */
    private static int firstOfShard(long[] sorted, int s) {
        if (s >= SHARDS) return sorted.length;
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (shard(sorted[mid]) < s) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static long[] keysOf(StoryGrouper.Terms t, int kind) { return kind == 0 ? t.words() : kind == 1 ? t.names() : t.heads(); }

    private void addShard(StoryGrouper.Terms t, int s) {
        words[s].add(t.words(), s);
        names[s].add(t.names(), s);
        heads[s].add(t.heads(), s);
    }

    public int items() { return items; }
    public int words(long term) { return words[shard(term)].df(term); }
    public int names(long term) { return names[shard(term)].df(term); }
    public int heads(long term) { return heads[shard(term)].df(term); }

    /** Heap bytes held (the maps' arrays). */
    public long memoryBytes() {
        long b = 0;
        for (int s = 0; s < SHARDS; s++) b += words[s].bytes() + names[s].bytes() + heads[s].bytes();
        return b;
    }

    /**
     * A shard's counts, each the value of its term in the map (one probe a look-up). Why (session 29): the story stage
     * looks up the frequency of every term of every article's profile (about 200 an article), in a map far larger than
     * the caches, and the map of term numbers into a counts array it replaced cost a second dependent miss a look-up.
     */
    private static final class Counts {
        private final LongIntMap counts = new LongIntMap(256);

        /** Counts the keys that fall in shard {@code s}. */
        void add(long[] keys, int s) {
            for (long h : keys) if (shard(h) == s) counts.addTo(h, 1);
        }

        /** Adds {@code count} items to {@code term}'s frequency. */
        void add(long term, int count) { counts.addTo(term, count); }

        int df(long term) { return counts.get(term, 0); }

        long bytes() { return counts.memoryBytes(); }
    }
}
