package org.storytrace.core.index;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Locality-sensitive hashing over MinHash signatures: each signature is cut into {@code bands} bands of
 * {@code rows} slots, and two documents become candidates when any band hashes alike. The probability of
 * that is {@code 1 - (1 - s^rows)^bands} for Jaccard similarity {@code s}, an S-curve whose midpoint is
 * near {@code (1/bands)^(1/rows)}.
 *
 * <p>Stored in a {@link CompactPostings}: about {@code bands * 6} bytes per document. Documents are
 * numbered by the caller, densely from 0. Not thread-safe for writes; reads after writes need external
 * synchronisation.
 */
public final class LshIndex {
    private final int bands;
    private final int rows;
    private final CompactPostings table;
    private int[] seen = new int[64];
    private int stamp;

    public LshIndex(int bands, int rows) { this(bands, rows, null); }

    /** As {@link #LshIndex(int, int)}, its postings in memory-mapped files in {@code dir} (null: on the heap). */
    public LshIndex(int bands, int rows, Path dir) {
        if (bands < 1) throw new IllegalArgumentException("bands must be >= 1, was " + bands);
        if (rows < 1) throw new IllegalArgumentException("rows must be >= 1, was " + rows);
        this.bands = bands;
        this.rows = rows;
        this.table = new CompactPostings(dir);
    }

    public int bands() { return bands; }
    public int rows() { return rows; }

    /** The similarity at which a pair has an even chance of becoming a candidate. */
    public double threshold() { return Math.pow(1.0 / bands, 1.0 / rows); }

    /** The key of one band of a signature: documents sharing a key are candidates. */
    public long bandKey(int[] sig, int band) {
        long h = 0x9e3779b97f4a7c15L * (band + 1);
        int off = band * rows;
        for (int r = 0; r < rows; r++) h = (h ^ (sig[off + r] & 0xffffffffL)) * 0x100000001b3L + 0x632be59bd9b4e019L;
        h ^= h >>> 31;
        h *= 0x7fb5d329728ea185L;
        h ^= h >>> 27;
        return h == 0 ? 1 : h;
    }

    private void checkSignature(int[] sig) {
        if (sig.length < bands * rows) {
            throw new IllegalArgumentException("signature has " + sig.length + " slots, the index needs " + bands * rows);
        }
    }

    /** Adds document {@code doc} with its signature. */
    public void add(int doc, int[] sig) {
        checkSignature(sig);
        for (int b = 0; b < bands; b++) table.add(bandKey(sig, b), doc);
    }

    /** The band keys of a signature, grouped by shard for the shard-at-a-time methods. Thread-safe. */
    public CompactPostings.Keys keys(int[] sig) {
        checkSignature(sig);
        long[] k = new long[bands];
        for (int b = 0; b < bands; b++) k[b] = bandKey(sig, b);
        return CompactPostings.keys(k);
    }

    /**
     * The documents sharing each band of {@code bandKeys} in {@code shard}, appended to {@code hits} (a document
     * once per band it shares). Calls on different shards may run at once.
     */
    public void collect(CompactPostings.Keys bandKeys, int shard, IntBuffer hits) { table.collect(bandKeys, shard, Integer.MAX_VALUE,
            hits); }

    /** Adds {@code doc} with its band keys in {@code shard}. Calls on different shards may run at once. */
    public void add(int doc, CompactPostings.Keys bandKeys, int shard) { table.add(bandKeys, shard, doc); }

    /**
     * The documents sharing at least one band with {@code sig}, each once, in no fixed order, written into
     * {@code out} (grown as needed); returns the count. Documents listed in {@code exclude} are skipped.
     */
    public int query(int[] sig, int exclude, IntBuffer out) {
        CompactPostings.Keys keys = keys(sig);
        IntBuffer hits = new IntBuffer();
        for (int s = 0; s < CompactPostings.SHARDS; s++) collect(keys, s, hits);
        out.clear();
        if (++stamp == Integer.MAX_VALUE) { Arrays.fill(seen, 0); stamp = 1; }
        for (int i = 0; i < hits.size(); i++) {
            int d = hits.get(i);
            if (d == exclude) continue;
            if (d >= seen.length) seen = Arrays.copyOf(seen, Math.max(d + 1, seen.length * 2));
            if (seen[d] == stamp) continue;
            seen[d] = stamp;
            out.add(d);
        }
        return out.size();
    }

    /** Folds recent additions into the compact store (see {@link CompactPostings#compact}). */
    public void compact() { table.compact(); }

    /** Lets go of every posting (see {@link CompactPostings#clear}). */
    public void clear() { table.clear(); }

    /** Bytes of the memory-mapped postings files (0 on the heap). */
    public long mappedBytes() { return table.mappedBytes(); }

    /** Heap bytes held by the index's arrays. */
    public long memoryBytes() {
        return table.memoryBytes() + seen.length * 4L;
    }
}
