package org.storytrace.core.index;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactPostingsTest {
    @Test
    void aLookUpFindsWhereABinarySearchFinds() {
        // buckets of every size up to a few thousand, rests spread evenly, clumped at either end, or one key's long run of
        // equal rests (a common key's postings); every rest looked up, present or not, in a sub-range of the array
        Random rnd = new Random(23);
        int checked = 0;
        for (int trial = 0; trial < 3_000; trial++) {
            int n = trial < 40 ? trial : 1 + rnd.nextInt(trial % 10 == 0 ? 5_000 : 300);
            short[] rest = new short[n + 20];
            int shape = trial % 4;
            for (int i = 0; i < rest.length; i++) {
                int v = switch (shape) {
                    case 0 -> rnd.nextInt(1 << 14);
                    case 1 -> rnd.nextInt(64);
                    case 2 -> (1 << 14) - 1 - rnd.nextInt(64);
                    default -> rnd.nextInt(4) == 0 ? rnd.nextInt(1 << 14) : 4_321;
                };
                rest[i] = (short) v;
            }
            int lo = 10, hi = 10 + n;
            Arrays.sort(rest, lo, hi);
            CompactPostings.Rests run = i -> {
                assertTrue(i >= lo && i < hi, "read " + i + " outside [" + lo + ", " + hi + ")");
                return rest[i];
            };
            for (int k = 0; k < 40; k++) {
                int r = k < 4 ? new int[] {0, (1 << 14) - 1, 4_321, 4_322}[k] : k % 2 == 0 && n > 0 ? rest[lo + rnd.nextInt(n)]
                        : rnd.nextInt(1 << 14);
                int expected = lo, h = hi;
                while (expected < h) {
                    int mid = (expected + h) >>> 1;
                    if (rest[mid] < r) expected = mid + 1; else h = mid;
                }
                assertEquals(expected, CompactPostings.firstAtLeast(run, lo, hi, r), "n " + n + ", shape " + shape + ", rest " + r);
                checked++;
            }
        }
        assertEquals(120_000, checked);
    }

    @Test
    void agreesWithAMapAcrossManyMerges() {
        agreesWithAMap(new CompactPostings());
    }

    @Test
    void onDiskAgreesWithAMapAndHoldsLittleHeapAndDeletesItsFiles(@TempDir Path dir) throws Exception {
        CompactPostings p = new CompactPostings(dir.resolve("index"));
        long heapBefore = agreesWithAMap(p);
        assertTrue(p.mappedBytes() >= 400_000L * 6, "the frozen postings are mapped: " + p.mappedBytes());
        // two levels a shard on disk, each with its bucket offsets and a chunk's buffer
        assertTrue(heapBefore < 2 * CompactPostings.SHARDS * ((1 << 18) * 4L + (1 << 16) * 6L) + 400_000L * 3,
                "the heap holds offsets and recent postings only: " + heapBefore);
        try (var files = Files.list(dir.resolve("index"))) {
            assertEquals(2 * CompactPostings.SHARDS, files.count(), "an old and a young run a shard");
        }
        p.clear();
        assertEquals(0, p.size());
        p.add(42L, 0);
        p.close();
        try (var files = Files.list(dir.resolve("index"))) {
            assertEquals(0, files.count(), "closing deletes the files");
        }
    }

    /** Adds 400,000 postings and checks every key's against a map; returns the heap bytes held. */
    private static long agreesWithAMap(CompactPostings p) {
        Random rnd = new Random(11);
        Map<Long, List<Integer>> expected = new HashMap<>();
        long[] keys = new long[40_000];
        for (int i = 0; i < keys.length; i++) keys[i] = rnd.nextLong();
        // 400,000 postings: the recent table is merged into the frozen run several times
        for (int doc = 0; doc < 100_000; doc++) {
            for (int j = 0; j < 4; j++) {
                long k = keys[rnd.nextInt(keys.length)];
                p.add(k, doc);
                expected.computeIfAbsent(k, x -> new ArrayList<>()).add(doc);
            }
        }
        assertEquals(400_000, p.size());
        for (int i = 0; i < keys.length; i++) {
            List<Integer> want = expected.getOrDefault(keys[i], List.of());
            List<Integer> got = new ArrayList<>();
            p.forEach(keys[i], got::add);
            got.sort(null);
            assertEquals(want, got, "postings of key " + i);
            assertEquals(want.size(), p.count(keys[i]));
        }
        List<Integer> none = new ArrayList<>();
        p.forEach(rnd.nextLong(), none::add);
        assertTrue(none.isEmpty());
        // 6 bytes a frozen posting, plus per shard its bucket offsets and its last chunk's slack, and the recent
        // tables, which large indexes amortise
        long fixed = 2 * CompactPostings.SHARDS * ((1 << 18) * 4L + (1 << 16) * 6L);
        assertTrue(p.memoryBytes() < 400_000L * 10 + fixed, "under 10 bytes a posting: " + p.memoryBytes());
        return p.memoryBytes();
    }

    @Test
    void shardAtATimeEqualsOneAtATime(@TempDir Path dir) {
        // the same keys added one document at a time, and shard by shard (as the linker does on several threads),
        // the second on disk
        Random rnd = new Random(5);
        CompactPostings serial = new CompactPostings(), sharded = new CompactPostings(dir);
        long[] pool = new long[30_000];
        for (int i = 0; i < pool.length; i++) pool[i] = rnd.nextLong();
        long[][] docKeys = new long[30_000][];
        for (int d = 0; d < docKeys.length; d++) {
            long[] k = new long[1 + rnd.nextInt(12)];
            for (int j = 0; j < k.length; j++) k[j] = pool[rnd.nextInt(pool.length)];
            docKeys[d] = Arrays.stream(k).distinct().toArray();
        }
        IntBuffer want = new IntBuffer(), got = new IntBuffer();
        List<int[]> wantHits = new ArrayList<>(), gotHits = new ArrayList<>();
        for (int d = 0; d < docKeys.length; d++) {
            want.clear();
            for (long k : docKeys[d]) if (serial.count(k) <= 7) serial.forEach(k, want::add);
            int[] w = want.toArray();
            Arrays.sort(w);
            wantHits.add(w);
            for (long k : docKeys[d]) serial.add(k, d);
        }
        CompactPostings.Keys[] keys = new CompactPostings.Keys[docKeys.length];
        for (int d = 0; d < docKeys.length; d++) keys[d] = CompactPostings.keys(docKeys[d]);
        int[][] perDoc = new int[docKeys.length][];
        for (int d = 0; d < docKeys.length; d++) perDoc[d] = new int[0];
        for (int s = 0; s < CompactPostings.SHARDS; s++) {
            for (int d = 0; d < docKeys.length; d++) {
                got.clear();
                sharded.collect(keys[d], s, 7, got);
                int[] g = got.toArray();
                int[] merged = Arrays.copyOf(perDoc[d], perDoc[d].length + g.length);
                System.arraycopy(g, 0, merged, perDoc[d].length, g.length);
                perDoc[d] = merged;
                sharded.add(keys[d], s, d);
            }
        }
        for (int d = 0; d < docKeys.length; d++) {
            Arrays.sort(perDoc[d]);
            assertArrayEquals(wantHits.get(d), perDoc[d], "hits of document " + d);
        }
        assertEquals(serial.size(), sharded.size());
        for (long k : pool) assertEquals(serial.count(k), sharded.count(k));
    }

    @Test
    void twoLevelsOnDiskAnswerInTheOrderOfOneRunOnTheHeap(@TempDir Path dir) {
        // the same postings on the heap (one run) and on disk (a young run merged into an old one from time to time):
        // every look-up, taken between adds, gives the same documents in the same order, and a key over the limit the
        // same earliest ones
        Random rnd = new Random(17);
        CompactPostings heap = new CompactPostings(), disk = new CompactPostings(dir);
        long[] pool = new long[20_000];
        for (int i = 0; i < pool.length; i++) pool[i] = rnd.nextLong();
        IntBuffer outH = new IntBuffer(), outD = new IntBuffer(), earlyH = new IntBuffer(), earlyD = new IntBuffer();
        int lookups = 0, limited = 0;
        for (int d = 0; d < 120_000; d++) {
            long[] k = new long[1 + rnd.nextInt(8)];
            // a skewed pool: some keys are common enough to pass the limit
            for (int j = 0; j < k.length; j++) k[j] = pool[(int) (pool.length * Math.pow(rnd.nextDouble(), 3))];
            k = Arrays.stream(k).distinct().toArray();
            CompactPostings.Keys keys = CompactPostings.keys(k);
            if (d % 7 == 0) {
                for (int s = 0; s < CompactPostings.SHARDS; s++) {
                    outH.clear(); outD.clear(); earlyH.clear(); earlyD.clear();
                    heap.collect(keys, s, 40, outH, earlyH, 5);
                    disk.collect(keys, s, 40, outD, earlyD, 5);
                    assertArrayEquals(outH.toArray(), outD.toArray(), "documents of " + d + " in shard " + s);
                    assertArrayEquals(earlyH.toArray(), earlyD.toArray(), "earliest documents of " + d + " in shard " + s);
                    lookups++;
                    if (earlyH.size() > 0) limited++;
                }
            }
            for (int s = 0; s < CompactPostings.SHARDS; s++) {
                heap.add(keys, s, d);
                disk.add(keys, s, d);
            }
        }
        assertTrue(limited > 1_000 && limited < lookups, limited + " of " + lookups + " look-ups passed the limit");
        assertEquals(heap.size(), disk.size());
        for (long key : pool) assertEquals(heap.count(key), disk.count(key));
        disk.close();
    }
}
