package org.storytrace.core.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.storytrace.core.index.disk.PostingsFile;

/**
 * Postings lists keyed by 64-bit hashes in about 6 bytes a posting, in {@value #SHARDS} independent shards:
 * the store behind {@link LshIndex} and {@link AnchorIndex}.
 *
 * <p>Each key is reduced to a 64-bit hash whose top {@value #SHARD_BITS} bits pick its shard, the next 18 its
 * bucket and the 14 after those its <em>rest</em>: 35 bits say which key a posting belongs to. Within a shard,
 * most postings live in a frozen run sorted by (bucket, rest, document): an offsets array finds the bucket
 * (a few dozen postings at a million articles, one or two cache lines), and each posting keeps only its rest
 * (a {@code short}) and its document (an {@code int}). New postings go to a small open-addressing table
 * (about 28 bytes a posting); when it holds an eighth as many postings as the run (within
 * [{@value #MIN_MERGE}, {@value #MAX_RECENT}] a shard), they are radix-sorted and merged into the run from the
 * back, in place, bucket by bucket. The run lives in chunks of 2^16 postings added as it grows and never copied
 * whole: a single array grown by copying would need the old and the new array at once (a million articles'
 * anchors are 75 million postings). Documents are added in ascending order (the order articles arrive). On disk,
 * where the recent tables stay small, a shard has a second, young run between them and the old one (see
 * {@code Shard}), so that no merge rewrites the whole index every few thousand articles.
 *
 * <p>Why shards (session 9): a million articles make about 110 million postings, and the linker must look up
 * and add each article's keys in arrival order. With one run the look-ups binary-searched buckets of about a
 * thousand postings, and every merge rewrote the whole run (a million postings added, 75 million moved); that
 * serial work was a third of {@code analyze}'s CPU time at a million articles and kept one core waiting.
 * Eight shards have eight times the buckets (a look-up reads a few cache lines), merge an eighth of the run at
 * a time, and let a batch of articles be looked up and added one shard per thread with exactly the result of
 * doing it one article at a time ({@code Linker.addAll}).
 *
 * <p>Two keys whose reduced hashes agree in their 35 bits share a posting list: for a look-up among {@code m}
 * distinct keys that happens with probability about {@code m / 2^35}, and costs at most one extra candidate
 * (which alignment then rejects) or a frequency counted too high.
 *
 * <p>Not thread-safe, except that calls naming different shards ({@link #collect(Keys, int, int, IntBuffer)},
 * {@link #add(Keys, int, int)}) may run at once on different threads.
 */
public final class CompactPostings implements AutoCloseable {
    public static final int SHARD_BITS = 3, SHARDS = 1 << SHARD_BITS;
    /** A shard's buckets: the top bits of a key's 32 bits after the shard's; the rest of them is kept per posting. */
    private static final int BUCKET_BITS = 18, BUCKETS = 1 << BUCKET_BITS, REST_BITS = 32 - BUCKET_BITS, REST_MASK = (1 << REST_BITS) - 1;
    /** Recent postings a shard keeps at least (unless finished) and at most before it merges them into its run. */
    static final int MIN_MERGE = 1 << 13, MAX_RECENT = 1 << 19;
    /**
     * The same bound for a store on disk, whose point is a small heap: the recent tables (about 28 bytes a posting) are
     * then most of what it holds, 2^19 postings a shard being ~224 bytes an article at a million. At 2^17 they are ~56
     * (bench --scale at 1M: the engine's heap 318 -> 148 bytes an article) for more, smaller merges; on the heap the
     * same change read a million articles 5,700/s instead of 7,400/s, so the heap keeps 2^19.
     */
    static final int MAX_RECENT_ON_DISK = 1 << 17;
    private static final int CHUNK_BITS = 16, CHUNK = 1 << CHUNK_BITS, CHUNK_MASK = CHUNK - 1;

    private final Shard[] shards = new Shard[SHARDS];
    /** Where the frozen runs live: null on the heap, else a folder of memory-mapped files (one a shard). */
    private final Path dir;

    /** Postings held on the heap. */
    public CompactPostings() { this(null); }

    /**
     * Postings whose frozen runs live in memory-mapped files in {@code dir} (created if missing; null: on the
     * heap). The heap then holds only each shard's bucket offsets and recent table (at most
     * {@value #MAX_RECENT_ON_DISK} postings, about 4 MB a shard, whatever the collection's size); the operating
     * system keeps the runs in its page cache as memory allows, so an index larger than the heap, or than memory,
     * still works. The files are scratch: they are deleted when the store
     * is cleared or closed, and never read back by a later run.
     */
    public CompactPostings(Path dir) {
        this.dir = dir;
        if (dir != null) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the index folder " + dir + ": " + e.getMessage(), e);
            }
        }
        for (int s = 0; s < SHARDS; s++) shards[s] = newShard(s);
    }

    private Shard newShard(int s) {
        return dir == null ? new Shard(new HeapRun(), null, MAX_RECENT)
                : new Shard(new MappedRun(dir.resolve("postings-" + s + ".bin")), new MappedRun(dir.resolve("young-" + s + ".bin")),
                        MAX_RECENT_ON_DISK);
    }

    /** The 64-bit hash the store keeps 35 bits of; its top bits are the shard. */
    static long reduce(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 32);
    }

    private static int shardOf(long reduced) { return (int) (reduced >>> (64 - SHARD_BITS)); }

    /** The 32 bits after the shard bits: bucket (high 16) and rest (low 16). */
    private static int ident(long reduced) { return (int) (reduced >>> (32 - SHARD_BITS)); }

    /**
     * Keys reduced and grouped by shard, for the shard-at-a-time methods: shard {@code s}'s keys are
     * {@code idents[start[s] .. start[s + 1])}, in the order they were given.
     */
    public record Keys(int[] idents, int[] start) {
        public int size() { return idents.length; }
    }

    /** {@code keys} reduced and grouped by shard. Thread-safe. */
    public static Keys keys(long[] keys) {
        int n = keys.length;
        byte[] shard = new byte[n];
        int[] idents = new int[n], start = new int[SHARDS + 1];
        for (int i = 0; i < n; i++) {
            long r = reduce(keys[i]);
            shard[i] = (byte) shardOf(r);
            start[shard[i] + 1]++;
        }
        for (int s = 0; s < SHARDS; s++) start[s + 1] += start[s];
        int[] fill = Arrays.copyOf(start, SHARDS);
        for (int i = 0; i < n; i++) idents[fill[shard[i]]++] = ident(reduce(keys[i]));
        return new Keys(idents, start);
    }

    /** Appends {@code doc} to the postings of {@code key}. */
    public void add(long key, int doc) {
        checkDoc(doc);
        long r = reduce(key);
        shards[shardOf(r)].add(ident(r), doc);
    }

    /** Appends {@code doc} to the postings of each of {@code keys} that falls in {@code shard}. */
    public void add(Keys keys, int shard, int doc) {
        checkDoc(doc);
        Shard s = shards[shard];
        for (int i = keys.start[shard]; i < keys.start[shard + 1]; i++) s.add(keys.idents[i], doc);
    }

    private static void checkDoc(int doc) {
        if (doc < 0) throw new IllegalArgumentException("document numbers must be >= 0, was " + doc);
    }

    /** Calls {@code f} with every document in {@code key}'s postings. */
    public void forEach(long key, IntConsumer f) {
        long r = reduce(key);
        IntBuffer out = new IntBuffer();
        shards[shardOf(r)].collect(ident(r), Integer.MAX_VALUE, out);
        for (int i = 0; i < out.size(); i++) f.accept(out.get(i));
    }

    /** How many postings {@code key} has. */
    public int count(long key) {
        long r = reduce(key);
        return shards[shardOf(r)].count(ident(r));
    }

    /**
     * For each of {@code keys} in {@code shard} that has at most {@code max} postings, appends its documents
     * to {@code out} (a document once per key it shares).
     */
    public void collect(Keys keys, int shard, int max, IntBuffer out) { collect(keys, shard, max, out, null, 0); }

    /**
     * As {@link #collect(Keys, int, int, IntBuffer)}; each key with more than {@code max} postings appends its {@code k}
     * earliest documents to {@code early} instead (when not null).
     */
    public void collect(Keys keys, int shard, int max, IntBuffer out, IntBuffer early, int k) {
        Shard s = shards[shard];
        for (int i = keys.start[shard]; i < keys.start[shard + 1]; i++) s.collect(keys.idents[i], max, out, early, k);
    }

    /** Lets go of every posting: the store is empty again, its arrays are garbage and its files are deleted. */
    public void clear() {
        for (int s = 0; s < SHARDS; s++) {
            shards[s].close();
            shards[s] = newShard(s);
        }
    }

    /** Lets go of every posting and deletes the files; the store must not be used afterwards. */
    @Override public void close() {
        for (Shard s : shards) s.close();
    }

    /** Folds the recent postings into the frozen runs now (at the end of a bulk load: the tables' slack goes). */
    public void compact() {
        for (Shard s : shards) if (s.recent > 0) s.merge();
    }

    /** All postings. */
    public long size() {
        long n = 0;
        for (Shard s : shards) n += s.frozen() + s.recent;
        return n;
    }

    /** Heap bytes held. */
    public long memoryBytes() {
        long b = 0;
        for (Shard s : shards) b += s.memoryBytes();
        return b;
    }

    /** Bytes of the memory-mapped files (0 on the heap). */
    public long mappedBytes() {
        long b = 0;
        for (Shard s : shards) b += s.mappedBytes();
        return b;
    }

    /**
     * Frozen postings sorted by (bucket, rest, document) in a run, and the offsets of its buckets: one level of a
     * shard.
     */
    private static final class Level {
        final Run run;
        int[] offsets; // null until the first merge
        int size;

        Level(Run run) { this.run = run; }

        long memoryBytes() { return (offsets == null ? 0 : offsets.length * 4L) + run.heapBytes(); }

        /** The first index of the run whose rest is not below {@code ident}'s, within its bucket. */
        int first(int ident) {
            int b = ident >>> REST_BITS;
            return firstAtLeast(run, offsets[b], offsets[b + 1], ident & REST_MASK);
        }

        /** The end of the run's postings of {@code ident}, which start at {@code from}. */
        int end(int ident, int from) {
            int end = offsets[(ident >>> REST_BITS) + 1];
            short r = (short) (ident & REST_MASK);
            int i = from;
            while (i < end && run.rest(i) == r) i++;
            return i;
        }

        /** Empties the level; its run keeps the space it has. */
        void clear() {
            if (offsets != null) Arrays.fill(offsets, 0);
            size = 0;
        }
    }

    /** Rests in ascending order over a range of indexes: what {@link #firstAtLeast} reads. */
    interface Rests {
        short rest(int i);
    }

    /**
     * The first index of {@code [lo, hi)} whose rest is not below {@code r} ({@code hi} when none), the rests there being
     * ascending: what a binary search gives, found with fewer reads. A bucket's rests are hash bits, spread evenly over
     * {@code [0, 2^REST_BITS)}, so the search starts where {@code r} would lie and gallops from there (steps of 1, 2, 4,
     * ... toward the answer, then a binary search in the last step): a read or two of one cache line for most look-ups,
     * where a binary search made ~6 dependent reads at a million articles (buckets of ~50 postings) and ~9 at ten million,
     * and was 13% of a million-article run's samples (JFR, session 23). A key with thousands of postings makes a long run of
     * equal rests; galloping crosses it in logarithmic steps. Small ranges are scanned.
     */
    static int firstAtLeast(Rests run, int lo, int hi, int r) {
        int n = hi - lo;
        if (n <= 8) {
            while (lo < hi && run.rest(lo) < r) lo++;
            return lo;
        }
        int guess = lo + (int) (((long) r * n) >>> REST_BITS);
        // the answer lies in (below, atLeast]: rest(below) < r or below == lo - 1; rest(atLeast) >= r or atLeast == hi
        int below, atLeast;
        if (run.rest(guess) < r) {
            below = guess;
            atLeast = guess + 1;
            for (int step = 1; atLeast < hi && run.rest(atLeast) < r; ) {
                below = atLeast;
                step <<= 1;
                atLeast = (int) Math.min(hi, (long) below + step);
            }
        } else {
            atLeast = guess;
            below = guess - 1;
            for (int step = 1; below >= lo && run.rest(below) >= r; ) {
                atLeast = below;
                step <<= 1;
                below = (int) Math.max(lo - 1L, (long) atLeast - step);
            }
        }
        int l = below + 1, h = atLeast;
        while (l < h) {
            int mid = (l + h) >>> 1;
            if (run.rest(mid) < r) l = mid + 1; else h = mid;
        }
        return l;
    }

    /**
     * Postings to merge into a level, bucket by bucket from the last: {@link #count} is called once for each bucket in
     * descending order, {@link #fill} after it when the count is not 0.
     */
    private interface Incoming {
        int count(int bucket);
        /** The bucket's postings, sorted by rest then document, into the buffers from index 0. */
        void fill(int bucket, short[] rest, int[] doc);
    }

    /** One shard: one or two frozen levels, and the recent table. */
    private static final class Shard {
        /**
         * The frozen postings. On the heap there is one level, {@code old}, and the recent postings are merged into it
         * when they are an eighth of it (up to {@code maxRecent}). On disk, where the recent table is kept small, a
         * merge into one run would rewrite the whole run every {@code maxRecent} postings: n^2 / (2 * maxRecent)
         * postings moved over a shard's life (at ten million articles, about 1.7 TB of mapped pages over the sixteen
         * shards of both indexes, against ~0.15 TB with two levels). So there the recent
         * postings go into {@code young}, which is merged into {@code old} once {@code young^2 >= old * maxRecent}:
         * each level is then rewritten about sqrt(n / maxRecent) times, n^1.5 / sqrt(maxRecent) postings in all,
         * for one more binary search a look-up. Young documents are all later than old ones, so old then young is
         * document order, as in one run. Measured at a million articles (session 21, {@code analyze c1m.jsonl --fast
         * --no-embeddings --index-on-disk}): 263 s -> 216 s, read and link 192 -> 153 s, 31 -> 23 GB written, the
         * same {@code stories.json}.
         */
        private final Level old, young;
        // recent postings: open addressing from ident to the newest posting of its chain (-1: empty slot)
        private int[] slotKey = new int[64], slotHead = filled(64);
        private int used;
        private int[] postDoc = new int[64], postNext = new int[64], postIdent = new int[64];
        private int recent;
        private int lastDoc;
        private final int maxRecent;
        // merge buffers: a bucket's old postings merged with its incoming ones, and the incoming ones
        private short[] bufRest = new short[256], inRest = new short[256];
        private int[] bufDoc = new int[256], inDoc = new int[256];

        /** @param youngRun null: one level */
        Shard(Run oldRun, Run youngRun, int maxRecent) {
            this.old = new Level(oldRun);
            this.young = youngRun == null ? null : new Level(youngRun);
            this.maxRecent = maxRecent;
        }

        private static int[] filled(int n) {
            int[] a = new int[n];
            Arrays.fill(a, -1);
            return a;
        }

        /** Frozen postings. */
        long frozen() { return old.size + (young == null ? 0L : young.size); }

        long mappedBytes() { return old.run.mappedBytes() + (young == null ? 0 : young.run.mappedBytes()); }

        void close() {
            old.run.close();
            if (young != null) young.run.close();
        }

        long memoryBytes() {
            return old.memoryBytes() + (young == null ? 0 : young.memoryBytes()) + slotKey.length * 8L + postDoc.length * 12L
                    + (bufRest.length + inRest.length) * 6L;
        }

        private static int home(int ident, int mask) { return (ident * 0x9E3779B1) >>> 7 & mask; }

        private int slot(int ident) {
            int mask = slotKey.length - 1;
            for (int i = home(ident, mask); ; i = (i + 1) & mask) {
                if (slotHead[i] < 0) return -1;
                if (slotKey[i] == ident) return i;
            }
        }

        void add(int ident, int doc) {
            if (doc < lastDoc) throw new IllegalArgumentException("documents must be added in order: " + doc + " after " + lastDoc);
            lastDoc = doc;
            if (recent == postDoc.length) {
                postDoc = Arrays.copyOf(postDoc, recent * 2);
                postNext = Arrays.copyOf(postNext, recent * 2);
                postIdent = Arrays.copyOf(postIdent, recent * 2);
            }
            int mask = slotKey.length - 1;
            int i = home(ident, mask);
            while (slotHead[i] >= 0 && slotKey[i] != ident) i = (i + 1) & mask;
            if (slotHead[i] < 0) {
                slotKey[i] = ident;
                used++;
            }
            postDoc[recent] = doc;
            postIdent[recent] = ident;
            postNext[recent] = slotHead[i];
            slotHead[i] = recent++;
            if (used * 2 > slotKey.length) growSlots();
            if (recent >= Math.min(maxRecent, Math.max(MIN_MERGE, frozen() / 8))) merge();
        }

        private void growSlots() {
            int[] ok = slotKey, oh = slotHead;
            slotKey = new int[ok.length * 2];
            slotHead = filled(ok.length * 2);
            int mask = slotKey.length - 1;
            for (int j = 0; j < ok.length; j++) {
                if (oh[j] < 0) continue;
                int i = home(ok[j], mask);
                while (slotHead[i] >= 0) i = (i + 1) & mask;
                slotKey[i] = ok[j];
                slotHead[i] = oh[j];
            }
        }

        int count(int ident) {
            int c = 0;
            if (old.offsets != null) {
                int lo = old.first(ident);
                c = old.end(ident, lo) - lo;
            }
            if (young != null && young.offsets != null) {
                int lo = young.first(ident);
                c += young.end(ident, lo) - lo;
            }
            int slot = slot(ident);
            if (slot >= 0) for (int p = slotHead[slot]; p >= 0; p = postNext[p]) c++;
            return c;
        }

        void collect(int ident, int max, IntBuffer out) { collect(ident, max, out, null, 0); }

        /** As {@link #collect(int, int, IntBuffer)}; a key with more than {@code max} gives its {@code k} earliest to {@code early}. */
        void collect(int ident, int max, IntBuffer out, IntBuffer early, int k) {
            int lo = 0, hi = 0, ylo = 0, yhi = 0;
            if (old.offsets != null) {
                lo = old.first(ident);
                hi = old.end(ident, lo);
            }
            if (young != null && young.offsets != null) {
                ylo = young.first(ident);
                yhi = young.end(ident, ylo);
            }
            int slot = slot(ident);
            int head = slot < 0 ? -1 : slotHead[slot];
            int c = hi - lo + yhi - ylo;
            for (int p = head; p >= 0 && c <= max; p = postNext[p]) c++;
            if (c > max) {
                if (early != null) earliest(lo, hi, ylo, yhi, head, k, early);
                return;
            }
            for (int i = lo; i < hi; i++) out.add(old.run.doc(i));
            for (int i = ylo; i < yhi; i++) out.add(young.run.doc(i));
            for (int p = head; p >= 0; p = postNext[p]) out.add(postDoc[p]);
        }

        /**
         * The {@code k} earliest documents of a key: the old level's first (it is the oldest and sorted), then the young
         * level's, then the recent chain's last.
         */
        private void earliest(int lo, int hi, int ylo, int yhi, int head, int k, IntBuffer early) {
            int fromRun = Math.min(k, hi - lo);
            for (int i = lo; i < lo + fromRun; i++) early.add(old.run.doc(i));
            int fromYoung = Math.min(k - fromRun, yhi - ylo);
            for (int i = ylo; i < ylo + fromYoung; i++) early.add(young.run.doc(i));
            int taken = fromRun + fromYoung;
            if (taken == k) return;
            int n = 0;
            for (int p = head; p >= 0; p = postNext[p]) n++;
            int skip = Math.max(0, n - (k - taken)), i = 0; // the chain is newest first: its last entries are the earliest
            for (int p = head; p >= 0; p = postNext[p], i++) if (i >= skip) early.add(postDoc[p]);
        }

        /**
         * Merges the recent postings into the young level (the old one when there is one level), then, on disk, the
         * young level into the old one when it has grown to {@code sqrt(old * maxRecent)}.
         */
        void merge() {
            // the recent postings in the order they came, which is document order, sorted stably by (bucket, rest):
            // two passes of a radix sort, so a key's documents stay in order
            int n = recent;
            int[] identA = Arrays.copyOf(postIdent, n), docA = Arrays.copyOf(postDoc, n);
            int[] identB = new int[n], docB = new int[n];
            radixPass(identA, docA, identB, docB, n, 0);
            radixPass(identB, docB, identA, docA, n, 16);
            absorb(young == null ? old : young, n, new Incoming() {
                private int j = n - 1, lo, hi;

                @Override public int count(int bucket) {
                    hi = j;
                    while (j >= 0 && identA[j] >>> REST_BITS == bucket) j--;
                    lo = j + 1;
                    return hi - j;
                }

                @Override public void fill(int bucket, short[] rest, int[] doc) {
                    for (int i = lo; i <= hi; i++) {
                        rest[i - lo] = (short) (identA[i] & REST_MASK);
                        doc[i - lo] = docA[i];
                    }
                }
            });
            slotKey = new int[64];
            slotHead = filled(64);
            used = 0;
            postDoc = new int[64];
            postNext = new int[64];
            postIdent = new int[64];
            recent = 0;
            if (young != null && (long) young.size * young.size >= (long) old.size * maxRecent) {
                absorb(old, young.size, new Incoming() {
                    @Override public int count(int bucket) { return young.offsets[bucket + 1] - young.offsets[bucket]; }
                    @Override public void fill(int bucket, short[] rest, int[] doc) {
                        young.run.copy(young.offsets[bucket], rest, doc, count(bucket), true);
                    }
                });
                young.clear();
            }
        }

        /**
         * Merges {@code n} incoming postings into {@code level}'s run from the back, in place, a bucket at a time: a
         * bucket's postings only ever move towards the end, so a bucket without incoming postings is moved in one block,
         * and one with incoming postings is read out, merged with them and written back where it now starts. Every
         * incoming document is later than the level's.
         */
        private void absorb(Level level, int n, Incoming in) {
            if (level.offsets == null) level.offsets = new int[BUCKETS + 1];
            int[] offsets = level.offsets;
            Run run = level.run;
            int total = level.size + n;
            run.ensureCapacity(total);
            int dst = total; // the buckets above b already sit at [dst, total)
            for (int b = BUCKETS - 1; b >= 0; b--) {
                int ob = offsets[b], no = offsets[b + 1] - ob;
                int nf = in.count(b), m = no + nf;
                dst -= m;
                if (nf == 0) {
                    if (dst != ob) run.move(ob, dst, no);
                } else {
                    if (bufRest.length < m) {
                        bufRest = new short[Math.max(m, bufRest.length * 2)];
                        bufDoc = new int[bufRest.length];
                    }
                    if (inRest.length < nf) {
                        inRest = new short[Math.max(nf, inRest.length * 2)];
                        inDoc = new int[inRest.length];
                    }
                    run.copy(ob, bufRest, bufDoc, no, true);
                    in.fill(b, inRest, inDoc);
                    // merged from the back into the same buffer: the write position never passes the old postings unread;
                    // a key's old documents all come before its new ones
                    int io = no - 1, jf = nf - 1;
                    for (int w = m - 1; w >= 0; w--) {
                        if (jf >= 0 && (io < 0 || inRest[jf] >= bufRest[io])) {
                            bufRest[w] = inRest[jf];
                            bufDoc[w] = inDoc[jf];
                            jf--;
                        } else {
                            bufRest[w] = bufRest[io];
                            bufDoc[w] = bufDoc[io];
                            io--;
                        }
                    }
                    run.copy(dst, bufRest, bufDoc, m, false);
                }
                offsets[b + 1] = dst + m;
            }
            offsets[0] = 0;
            level.size = total;
        }

        /** One stable pass of a radix sort of (ident, doc) by the 16 bits of ident at {@code shift}, unsigned. */
        private static void radixPass(int[] ident, int[] doc, int[] identOut, int[] docOut, int n, int shift) {
            int[] count = new int[1 << 16];
            for (int i = 0; i < n; i++) count[(ident[i] >>> shift) & 0xffff]++;
            int sum = 0;
            for (int k = 0; k < count.length; k++) { int c = count[k]; count[k] = sum; sum += c; }
            for (int i = 0; i < n; i++) {
                int at = count[(ident[i] >>> shift) & 0xffff]++;
                identOut[at] = ident[i];
                docOut[at] = doc[i];
            }
        }
    }

    /**
     * A shard's frozen run: postings (a {@code short} rest and an {@code int} document each) in chunks of
     * {@value #CHUNK}, added as the run grows and never copied whole.
     */
    private abstract static class Run implements Rests {
        @Override public abstract short rest(int i);
        abstract int doc(int i);
        /** Adds chunks until the run can hold {@code total} postings. */
        abstract void ensureCapacity(int total);
        /** Copies {@code len} postings of the run at {@code at} into the buffers ({@code out}) or back from them. */
        abstract void copy(int at, short[] bufRest, int[] bufDoc, int len, boolean out);
        abstract long heapBytes();
        long mappedBytes() { return 0; }
        void close() {}

        /** Moves {@code len} postings from {@code src} to {@code dst > src}, from the end, a piece within one chunk at a time. */
        void move(int src, int dst, int len) {
            int s = src + len, d = dst + len;
            while (len > 0) {
                int piece = Math.min(len, Math.min((s - 1) & CHUNK_MASK, (d - 1) & CHUNK_MASK) + 1);
                s -= piece;
                d -= piece;
                len -= piece;
                movePiece(s, d, piece);
            }
        }

        /** Moves {@code len} postings from {@code s} to {@code d > s}, each range within one chunk (they may overlap). */
        abstract void movePiece(int s, int d, int len);
    }

    /** A run on the heap: arrays of {@value #CHUNK} rests and documents. */
    private static final class HeapRun extends Run {
        private short[][] rests = new short[0][];
        private int[][] docs = new int[0][];

        @Override public short rest(int i) { return rests[i >>> CHUNK_BITS][i & CHUNK_MASK]; }
        @Override int doc(int i) { return docs[i >>> CHUNK_BITS][i & CHUNK_MASK]; }
        @Override long heapBytes() { return docs.length * (long) CHUNK * 6L; }

        @Override void ensureCapacity(int total) {
            int need = (int) (((long) total + CHUNK - 1) >>> CHUNK_BITS);
            if (need <= docs.length) return;
            int had = docs.length;
            rests = Arrays.copyOf(rests, need);
            docs = Arrays.copyOf(docs, need);
            for (int c = had; c < need; c++) { rests[c] = new short[CHUNK]; docs[c] = new int[CHUNK]; }
        }

        @Override void movePiece(int s, int d, int len) {
            System.arraycopy(rests[s >>> CHUNK_BITS], s & CHUNK_MASK, rests[d >>> CHUNK_BITS], d & CHUNK_MASK, len);
            System.arraycopy(docs[s >>> CHUNK_BITS], s & CHUNK_MASK, docs[d >>> CHUNK_BITS], d & CHUNK_MASK, len);
        }

        @Override void copy(int at, short[] bufRest, int[] bufDoc, int len, boolean out) {
            int done = 0;
            while (done < len) {
                int i = at + done, c = i >>> CHUNK_BITS, o = i & CHUNK_MASK;
                int piece = Math.min(len - done, CHUNK - o);
                if (out) {
                    System.arraycopy(rests[c], o, bufRest, done, piece);
                    System.arraycopy(docs[c], o, bufDoc, done, piece);
                } else {
                    System.arraycopy(bufRest, done, rests[c], o, piece);
                    System.arraycopy(bufDoc, done, docs[c], o, piece);
                }
                done += piece;
            }
        }
    }

    /** A run in a memory-mapped file ({@link PostingsFile}). */
    private static final class MappedRun extends Run {
        private final PostingsFile file;

        MappedRun(Path path) { this.file = new PostingsFile(path, CHUNK_BITS); }

        @Override public short rest(int i) { return file.rest(i); }
        @Override int doc(int i) { return file.doc(i); }
        @Override long heapBytes() { return file.heapBytes(); }
        @Override long mappedBytes() { return file.mappedBytes(); }
        @Override void ensureCapacity(int total) { file.ensureCapacity(total); }
        @Override void movePiece(int s, int d, int len) { file.movePiece(s, d, len); }
        @Override void copy(int at, short[] bufRest, int[] bufDoc, int len, boolean out) { file.copy(at, bufRest, bufDoc, len, out); }
        @Override void close() { file.close(); }
    }
}
