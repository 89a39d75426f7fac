package org.storytrace.core.index;


/**
 * An open-addressing map from long keys to int values (linear probing), for dictionaries of hashed terms
 * where boxed maps would cost most of the time and memory. No removal. Not thread-safe.
 */
public final class LongIntMap {
    private long[] keys;
    private int[] vals;
    private boolean hasZero;
    private int zeroVal;
    private int size;

    public LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
        keys = new long[cap];
        vals = new int[cap];
    }

    public int size() { return size; }

    /** The value of {@code k}, or {@code missing} when absent. */
    public int get(long k, int missing) {
        if (k == 0) return hasZero ? zeroVal : missing;
        int mask = keys.length - 1;
        int i = mix(k) & mask;
        while (true) {
            long x = keys[i];
            if (x == k) return vals[i];
            if (x == 0) return missing;
            i = (i + 1) & mask;
        }
    }

    /** The value of {@code k}; when absent, stores and returns {@code ifAbsent}. */
    public int putIfAbsent(long k, int ifAbsent) {
        if (k == 0) {
            if (!hasZero) { hasZero = true; zeroVal = ifAbsent; size++; }
            return zeroVal;
        }
        int mask = keys.length - 1;
        int i = mix(k) & mask;
        while (true) {
            long x = keys[i];
            if (x == k) return vals[i];
            if (x == 0) {
                keys[i] = k;
                vals[i] = ifAbsent;
                if (++size * 2 > keys.length) grow();
                return ifAbsent;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Adds {@code delta} to the value of {@code k} (absent: 0), in one probe: for counts kept as the values themselves,
     * where a map of numbers to a counts array costs a second dependent miss a look-up.
     */
    public void addTo(long k, int delta) {
        if (k == 0) {
            if (!hasZero) { hasZero = true; zeroVal = 0; size++; }
            zeroVal += delta;
            return;
        }
        int mask = keys.length - 1;
        int i = mix(k) & mask;
        while (true) {
            long x = keys[i];
            if (x == k) { vals[i] += delta; return; }
            if (x == 0) {
                keys[i] = k;
                vals[i] = delta;
                if (++size * 2 > keys.length) grow();
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Heap bytes held by the arrays. */
    public long memoryBytes() { return keys.length * 12L; }

    private void grow() {
        long[] ok = keys;
        int[] ov = vals;
        keys = new long[ok.length * 2];
        vals = new int[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] == 0) continue;
            int i = mix(ok[j]) & mask;
            while (keys[i] != 0) i = (i + 1) & mask;
            keys[i] = ok[j];
            vals[i] = ov[j];
        }
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }


}
