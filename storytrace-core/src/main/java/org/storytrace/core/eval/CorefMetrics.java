package org.storytrace.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.storytrace.core.cluster.UnionFind;

/**
 * Coreference scores of a response partition of mentions against a key partition of the same mentions:
 * MUC (Vilain et al. 1995), B-cubed (Bagga and Baldwin 1998), entity-based CEAF with phi4 (Luo 2005), and
 * their mean, the CoNLL F1 (Pradhan et al. 2011, 2014). Mentions are numbered {@code 0..n-1}; each array
 * gives a mention's entity label, equal labels meaning one entity.
 */
public final class CorefMetrics {
    private CorefMetrics() {}

    /** Recall, precision and F1 of one metric. */
    public record Prf(double recall, double precision, double f1) {
        static Prf of(double r, double p) { return new Prf(r, p, r + p == 0 ? 0 : 2 * r * p / (r + p)); }
    }

    /** All three metrics and the CoNLL F1. */
    public record Scores(Prf muc, Prf bcubed, Prf ceafe, double conllF1) {}

    public static Scores score(int[] key, int[] response) {
        if (key.length != response.length) throw new IllegalArgumentException("key and response label different numbers of mentions");
        Prf muc = muc(key, response), b3 = bcubed(key, response), ceaf = ceafe(key, response);
        return new Scores(muc, b3, ceaf, (muc.f1() + b3.f1() + ceaf.f1()) / 3);
    }

    private static List<int[]> clusters(int[] labels) {
        Map<Integer, List<Integer>> by = new HashMap<>();
        for (int i = 0; i < labels.length; i++) by.computeIfAbsent(labels[i], x -> new ArrayList<>()).add(i);
        List<int[]> out = new ArrayList<>();
        for (List<Integer> c : by.values()) out.add(c.stream().mapToInt(Integer::intValue).toArray());
        out.sort((a, b) -> Integer.compare(a[0], b[0]));
        return out;
    }

    /** MUC: links kept, over the clusters of {@code a} split by {@code b}. */
    private static double mucRecall(int[] a, int[] b) {
        double num = 0, den = 0;
        for (int[] c : clusters(a)) {
            Set<Integer> parts = new HashSet<>();
            for (int m : c) parts.add(b[m]);
            num += c.length - parts.size();
            den += c.length - 1;
        }
        return den == 0 ? 0 : num / den;
    }

    public static Prf muc(int[] key, int[] response) { return Prf.of(mucRecall(key, response), mucRecall(response, key)); }

    public static Prf bcubed(int[] key, int[] response) {
        int n = key.length;
        if (n == 0) return Prf.of(0, 0);
        Map<Long, Integer> both = new HashMap<>();
        Map<Integer, Integer> k = new HashMap<>(), r = new HashMap<>();
        for (int i = 0; i < n; i++) {
            both.merge(((long) key[i] << 32) | (response[i] & 0xffffffffL), 1, Integer::sum);
            k.merge(key[i], 1, Integer::sum);
            r.merge(response[i], 1, Integer::sum);
        }
        double rec = 0, prec = 0;
        for (int i = 0; i < n; i++) {
            double common = both.get(((long) key[i] << 32) | (response[i] & 0xffffffffL));
            rec += common / k.get(key[i]);
            prec += common / r.get(response[i]);
        }
        return Prf.of(rec / n, prec / n);
    }

    /** Entity CEAF with phi4 = 2|K and R| / (|K| + |R|), the best one-to-one alignment of key and response entities. */
    public static Prf ceafe(int[] key, int[] response) {
        List<int[]> ks = clusters(key), rs = clusters(response);
        Map<Integer, Integer> kIndex = new HashMap<>(), rIndex = new HashMap<>();
        for (int i = 0; i < ks.size(); i++) kIndex.put(key[ks.get(i)[0]], i);
        for (int i = 0; i < rs.size(); i++) rIndex.put(response[rs.get(i)[0]], i);
        // overlaps, as a bipartite graph whose connected components are aligned one at a time
        Map<Long, Integer> overlap = new HashMap<>();
        for (int m = 0; m < key.length; m++) overlap.merge(((long) kIndex.get(key[m]) << 32) | rIndex.get(response[m]), 1, Integer::sum);
        int nk = ks.size(), nr = rs.size();
        UnionFind sets = new UnionFind(nk + nr);
        for (long e : overlap.keySet()) sets.union((int) (e >>> 32), nk + (int) e);
        Map<Integer, List<Integer>> comp = new HashMap<>();
        for (int i = 0; i < nk + nr; i++) comp.computeIfAbsent(sets.find(i), x -> new ArrayList<>()).add(i);
        double total = 0;
        for (List<Integer> c : comp.values()) {
            List<Integer> kk = new ArrayList<>(), rr = new ArrayList<>();
            for (int x : c) if (x < nk) kk.add(x); else rr.add(x - nk);
            if (kk.isEmpty() || rr.isEmpty()) continue;
            double[][] w = new double[kk.size()][rr.size()];
            for (int i = 0; i < kk.size(); i++) {
                for (int j = 0; j < rr.size(); j++) {
                    Integer o = overlap.get(((long) kk.get(i) << 32) | rr.get(j));
                    if (o != null) w[i][j] = 2.0 * o / (ks.get(kk.get(i)).length + rs.get(rr.get(j)).length);
                }
            }
            total += maxAssignment(w);
        }
        return Prf.of(nk == 0 ? 0 : total / nk, nr == 0 ? 0 : total / nr);
    }



    /** The largest total weight of a one-to-one assignment of rows to columns (Hungarian algorithm, O(n^3)). */
    static double maxAssignment(double[][] w) {
        int rows = w.length, cols = w[0].length, n = Math.max(rows, cols);
        double max = 0;
        for (double[] r : w) for (double x : r) max = Math.max(max, x);
        // minimise cost = max - weight over a square matrix padded with zero weights
        double[][] cost = new double[n + 1][n + 1];
        for (int i = 1; i <= n; i++) for (int j = 1; j <= n; j++) cost[i][j] = max - (i <= rows && j <= cols ? w[i - 1][j - 1] : 0);
        double[] u = new double[n + 1], v = new double[n + 1];
        int[] p = new int[n + 1], way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[n + 1];
            Arrays.fill(minv, Double.MAX_VALUE);
            boolean[] used = new boolean[n + 1];
            do {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                double delta = Double.MAX_VALUE;
                for (int j = 1; j <= n; j++) {
                    if (used[j]) continue;
                    double cur = cost[i0][j] - u[i0] - v[j];
                    if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
                    if (minv[j] < delta) { delta = minv[j]; j1 = j; }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) { u[p[j]] += delta; v[j] -= delta; } else minv[j] -= delta;
                }
                j0 = j1;
            } while (p[j0] != 0);
            do { int j1 = way[j0]; p[j0] = p[j1]; j0 = j1; } while (j0 != 0);
        }
        double total = 0;
        for (int j = 1; j <= n; j++) if (p[j] >= 1 && p[j] <= rows && j <= cols) total += w[p[j] - 1][j - 1];
        return total;
    }
}
