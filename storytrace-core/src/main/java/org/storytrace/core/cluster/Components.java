package org.storytrace.core.cluster;

import java.util.Arrays;

/**
 * The connected components of a graph given as edge lists, by union-find: each component's nodes
 * (ascending) and the indexes of its edges. Components are numbered in order of their smallest node.
 */
public final class Components {
    private final int[] nodeStart, nodeList, edgeStart, edgeList;

    private Components(int[] nodeStart, int[] nodeList, int[] edgeStart, int[] edgeList) {
        this.nodeStart = nodeStart;
        this.nodeList = nodeList;
        this.edgeStart = edgeStart;
        this.edgeList = edgeList;
    }

    /** The components of nodes {@code 0..n-1} joined by edges {@code (u[i], v[i])}. */
    public static Components of(int n, int[] u, int[] v) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int e = 0; e < u.length; e++) {
            if (u[e] < 0 || u[e] >= n || v[e] < 0 || v[e] >= n) {
                throw new IllegalArgumentException("edge " + e + " (" + u[e] + ", " + v[e] + ") names a node outside 0.." + (n - 1));
            }
            int a = find(parent, u[e]), b = find(parent, v[e]);
            if (a != b) parent[Math.max(a, b)] = Math.min(a, b); // the root is the smallest node
        }
        int[] comp = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            comp[i] = r == i ? count++ : comp[r];
        }
        int[] nodeStart = new int[count + 1], edgeStart = new int[count + 1];
        for (int i = 0; i < n; i++) nodeStart[comp[i] + 1]++;
        for (int e = 0; e < u.length; e++) edgeStart[comp[u[e]] + 1]++;
        for (int k = 0; k < count; k++) { nodeStart[k + 1] += nodeStart[k]; edgeStart[k + 1] += edgeStart[k]; }
        int[] nodeList = new int[n], edgeList = new int[u.length];
        int[] fill = Arrays.copyOf(nodeStart, count);
        for (int i = 0; i < n; i++) nodeList[fill[comp[i]]++] = i;
        fill = Arrays.copyOf(edgeStart, count);
        for (int e = 0; e < u.length; e++) edgeList[fill[comp[u[e]]]++] = e;
        return new Components(nodeStart, nodeList, edgeStart, edgeList);
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
        return x;
    }

    public int count() { return nodeStart.length - 1; }

    /** The nodes of component {@code k}, ascending. */
    public int[] nodes(int k) { return Arrays.copyOfRange(nodeList, nodeStart[k], nodeStart[k + 1]); }

    /** The indexes of component {@code k}'s edges, ascending. */
    public int[] edges(int k) { return Arrays.copyOfRange(edgeList, edgeStart[k], edgeStart[k + 1]); }

    /** The component of every node. */
    public int[] labels() {
        int n = nodeList.length;
        int[] label = new int[n];
        for (int k = 0; k < count(); k++) for (int i = nodeStart[k]; i < nodeStart[k + 1]; i++) label[nodeList[i]] = k;
        return label;
    }
}
