package org.storytrace.core.cluster;

import java.util.Arrays;

/**
 * An open-addressing map from non-negative int keys to double values (linear probing, deletion by
 * backward shift, so no tombstones pile up). The adjacency of one cluster in {@link AverageLinkage}:
 * boxed maps cost several times the memory and most of the time there. Not thread-safe.
 */
final class IntDoubleMap {
    private static final int EMPTY = -1;
    private int[] keys;
    private double[] vals;
    private int size;

    IntDoubleMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new int[cap];
        vals = new double[cap];
        Arrays.fill(keys, EMPTY);
    }

    int size() { return size; }

    /** Adds {@code v} to the value of {@code k} (absent counts as 0). */
    void add(int k, double v) {
        int mask = keys.length - 1;
        int i = mix(k) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == k) { vals[i] += v; return; }
            i = (i + 1) & mask;
        }
        keys[i] = k;
        vals[i] = v;
        if (++size * 2 > keys.length) grow();
    }

    /** Removes {@code k}; returns its value, or NaN when it was absent. */
    double remove(int k) {
        int mask = keys.length - 1;
        int i = mix(k) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == k) {
                double v = vals[i];
                shiftBack(i);
                size--;
                return v;
            }
            i = (i + 1) & mask;
        }
        return Double.NaN;
    }

    /** Calls {@code f} for every entry, in slot order. The map must not change meanwhile. */
    void forEach(Entry f) {
        for (int i = 0; i < keys.length; i++) if (keys[i] != EMPTY) f.accept(keys[i], vals[i]);
    }

    void clear() {
        keys = new int[4];
        vals = new double[4];
        Arrays.fill(keys, EMPTY);
        size = 0;
    }

    interface Entry { void accept(int key, double value); }

    private void shiftBack(int hole) {
        int mask = keys.length - 1;
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            if (keys[i] == EMPTY) break;
            int home = mix(keys[i]) & mask;
            // move the entry at i into the hole when its home is not in (hole, i]
            boolean between = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
            if (!between) {
                keys[hole] = keys[i];
                vals[hole] = vals[i];
                hole = i;
            }
        }
        keys[hole] = EMPTY;
        vals[hole] = 0;
    }

    private void grow() {
        int[] ok = keys;
        double[] ov = vals;
        keys = new int[ok.length * 2];
        vals = new double[ok.length * 2];
        Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] == EMPTY) continue;
            int i = mix(ok[j]) & mask;
            while (keys[i] != EMPTY) i = (i + 1) & mask;
            keys[i] = ok[j];
            vals[i] = ov[j];
        }
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
