package org.storytrace.core.cluster;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * Agglomerative clustering with average linkage over a sparse similarity graph.
 *
 * <p>The similarity of two clusters is the sum of the edge weights between them divided by the product of
 * their sizes (absent edges count as 0), so a cluster only grows by a member that is similar to most of it,
 * not to one of its members: the chaining that makes connected components useless for stories does not
 * happen. Clusters are merged best pair first while that similarity is at least the threshold. Ties break
 * on the smaller node numbers, so the result does not depend on the order edges were given.
 *
 * <p>Two clusters with no edge between them never merge, so the graph's connected components are
 * clustered independently: in parallel when there are several large ones, with the same result as one
 * pass (each component's merges depend only on its own edges, and node order is kept inside it). That is
 * also how the Spark job distributes the step ({@link Components}).
 */
public final class AverageLinkage {
    private final double threshold;
    private final boolean parallel;
    /** Asked at each component and every {@link #ASK_EVERY} merges of one; true gives the clustering up. Null: never. */
    private final BooleanSupplier stopped;

    public AverageLinkage(double threshold) { this(threshold, false); }

    /** @param parallel cluster large components on the common fork-join pool */
    public AverageLinkage(double threshold, boolean parallel) { this(threshold, parallel, null); }

    private AverageLinkage(double threshold, boolean parallel, BooleanSupplier stopped) {
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        this.threshold = threshold;
        this.parallel = parallel;
        this.stopped = stopped;
    }

    /**
     * This clustering, giving up with a {@link CancellationException} once {@code stopped} (null: never) says so, asked at
     * each component and every {@link #ASK_EVERY} candidate merges inside one: one component of a million articles' stories
     * took ~5 s to cluster, which an engine told to stop (a server's SIGTERM) waited for (session 41).
     */
    public AverageLinkage stoppedBy(BooleanSupplier stopped) { return new AverageLinkage(threshold, parallel, stopped); }

    /** Candidate merges between two questions to {@link #stopped}: a question is a volatile read, a merge far more. */
    static final int ASK_EVERY = 1024;

    private void checkStopped() {
        if (stopped != null && stopped.getAsBoolean()) throw new CancellationException("the clustering was stopped");
    }

    private record Entry(double score, int a, int b, int va, int vb) {}

    /**
     * Clusters nodes {@code 0..n-1}; edges are {@code (u[i], v[i], w[i])}, duplicates summed, weights must
     * be positive. Node weights (the number of original items each node stands for) default to 1 when
     * {@code sizes} is null. Returns a cluster label per node, labels numbered from 0 in order of each
     * cluster's smallest node.
     */
    public int[] cluster(int n, int[] u, int[] v, double[] w, int[] sizes) {
        if (u.length != v.length || u.length != w.length) throw new IllegalArgumentException("edge arrays differ in length");
        Components c = Components.of(n, u, v);
        int[] root = new int[n];
        IntStream comps = IntStream.range(0, c.count());
        if (parallel) comps = comps.parallel();
        comps.forEach(k -> {
            checkStopped();
            clusterComponent(c, k, u, v, w, sizes, root);
        });
        return labels(root);
    }

    /** Labels numbered from 0 in order of first node, from a representative node per node. */
    public static int[] labels(int[] root) {
        int n = root.length;
        int[] label = new int[n], rootLabel = new int[n];
        Arrays.fill(rootLabel, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (rootLabel[root[i]] < 0) rootLabel[root[i]] = next++;
            label[i] = rootLabel[root[i]];
        }
        return label;
    }

    /** Clusters one component; writes a global representative node for each of its nodes into {@code root}. */
    private void clusterComponent(Components c, int k, int[] u, int[] v, double[] w, int[] sizes, int[] root) {
        int[] nodes = c.nodes(k);
        int m = nodes.length;
        if (m == 1) { root[nodes[0]] = nodes[0]; return; }
        int[] edges = c.edges(k);
        // local numbering keeps the global order, so ties break as they would in one pass
        IntDoubleMap[] adj = new IntDoubleMap[m];
        int[] degree = new int[m];
        for (int e : edges) { degree[local(nodes, u[e])]++; degree[local(nodes, v[e])]++; }
        for (int i = 0; i < m; i++) adj[i] = new IntDoubleMap(degree[i]);
        for (int e : edges) {
            if (u[e] == v[e]) continue;
            if (!(w[e] > 0)) throw new IllegalArgumentException("edge weights must be positive, was " + w[e]);
            int a = local(nodes, u[e]), b = local(nodes, v[e]);
            adj[a].add(b, w[e]);
            adj[b].add(a, w[e]);
        }
        int[] size = new int[m], version = new int[m], parent = new int[m];
        for (int i = 0; i < m; i++) { size[i] = sizes == null ? 1 : sizes[nodes[i]]; parent[i] = i; }
        PriorityQueue<Entry> pq = new PriorityQueue<>((x, y) -> {
            int cmp = Double.compare(y.score, x.score);
            if (cmp != 0) return cmp;
            cmp = Integer.compare(x.a, y.a);
            return cmp != 0 ? cmp : Integer.compare(x.b, y.b);
        });
        for (int i = 0; i < m; i++) {
            final int a = i;
            adj[i].forEach((j, sum) -> {
                if (j <= a) return;
                double s = sum / ((double) size[a] * size[j]);
                if (s >= threshold) pq.add(new Entry(s, a, j, 0, 0));
            });
        }
        int polled = 0;
        while (!pq.isEmpty()) {
            if (++polled % ASK_EVERY == 0) checkStopped();
            Entry top = pq.poll();
            int a = top.a, b = top.b;
            if (parent[a] != a || parent[b] != b || version[a] != top.va || version[b] != top.vb) continue;
            // merge b into a
            IntDoubleMap ma = adj[a], mb = adj[b];
            ma.remove(b);
            mb.remove(a);
            mb.forEach((x, sum) -> {
                ma.add(x, sum);
                IntDoubleMap mx = adj[x];
                double old = mx.remove(b);
                mx.add(a, Double.isNaN(old) ? sum : old);
            });
            mb.clear();
            parent[b] = a;
            size[a] += size[b];
            version[a]++;
            version[b]++;
            ma.forEach((x, sum) -> {
                double s = sum / ((double) size[a] * size[x]);
                if (s >= threshold) {
                    int lo = Math.min(a, x), hi = Math.max(a, x);
                    pq.add(new Entry(s, lo, hi, version[lo], version[hi]));
                }
            });
        }
        for (int i = 0; i < m; i++) {
            int r = i;
            while (parent[r] != r) r = parent[r];
            root[nodes[i]] = nodes[r];
        }
    }

    private static int local(int[] nodes, int node) { return Arrays.binarySearch(nodes, node); }
}
