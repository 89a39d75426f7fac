package org.storytrace.core.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CandidateUnionTest {
    @Test
    void aDocumentsCandidatesJoinedWithItsReusePartnersHoldEachPartnerOnceInOrder() {
        Random r = new Random(5);
        for (int round = 0; round < 300; round++) {
            int d = r.nextInt(5);
            TreeSet<Integer> found = new TreeSet<>();
            for (int i = r.nextInt(30); i > 0; i--) found.add(d + 1 + r.nextInt(60));
            // reuse pairs of every document, sorted as keys a << 32 | b
            TreeSet<Long> reuse = new TreeSet<>();
            TreeSet<Integer> want = new TreeSet<>(found);
            for (int i = r.nextInt(40); i > 0; i--) {
                int a = r.nextInt(6), b = a + 1 + r.nextInt(60);
                reuse.add(((long) a << 32) | b);
                if (a == d) want.add(b);
            }
            int[] given = found.stream().mapToInt(Integer::intValue).toArray();
            int[] padded = Arrays.copyOf(given, given.length + 7); // the scratch array is longer than its count
            int[] got = StoryGrouper.withReusePartners(d, padded, given.length, reuse.stream().mapToLong(Long::longValue).toArray());
            assertArrayEquals(want.stream().mapToInt(Integer::intValue).toArray(), got, "round " + round);
        }
    }

    @Test
    void candidatePairsAreThePairsSharingEnoughTopTermsOrOneRareTermEachOnceSorted() {
        Random r = new Random(9);
        for (int round = 0; round < 50; round++) {
            int n = 2 + r.nextInt(40);
            long[][] top = new long[n][];
            for (int d = 0; d < n; d++) {
                TreeSet<Long> t = new TreeSet<>();
                for (int i = r.nextInt(6); i > 0; i--) t.add((long) r.nextInt(15));
                top[d] = t.stream().mapToLong(Long::longValue).toArray();
            }
            long[][] copy = Arrays.stream(top).map(long[]::clone).toArray(long[][]::new);
            // how many documents hold each term
            Map<Long, Integer> holders = new HashMap<>();
            for (long[] t : copy) for (long x : t) holders.merge(x, 1, Integer::sum);
            for (int minShared = 1; minShared <= 3; minShared++) {
                for (int rareDocs : new int[] {0, 2, 4}) {
                    TreeSet<Long> want = new TreeSet<>();
                    for (int a = 0; a < n; a++) {
                        for (int b = a + 1; b < n; b++) {
                            int shared = 0;
                            boolean rare = false;
                            for (long x : copy[a]) {
                                if (Arrays.binarySearch(copy[b], x) < 0) continue;
                                shared++;
                                rare |= holders.get(x) <= rareDocs;
                            }
                            if (shared >= minShared || rare) want.add(((long) a << 32) | b);
                        }
                    }
                    long[][] fresh = Arrays.stream(copy).map(long[]::clone).toArray(long[][]::new);
                    assertArrayEquals(want.stream().mapToLong(Long::longValue).toArray(), TermVectors.candidatePairs(fresh, minShared,
                            rareDocs),
                            "minShared " + minShared + ", rareDocs " + rareDocs);
                }
            }
        }
    }
}
