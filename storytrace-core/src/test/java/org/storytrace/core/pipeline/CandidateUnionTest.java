package org.storytrace.core.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CandidateUnionTest {
    @Test
    void theUnionOfTwoSortedPairListsHoldsEachPairOnceInOrder() {
        Random r = new Random(5);
        for (int round = 0; round < 200; round++) {
            TreeSet<Long> a = new TreeSet<>(), b = new TreeSet<>();
            for (int i = r.nextInt(50); i > 0; i--) a.add((long) r.nextInt(80));
            for (int i = r.nextInt(50); i > 0; i--) b.add((long) r.nextInt(80));
            TreeSet<Long> want = new TreeSet<>(a);
            want.addAll(b);
            long[] got = StoryGrouper.union(a.stream().mapToLong(Long::longValue).toArray(), b.stream().mapToLong(Long::longValue).toArray());
            assertArrayEquals(want.stream().mapToLong(Long::longValue).toArray(), got);
        }
    }
}
