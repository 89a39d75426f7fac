package org.storytrace.core.eval;

import java.util.HashMap;
import java.util.Map;

/** Agreement between a clustering and reference labels: normalised mutual information and adjusted Rand index. */
public final class ClusterMetrics {
    private ClusterMetrics() {}

    private static void check(int[] a, int[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("label arrays differ in length: " + a.length + " vs " + b.length);
    }

    /** NMI with the arithmetic-mean normalisation (as scikit-learn's default). */
    public static double nmi(int[] truth, int[] pred) {
        check(truth, pred);
        int n = truth.length;
        if (n == 0) return 1;
        Map<Integer, Integer> ct = count(truth), cp = count(pred);
        Map<Long, Integer> joint = new HashMap<>();
        for (int i = 0; i < n; i++) joint.merge(((long) truth[i] << 32) | (pred[i] & 0xffffffffL), 1, Integer::sum);
        double mi = 0;
        for (Map.Entry<Long, Integer> e : joint.entrySet()) {
            int t = (int) (e.getKey() >>> 32), p = (int) (long) e.getKey();
            double nij = e.getValue();
            mi += nij / n * Math.log(n * nij / ((double) ct.get(t) * cp.get(p)));
        }
        double ht = entropy(ct, n), hp = entropy(cp, n);
        if (ht == 0 && hp == 0) return 1;
        double denom = (ht + hp) / 2;
        return denom == 0 ? 0 : mi / denom;
    }

    /** Adjusted Rand index (Hubert and Arabie). */
    public static double ari(int[] truth, int[] pred) {
        check(truth, pred);
        int n = truth.length;
        Map<Long, Integer> joint = new HashMap<>();
        for (int i = 0; i < n; i++) joint.merge(((long) truth[i] << 32) | (pred[i] & 0xffffffffL), 1, Integer::sum);
        double sumJoint = 0, sumT = 0, sumP = 0;
        for (int v : joint.values()) sumJoint += comb2(v);
        for (int v : count(truth).values()) sumT += comb2(v);
        for (int v : count(pred).values()) sumP += comb2(v);
        double expected = sumT * sumP / comb2(n);
        double max = (sumT + sumP) / 2;
        if (max == expected) return 1;
        return (sumJoint - expected) / (max - expected);
    }

    private static double comb2(long x) { return x * (x - 1) / 2.0; }

    private static Map<Integer, Integer> count(int[] a) {
        Map<Integer, Integer> m = new HashMap<>();
        for (int x : a) m.merge(x, 1, Integer::sum);
        return m;
    }

    private static double entropy(Map<Integer, Integer> c, int n) {
        double h = 0;
        for (int v : c.values()) { double p = (double) v / n; h -= p * Math.log(p); }
        return h;
    }
}
