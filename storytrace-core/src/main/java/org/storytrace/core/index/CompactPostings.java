package org.storytrace.core.index;

import java.util.Arrays;

/**
 * Postings lists keyed by 64-bit hashes in about 6 bytes a posting: the store behind {@link LshIndex} and
 * {@link AnchorIndex}.
 *
 * <p>Each key is reduced to a 32-bit hash. Most postings live in a frozen run sorted by (hash, document):
 * the hash's top 16 bits pick one of 65,536 buckets (an offsets array), the low 16 bits are kept per
 * posting as a {@code short} beside its document number. New postings go to a small open-addressing table;
 * when it holds an eighth as many postings as the run (at least {@value #MIN_MERGE}, at most
 * {@value #MAX_RECENT}), its postings are sorted and merged into the run in one linear pass from the back,
 * in place, so a merge needs no second copy of the run. The run lives in chunks of 2^18 postings that are
 * added as it grows, never copied: a single array grown by copying would need the old and the new array at
 * once (a million articles' anchors are 80 million postings, and that copy was what ran a 2 GB heap out of
 * memory). A look-up binary-searches the bucket and checks the table.
 *
 * <p>Two keys whose 32-bit hashes agree share a posting list: for a look-up among {@code m} distinct keys
 * that happens with probability about {@code m / 2^32}, and costs at most one extra candidate (which
 * alignment then rejects) or a frequency counted too high. Not thread-safe for writes.
 */
public final class CompactPostings {
    static final int MIN_MERGE = 1 << 16;
    /** The recent table costs about 40 bytes a posting: it is merged before it holds more than this. */
    static final int MAX_RECENT = 1 << 20;
    private static final int BUCKETS = 1 << 16;

    // frozen run: rests ascending (unsigned) within each bucket, documents ascending within a hash
    private int[] offsets = new int[BUCKETS + 1];
    private static final int CHUNK_BITS = 18, CHUNK = 1 << CHUNK_BITS, CHUNK_MASK = CHUNK - 1;
    private short[][] rests = new short[0][];
    private int[][] docs = new int[0][];
    private int frozen; // postings in the run; the chunks may hold more
    // recent postings, in insertion order, with an open-addressing table from hash to chain
    private final PostingsTable recent = new PostingsTable();
    private int[] recentHash = new int[1024];
    private int[] recentDoc = new int[1024];
    private int recentSize;

    /** The 32-bit hash the store keeps of a key. */
    static int reduce(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) ((h ^ (h >>> 29)) >>> 32);
    }

    /** Appends {@code doc} to the postings of {@code key}. */
    public void add(long key, int doc) {
        if (doc < 0) throw new IllegalArgumentException("document numbers must be >= 0, was " + doc);
        int h = reduce(key);
        recent.add(h, doc);
        if (recentSize == recentHash.length) {
            recentHash = Arrays.copyOf(recentHash, recentSize * 2);
            recentDoc = Arrays.copyOf(recentDoc, recentSize * 2);
        }
        recentHash[recentSize] = h;
        recentDoc[recentSize++] = doc;
        if (recentSize >= Math.min(MAX_RECENT, Math.max(MIN_MERGE, frozen / 8))) merge();
    }

    /** Calls {@code f} with every document in {@code key}'s postings. */
    public void forEach(long key, java.util.function.IntConsumer f) {
        int h = reduce(key);
        for (int i = first(h), end = offsets[(h >>> 16) + 1]; i < end && rest(i) == (short) h; i++) f.accept(doc(i));
        int slot = recent.find(h);
        if (slot >= 0) for (int p = recent.head(slot); p >= 0; p = recent.next(p)) f.accept(recent.doc(p));
    }

    /** How many postings {@code key} has. */
    public int count(long key) {
        int h = reduce(key);
        int c = 0;
        for (int i = first(h), end = offsets[(h >>> 16) + 1]; i < end && rest(i) == (short) h; i++) c++;
        int slot = recent.find(h);
        return c + (slot < 0 ? 0 : recent.count(slot));
    }

    /** The first index of the frozen run whose rest is not below {@code h}'s, within its bucket. */
    private int first(int h) {
        int b = h >>> 16, r = h & 0xffff;
        int lo = offsets[b], hi = offsets[b + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if ((rest(mid) & 0xffff) < r) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** Lets go of every posting: the store is empty again and its arrays are garbage. */
    public void clear() {
        offsets = new int[BUCKETS + 1];
        rests = new short[0][];
        docs = new int[0][];
        frozen = 0;
        recent.clear();
        recentHash = new int[1024];
        recentDoc = new int[1024];
        recentSize = 0;
    }

    /** Folds the recent postings into the frozen run now (at the end of a bulk load: the table's slack goes). */
    public void compact() { if (recentSize > 0) merge(); }

    /** All postings. */
    public long size() { return frozen + (long) recentSize; }

    /** Heap bytes held. */
    public long memoryBytes() {
        return offsets.length * 4L + docs.length * (long) CHUNK * 6L + recent.memoryBytes() + recentHash.length * 8L;
    }

    private short rest(int i) { return rests[i >>> CHUNK_BITS][i & CHUNK_MASK]; }
    private int doc(int i) { return docs[i >>> CHUNK_BITS][i & CHUNK_MASK]; }

    /** Adds chunks until the run can hold {@code total} postings. */
    private void ensureCapacity(int total) {
        int need = (int) (((long) total + CHUNK - 1) >>> CHUNK_BITS);
        if (need <= docs.length) return;
        int had = docs.length;
        rests = Arrays.copyOf(rests, need);
        docs = Arrays.copyOf(docs, need);
        for (int c = had; c < need; c++) { rests[c] = new short[CHUNK]; docs[c] = new int[CHUNK]; }
    }

    /** (hash, doc) as a long whose signed order is the unsigned order of the hash, then the document. */
    private static long encode(int h, int doc) { return (((h & 0xffffffffL) << 32) | doc) ^ Long.MIN_VALUE; }

    /** Merges the recent postings into the frozen run in one pass from the back, in place. */
    private void merge() {
        long[] fresh = new long[recentSize];
        for (int i = 0; i < recentSize; i++) fresh[i] = encode(recentHash[i], recentDoc[i]);
        Arrays.sort(fresh);
        int old = frozen, total = old + recentSize;
        ensureCapacity(total);
        int[] counts = new int[BUCKETS];
        int i = old - 1, j = fresh.length - 1, b = BUCKETS - 1;
        for (int k = total - 1; k >= 0; k--) {
            while (b > 0 && i >= 0 && i < offsets[b]) b--;
            long run = i >= 0 ? encode((b << 16) | (rest(i) & 0xffff), doc(i)) : Long.MIN_VALUE;
            long next;
            if (j >= 0 && (i < 0 || fresh[j] > run)) next = fresh[j--];
            else { next = run; i--; }
            next ^= Long.MIN_VALUE;
            int h = (int) (next >>> 32);
            rests[k >>> CHUNK_BITS][k & CHUNK_MASK] = (short) h;
            docs[k >>> CHUNK_BITS][k & CHUNK_MASK] = (int) next;
            counts[h >>> 16]++;
        }
        int[] off = offsets;
        off[0] = 0;
        for (int x = 0; x < BUCKETS; x++) off[x + 1] = off[x] + counts[x];
        frozen = total;
        recent.clear();
        recentSize = 0;
        recentHash = new int[1024];
        recentDoc = new int[1024];
    }
}
