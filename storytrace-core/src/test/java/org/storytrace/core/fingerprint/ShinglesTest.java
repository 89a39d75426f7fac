package org.storytrace.core.fingerprint;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ShinglesTest {
    @Test
    void prefixFilteredPairsAreExactlyTheBruteForcePairs() {
        Random rnd = new Random(5);
        List<long[]> sets = new ArrayList<>();
        // families of overlapping sets over a small universe, so many pairs sit near the threshold
        for (int i = 0; i < 400; i++) {
            int family = rnd.nextInt(40), size = 5 + rnd.nextInt(14);
            TreeSet<Long> s = new TreeSet<>();
            while (s.size() < size) s.add(rnd.nextInt(8) == 0 ? rnd.nextLong() : family * 1000L + rnd.nextInt(20));
            sets.add(s.stream().mapToLong(Long::longValue).toArray());
        }
        for (double t : new double[] {0.3, 0.5, 0.8}) {
            List<Long> brute = new ArrayList<>();
            for (int i = 0; i < sets.size(); i++) {
                for (int j = i + 1; j < sets.size(); j++) if (Shingles.jaccard(sets.get(i),
                        sets.get(j)) >= t) brute.add(((long) i << 32) | j);
            }
            long[] fast = Shingles.similarPairs(sets, sets.size(), t);
            assertEquals(brute, Arrays.stream(fast).boxed().toList(), "threshold " + t);
            if (t <= 0.5) assertFalse(brute.isEmpty(), "threshold " + t);
        }
    }
}
