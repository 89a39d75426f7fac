package org.storytrace.core.cluster;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
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
        int[] b = new AverageLinkage(0.5).cluster(5, new int[] {3, 1, 0, 0}, new int[] {4, 2, 2, 1}, new double[] {0.2, 0.9, 0.7, 0.8},
                null);
        assertArrayEquals(new int[] {0, 0, 0, 1, 2}, a);
        assertArrayEquals(a, b);
    }

    @Test
    void matchesABruteForceReferenceSequentialAndParallel() {
        Random rnd = new Random(7);
        for (int round = 0; round < 300; round++) {
            int n = 2 + rnd.nextInt(25), m = rnd.nextInt(3 * n);
            int[] u = new int[m], v = new int[m];
            double[] w = new double[m];
            for (int e = 0; e < m; e++) {
                u[e] = rnd.nextInt(n);
                v[e] = rnd.nextInt(n);
                w[e] = (1 + rnd.nextInt(8)) / 8.0; // dyadic weights: sums are exact, so ties are real ties
            }
            double threshold = (1 + rnd.nextInt(6)) / 8.0;
            int[] expected = reference(n, u, v, w, threshold);
            assertArrayEquals(expected, new AverageLinkage(threshold).cluster(n, u, v, w, null), "round " + round);
            assertArrayEquals(expected, new AverageLinkage(threshold, true).cluster(n, u, v, w, null), "round " + round);
        }
    }

    /** Merges the best pair of clusters (ties: smallest first members) while it reaches the threshold. */
    private static int[] reference(int n, int[] u, int[] v, double[] w, double threshold) {
        double[][] sim = new double[n][n];
        for (int e = 0; e < u.length; e++) {
            if (u[e] == v[e]) continue;
            sim[u[e]][v[e]] += w[e];
            sim[v[e]][u[e]] += w[e];
        }
        List<List<Integer>> clusters = new ArrayList<>();
        for (int i = 0; i < n; i++) clusters.add(new ArrayList<>(List.of(i)));
        while (true) {
            int bi = -1, bj = -1;
            double best = -1;
            for (int i = 0; i < clusters.size(); i++) {
                for (int j = i + 1; j < clusters.size(); j++) {
                    double sum = 0;
                    for (int x : clusters.get(i)) for (int y : clusters.get(j)) sum += sim[x][y];
                    if (sum == 0) continue;
                    double s = sum / ((double) clusters.get(i).size() * clusters.get(j).size());
                    if (s >= threshold && s > best) { best = s; bi = i; bj = j; }
                }
            }
            if (bi < 0) break;
            clusters.get(bi).addAll(clusters.remove(bj));
            Collections.sort(clusters.get(bi));
            clusters.sort(Comparator.comparing(c -> c.get(0)));
        }
        int[] label = new int[n];
        for (int k = 0; k < clusters.size(); k++) for (int x : clusters.get(k)) label[x] = k;
        return label;
    }

    @Test
    void componentsListTheirNodesAndEdges() {
        Components c = Components.of(6, new int[] {4, 0, 2}, new int[] {5, 2, 0});
        assertEquals(4, c.count());
        assertArrayEquals(new int[] {0, 2}, c.nodes(0));
        assertArrayEquals(new int[] {1, 2}, c.edges(0));
        assertArrayEquals(new int[] {4, 5}, c.nodes(3));
        assertArrayEquals(new int[] {0, 0, 1, 0, 3, 3}, new int[] {c.labels()[0], c.labels()[2], c.labels()[1], c.labels()[0],
                c.labels()[4], c.labels()[5]});
        assertThrows(IllegalArgumentException.class, () -> Components.of(2, new int[] {0}, new int[] {2}));
    }

    @Test
    void aClusteringToldToStopGivesUpInsideOneComponentAndOneNeverToldIsUnchanged() {
        // one component of 20,000 nodes in pairs and fours, chained weakly: thousands of candidate merges in it
        int n = 20_000;
        Random r = new Random(7);
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) edges.add(new int[] {i, i + 1});
        for (int i = 0; i + 3 < n; i += 4) edges.add(new int[] {i, i + 3});
        int[] u = new int[edges.size()], v = new int[edges.size()];
        double[] w = new double[edges.size()];
        for (int e = 0; e < u.length; e++) {
            u[e] = edges.get(e)[0];
            v[e] = edges.get(e)[1];
            w[e] = 0.3 + 0.7 * r.nextDouble();
        }
        int[] plain = new AverageLinkage(0.2).cluster(n, u, v, w, null);
        int[] asked = {0};
        assertArrayEquals(plain, new AverageLinkage(0.2).stoppedBy(() -> { asked[0]++; return false; }).cluster(n, u, v, w, null));
        assertTrue(asked[0] >= 2, "asked inside the component, not only before it: " + asked[0]);
        int[] before = {0};
        assertThrows(CancellationException.class,
                () -> new AverageLinkage(0.2).stoppedBy(() -> ++before[0] > 1).cluster(n, u, v, w, null));
        assertEquals(2, before[0], "gave up at the first question inside the component");
    }

    @Test
    void rejectsABadThreshold() {
        assertThrows(IllegalArgumentException.class, () -> new AverageLinkage(0));
    }
}
