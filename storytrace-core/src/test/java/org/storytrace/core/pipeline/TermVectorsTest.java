package org.storytrace.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermVectorsTest {
    @Test
    void selectingTheSmallestKeepsExactlyTheSmallest() {
        Random rnd = new Random(3);
        for (int round = 0; round < 500; round++) {
            int n = 1 + rnd.nextInt(700), k = 1 + rnd.nextInt(n);
            long[] a = new long[n];
            // distinct values with many ties in the high half, as weight-then-index keys have
            for (int i = 0; i < n; i++) a[i] = ((long) rnd.nextInt(round % 2 == 0 ? 5 : 1_000_000) << 32) | i;
            long[] want = a.clone();
            Arrays.sort(want);
            TermVectors.selectSmallest(a, n, k);
            long[] got = Arrays.copyOf(a, k);
            Arrays.sort(got);
            assertArrayEquals(Arrays.copyOf(want, k), got, "round " + round);
        }
    }

    @Test
    void aVectorKeepsItsHeaviestTermsTiesToTheSmallerHash() {
        Random rnd = new Random(9);
        for (int round = 0; round < 200; round++) {
            int m = 1 + rnd.nextInt(500);
            long[] keys = rnd.longs(m).distinct().sorted().toArray();
            m = keys.length;
            float[] counts = new float[m];
            for (int i = 0; i < m; i++) counts[i] = 1 + rnd.nextInt(3); // few distinct counts: many equal weights
            int[] df = new int[m];
            for (int i = 0; i < m; i++) df[i] = 1 + rnd.nextInt(4);
            long[] k = keys;
            TermVectors.Vector v = TermVectors.vector(keys, counts, h -> df[Arrays.binarySearch(k, h)], 1000, 64);
            // the reference: every term ranked by weight (heaviest first), ties by hash, the first 64 kept
            Integer[] idx = new Integer[m];
            for (int i = 0; i < m; i++) idx[i] = i;
            double[] w = new double[m];
            for (int i = 0; i < m; i++) w[i] = (float) ((1 + Math.log(counts[i])) * Math.log(1001.0 / df[i]));
            Arrays.sort(idx, (x, y) -> w[x] != w[y] ? Double.compare(w[y], w[x]) : Integer.compare(x, y));
            long[] want = new long[Math.min(64, m)];
            for (int i = 0; i < want.length; i++) want[i] = keys[idx[i]];
            Arrays.sort(want);
            assertArrayEquals(want, v.keys(), "round " + round);
            assertEquals(want.length, v.weights().length);
        }
    }
}
