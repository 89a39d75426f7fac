package org.storytrace.core.index;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.storytrace.core.text.StopWords;
import org.storytrace.core.text.Tokens;

class LongSetTest {
    @Test
    void answersAsAHashSetDoes() {
        Random r = new Random(26);
        for (int size : new int[] {0, 1, 2, 3, 15, 16, 17, 63, 200, 1000}) {
            for (String kind : new String[] {"random", "consecutive", "small"}) {
                long[] keys = new long[size];
                for (int i = 0; i < size; i++) {
                    keys[i] = switch (kind) {
                        case "random" -> r.nextLong();
                        case "consecutive" -> 1000 + i; // packed words and numbers cluster: the slot must spread them
                        default -> r.nextInt(size + 1); // repeats and 0
                    };
                }
                Set<Long> want = new HashSet<>();
                for (long k : keys) want.add(k);
                LongSet set = LongSet.of(keys);
                assertEquals(want.size(), set.size(), kind + " " + size);
                for (long k : keys) assertTrue(set.contains(k), kind + " " + size + ": " + k);
                for (int q = 0; q < 5_000; q++) {
                    long k = q % 2 == 0 ? r.nextLong() : r.nextInt(3 * size + 3);
                    assertEquals(want.contains(k), set.contains(k), kind + " " + size + ": " + k);
                }
                assertEquals(want.contains(0L), set.contains(0), kind + " " + size + ": 0");
            }
        }
    }

    @Test
    void stopWordsAreFoundByTheirTokenHashes() {
        for (String w : new String[] {"the", "The", "of", "whether", "yourselves", "said"}) {
            assertTrue(StopWords.contains(Tokens.hashOf(w)), w);
        }
        for (String w : new String[] {"Iraq", "protest", "militia", "thee", "o"}) assertFalse(StopWords.contains(Tokens.hashOf(w)), w);
    }
}
