package org.storytrace.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DocFrequenciesTest {
    /** Distinct ascending keys drawn from a small pool (so terms recur across items), 0 and negative keys among them. */
    private static long[] keys(Random r, long[] pool, int max) {
        return LongStream.generate(() -> pool[r.nextInt(pool.length)]).limit(r.nextInt(max)).distinct().sorted().toArray();
    }

    private static float[] ones(long[] k) {
        float[] c = new float[k.length];
        Arrays.fill(c, 1f);
        return c;
    }

    @Test
    void eachTermCountsTheItemsThatHoldItAddedOneByOneOrByTheBatch() {
        Random r = new Random(29);
        long[] pool = new long[5_000];
        for (int i = 0; i < pool.length; i++) pool[i] = i == 0 ? 0 : i % 3 == 0 ? -r.nextLong(1, Long.MAX_VALUE) : r.nextLong();
        List<StoryGrouper.Terms> items = new ArrayList<>();
        List<Map<Long, Integer>> want = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (int i = 0; i < 3_000; i++) {
            long[] w = keys(r, pool, 300), n = keys(r, pool, 30), h = keys(r, pool, 12);
            items.add(new StoryGrouper.Terms(w, ones(w), n, ones(n), h, ones(h)));
            long[][] kinds = {w, n, h};
            for (int k = 0; k < 3; k++) for (long x : kinds[k]) want.get(k).merge(x, 1, Integer::sum);
        }
        DocFrequencies one = new DocFrequencies(), batched = new DocFrequencies();
        for (StoryGrouper.Terms t : items) one.add(t);
        for (int from = 0; from < items.size(); from += 700) {
            batched.addAll(items.subList(from, Math.min(items.size(), from + 700)).toArray(new StoryGrouper.Terms[0]), from % 1400 == 0);
        }
        for (DocFrequencies df : new DocFrequencies[] {one, batched}) {
            assertEquals(items.size(), df.items());
            for (long x : pool) {
                assertEquals(want.get(0).getOrDefault(x, 0), df.words(x), "word " + x);
                assertEquals(want.get(1).getOrDefault(x, 0), df.names(x), "name " + x);
                assertEquals(want.get(2).getOrDefault(x, 0), df.heads(x), "headline word " + x);
            }
            assertEquals(0, df.words(42L * 0x9E3779B97F4A7C15L), "a term no item holds");
        }
    }
}
