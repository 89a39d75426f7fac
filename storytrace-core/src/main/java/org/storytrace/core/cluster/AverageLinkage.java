package org.storytrace.core.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Agglomerative clustering with average linkage over a sparse similarity graph.
 *
 * <p>The similarity of two clusters is the sum of the edge weights between them divided by the product of
 * their sizes (absent edges count as 0), so a cluster only grows by a member that is similar to most of it,
 * not to one of its members: the chaining that makes connected components useless for stories does not
 * happen. Clusters are merged best pair first while that similarity is at least the threshold. Ties break
 * on the smaller node numbers, so the result does not depend on the order edges were given.
 */
public final class AverageLinkage {
    private final double threshold;

    public AverageLinkage(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        this.threshold = threshold;
    }

    private record Entry(double score, int a, int b, int va, int vb) {}

    /**
     * Clusters nodes {@code 0..n-1}; edges are {@code (u[i], v[i], w[i])}, duplicates summed. Node weights
     * (the number of original items each node stands for) default to 1 when {@code sizes} is null.
     * Returns a cluster label per node, labels numbered from 0 in order of each cluster's smallest node.
     */
    public int[] cluster(int n, int[] u, int[] v, double[] w, int[] sizes) {
        if (u.length != v.length || u.length != w.length) throw new IllegalArgumentException("edge arrays differ in length");
        List<Map<Integer, Double>> adj = new ArrayList<>(n);
        for (int i = 0; i < n; i++) adj.add(new HashMap<>());
        for (int e = 0; e < u.length; e++) {
            if (u[e] == v[e]) continue;
            adj.get(u[e]).merge(v[e], w[e], Double::sum);
            adj.get(v[e]).merge(u[e], w[e], Double::sum);
        }
        int[] size = new int[n];
        int[] version = new int[n];
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) { size[i] = sizes == null ? 1 : sizes[i]; parent[i] = i; }
        PriorityQueue<Entry> pq = new PriorityQueue<>((x, y) -> {
            int c = Double.compare(y.score, x.score);
            if (c != 0) return c;
            c = Integer.compare(x.a, y.a);
            return c != 0 ? c : Integer.compare(x.b, y.b);
        });
        for (int i = 0; i < n; i++) {
            for (Map.Entry<Integer, Double> e : adj.get(i).entrySet()) {
                int j = e.getKey();
                if (j <= i) continue;
                double s = e.getValue() / ((double) size[i] * size[j]);
                if (s >= threshold) pq.add(new Entry(s, i, j, 0, 0));
            }
        }
        while (!pq.isEmpty()) {
            Entry top = pq.poll();
            int a = top.a, b = top.b;
            if (parent[a] != a || parent[b] != b || version[a] != top.va || version[b] != top.vb) continue;
            // merge b into a
            Map<Integer, Double> ma = adj.get(a), mb = adj.get(b);
            ma.remove(b);
            mb.remove(a);
            for (Map.Entry<Integer, Double> e : mb.entrySet()) {
                int x = e.getKey();
                ma.merge(x, e.getValue(), Double::sum);
                Map<Integer, Double> mx = adj.get(x);
                Double old = mx.remove(b);
                mx.merge(a, old == null ? e.getValue() : old, Double::sum);
            }
            mb.clear();
            parent[b] = a;
            size[a] += size[b];
            version[a]++;
            version[b]++;
            for (Map.Entry<Integer, Double> e : ma.entrySet()) {
                int x = e.getKey();
                double s = e.getValue() / ((double) size[a] * size[x]);
                if (s >= threshold) {
                    int lo = Math.min(a, x), hi = Math.max(a, x);
                    pq.add(new Entry(s, lo, hi, version[lo], version[hi]));
                }
            }
        }
        int[] label = new int[n];
        int[] rootLabel = new int[n];
        java.util.Arrays.fill(rootLabel, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            int r = i;
            while (parent[r] != r) r = parent[r];
            if (rootLabel[r] < 0) rootLabel[r] = next++;
            label[i] = rootLabel[r];
        }
        return label;
    }
}
