package org.storytrace.core.index;

import java.nio.file.Path;
import java.util.Arrays;
import org.storytrace.core.fingerprint.MinHasher;

/**
 * Candidates for partial reuse: an inverted index of sampled word shingles ("anchors").
 *
 * <p>Whole-document MinHash finds near-duplicates, but an article that reprints three paragraphs of a
 * longer one has a low Jaccard similarity with it and is missed. Here every shingle whose hash falls in a
 * fixed residue class ({@code hash mod sample == 0}, the "0 mod p" selection of Schleimer et al.) is an
 * anchor; since the selection depends only on the shingle, two texts sharing a passage share its anchors,
 * about one in {@code sample} shingles. Pairs sharing at least {@code minShared} anchors are candidates.
 * Anchors held by more than {@code maxDocFreq} documents are stock phrases and are skipped at query time.
 *
 * <p>Primitive arrays only; not thread-safe for writes.
 */
public final class AnchorIndex {
    private final int shingle;
    private final int sampleMask;
    private final int minShared;
    private final int maxDocFreq;
    private final CompactPostings table;
    private int[] tally = new int[64];
    private int[] tallyStamp = new int[64];
    private int stamp;

    /**
     * @param shingle    words per anchor shingle
     * @param sample     keep one shingle in {@code sample} (a power of two)
     * @param minShared  anchors two documents must share to be candidates
     * @param maxDocFreq anchors in more documents than this are ignored as common phrases
     */
    public AnchorIndex(int shingle, int sample, int minShared, int maxDocFreq) { this(shingle, sample, minShared, maxDocFreq, null); }

    /** As {@link #AnchorIndex(int, int, int, int)}, its postings in memory-mapped files in {@code dir} (null: on the heap). */
    public AnchorIndex(int shingle, int sample, int minShared, int maxDocFreq, Path dir) {
        if (shingle < 1 || shingle > 8) throw new IllegalArgumentException("shingle must be in [1, 8], was " + shingle);
        if (sample < 1 || Integer.bitCount(sample) != 1) throw new IllegalArgumentException("sample must be a power of two, was " + sample);
        if (minShared < 1) throw new IllegalArgumentException("minShared must be >= 1, was " + minShared);
        if (maxDocFreq < 2) throw new IllegalArgumentException("maxDocFreq must be >= 2, was " + maxDocFreq);
        this.shingle = shingle;
        this.sampleMask = sample - 1;
        this.minShared = minShared;
        this.maxDocFreq = maxDocFreq;
        this.table = new CompactPostings(dir);
    }

    /** The distinct anchors of a token sequence, sorted, in a fresh array. Thread-safe. */
    public long[] anchors(long[] tokenHashes, int n) {
        long[] scratch = new long[Math.max(16, (n >> Integer.numberOfTrailingZeros(sampleMask + 1)) * 2 + 16)];
        int m = 0;
        for (int i = 0; i + shingle <= n; i++) {
            long h = MinHasher.shingleHash(tokenHashes, i, shingle);
            if ((h & sampleMask) != 0) continue;
            if (m == scratch.length) scratch = Arrays.copyOf(scratch, m * 2);
            scratch[m++] = h;
        }
        HashSort.sort(scratch, m);
        int d = 0;
        for (int i = 0; i < m; i++) if (d == 0 || scratch[d - 1] != scratch[i]) scratch[d++] = scratch[i];
        return Arrays.copyOf(scratch, d);
    }

    public void add(int doc, long[] anchors) {
        for (long a : anchors) table.add(a, doc);
    }

    /** How many added documents hold {@code anchor}. */
    public int docFreq(long anchor) { return table.count(anchor); }

    /** Whether a shingle hash is an anchor (falls in the sampled residue class). */
    public boolean isAnchor(long shingleHash) { return (shingleHash & sampleMask) == 0; }

    public int shingle() { return shingle; }

    /** Folds recent additions into the compact store (see {@link CompactPostings#compact}). */
    public void compact() { table.compact(); }

    /** Lets go of every posting (see {@link CompactPostings#clear}); frequencies read 0 afterwards. */
    public void clear() { table.clear(); }

    /** Bytes of the memory-mapped postings files (0 on the heap). */
    public long mappedBytes() { return table.mappedBytes(); }

    /** Heap bytes held by the index's arrays. */
    public long memoryBytes() { return table.memoryBytes() + tally.length * 8L; }

    /** Documents sharing at least {@code minShared} usable anchors with {@code anchors}; returns the count. */
    public int query(long[] anchors, int exclude, IntBuffer out) {
        CompactPostings.Keys keys = CompactPostings.keys(anchors);
        IntBuffer hits = new IntBuffer();
        for (int s = 0; s < CompactPostings.SHARDS; s++) collect(keys, s, hits);
        out.clear();
        if (++stamp == Integer.MAX_VALUE) { Arrays.fill(tallyStamp, 0); stamp = 1; }
        for (int i = 0; i < hits.size(); i++) {
            int d = hits.get(i);
            if (d == exclude) continue;
            if (d >= tally.length) {
                int n = Math.max(d + 1, tally.length * 2);
                tally = Arrays.copyOf(tally, n);
                tallyStamp = Arrays.copyOf(tallyStamp, n);
            }
            if (tallyStamp[d] != stamp) { tallyStamp[d] = stamp; tally[d] = 0; }
            if (++tally[d] == minShared) out.add(d);
        }
        return out.size();
    }

    /** Anchors reduced and grouped by shard ({@link CompactPostings#keys}), for the shard-at-a-time methods. Thread-safe. */
    public static CompactPostings.Keys keys(long[] anchors) { return CompactPostings.keys(anchors); }

    /**
     * The documents holding each usable anchor (held by at most {@code maxDocFreq} documents) of {@code anchors}
     * in {@code shard}, a document once per anchor, appended to {@code hits}: a document is a candidate when it
     * appears {@code minShared} times over all shards. Calls on different shards may run at once.
     */
    public void collect(CompactPostings.Keys anchors, int shard, IntBuffer hits) { table.collect(anchors, shard, maxDocFreq, hits); }

    /**
     * As {@link #collect(CompactPostings.Keys, int, IntBuffer)}, and for each anchor held by more than {@code maxDocFreq}
     * documents its {@value #EARLIEST} earliest holders to {@code early}: a passage many articles carry is a stock phrase
     * or a much-copied text, and the earliest holders of a much-copied text are its source and first copies. A document
     * that comes back there for {@link #EARLY_MIN_SHARED} anchors shares a long passage, which no stock phrase is.
     */
    public void collect(CompactPostings.Keys anchors, int shard, IntBuffer hits, IntBuffer early) {
        table.collect(anchors, shard, maxDocFreq, hits, early, EARLIEST);
    }

    /** Earliest holders taken of an anchor held by too many documents. */
    public static final int EARLIEST = 3;
    /**
     * Over-common anchors a document must share with an article to be its candidate that way: about 48 words of one
     * passage at one anchor in 8 shingles, longer than any stock phrase or standard notice.
     */
    public static final int EARLY_MIN_SHARED = 6;

    /** Adds {@code doc} with its anchors in {@code shard}. Calls on different shards may run at once. */
    public void add(int doc, CompactPostings.Keys anchors, int shard) { table.add(anchors, shard, doc); }

    /** Anchors two documents must share to be candidates. */
    public int minShared() { return minShared; }
}
