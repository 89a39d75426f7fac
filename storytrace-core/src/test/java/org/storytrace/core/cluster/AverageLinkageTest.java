package org.storytrace.core.cluster;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class AverageLinkageTest {
    @Test
    void aChainOfWeakNeighboursDoesNotBecomeOneCluster() {
        // 0-1-2-3-4 each linked only to the next: connected components would join all five
        int[] u = {0, 1, 2, 3}, v = {1, 2, 3, 4};
        double[] w = {0.9, 0.9, 0.9, 0.9};
        int[] labels = new AverageLinkage(0.5).cluster(5, u, v, w, null);
        assertNotEquals(labels[0], labels[4]);
    }

    @Test
    void aTightGroupMergesAndTheResultIgnoresEdgeOrder() {
        int[] u = {0, 0, 1, 3}, v = {1, 2, 2, 4};
        double[] w = {0.8, 0.7, 0.9, 0.2};
        int[] a = new AverageLinkage(0.5).cluster(5, u, v, w, null);
        int[] b = new AverageLinkage(0.5).cluster(5, new int[] {3, 1, 0, 0}, new int[] {4, 2, 2, 1}, new double[] {0.2, 0.9, 0.7, 0.8}, null);
        assertArrayEquals(new int[] {0, 0, 0, 1, 2}, a);
        assertArrayEquals(a, b);
    }

    @Test
    void rejectsABadThreshold() {
        assertThrows(IllegalArgumentException.class, () -> new AverageLinkage(0));
    }
}
