package org.storytrace.core.index;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactPostingsTest {
    @Test
    void agreesWithAMapAcrossManyMerges() {
        Random rnd = new Random(11);
        CompactPostings p = new CompactPostings();
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
        // 6 bytes a frozen posting, plus the fixed bucket offsets and the recent table, which large indexes amortise
        assertTrue(p.memoryBytes() < 400_000L * 10, "under 10 bytes a posting: " + p.memoryBytes());
    }
}
