package org.storytrace.core.cluster;

/**
 * Disjoint sets of {@code 0..n-1} with path halving; a union keeps the smaller element as the root, so a
 * set's root is its smallest member and results do not depend on the order of the unions.
 */
public final class UnionFind {
    private final int[] parent;

    public UnionFind(int n) {
        parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
    }

    /** The root (smallest member) of {@code x}'s set. */
    public int find(int x) {
        while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
        return x;
    }

    /** Joins the sets of {@code a} and {@code b}. */
    public void union(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
