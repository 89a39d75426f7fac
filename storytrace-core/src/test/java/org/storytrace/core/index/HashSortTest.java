package org.storytrace.core.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.storytrace.core.text.Tokens;

class HashSortTest {
    @Test
    void sortsLikeArraysSortWhateverTheValues() {
        Random rnd = new Random(7);
        for (int round = 0; round < 300; round++) {
            int n = rnd.nextInt(round < 100 ? 60 : 3000);
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                // spread hashes, and skewed inputs: small numbers, repeats, extremes
                a[i] = switch (round % 4) {
                    case 0 -> Tokens.mix(rnd.nextLong());
                    case 1 -> rnd.nextInt(50);
                    case 2 -> rnd.nextBoolean() ? Long.MIN_VALUE + rnd.nextInt(3) : Long.MAX_VALUE - rnd.nextInt(3);
                    default -> rnd.nextLong() >> rnd.nextInt(64);
                };
            }
            long[] want = a.clone();
            Arrays.sort(want);
            long[] got = Arrays.copyOf(a, n + 5); // only the first n are sorted
            HashSort.sort(got, n);
            assertArrayEquals(want, Arrays.copyOf(got, n), "round " + round);
        }
    }
}
