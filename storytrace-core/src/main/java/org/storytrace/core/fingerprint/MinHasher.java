package org.storytrace.core.fingerprint;

import java.util.Arrays;
import org.storytrace.core.text.Tokens;

/**
 * Word-shingle MinHash by one-permutation hashing with densification (Shrivastava and Li, 2014).
 *
 * <p>Classic MinHash computes {@code k} hash functions per shingle; one-permutation hashing computes one,
 * uses its top bits to pick one of {@code k} bins and keeps the minimum of the rest per bin, which costs a
 * single multiply per shingle instead of {@code k}. Bins that no shingle fell into are filled from the next
 * non-empty bin to their right with an offset per step ("rotation"), which keeps the estimator unbiased for
 * short texts. The fraction of equal slots of two signatures estimates the Jaccard similarity of their
 * shingle sets.
 *
 * <p>Immutable and thread-safe; the per-call scratch space is a local array.
 */
public final class MinHasher {
    /** Offset added per step of densification, so a borrowed value differs from its source bin's. */
    private static final int ROTATION = 0x2f0b3e35;
    private final int numHashes;
    private final int shingle;
    private final int binBits;

    /**
     * @param numHashes slots per signature, a power of two between 16 and 1024
     * @param shingle   words per shingle, 1 to 8
     */
    public MinHasher(int numHashes, int shingle) {
        if (numHashes < 16 || numHashes > 1024 || Integer.bitCount(numHashes) != 1) {
            throw new IllegalArgumentException("numHashes must be a power of two in [16, 1024], was " + numHashes);
        }
        if (shingle < 1 || shingle > 8) throw new IllegalArgumentException("shingle must be in [1, 8], was " + shingle);
        this.numHashes = numHashes;
        this.shingle = shingle;
        this.binBits = Integer.numberOfTrailingZeros(numHashes);
    }

    public int numHashes() { return numHashes; }
    public int shingle() { return shingle; }

    /** The hash of the shingle that starts at token {@code i}; callers guarantee {@code i + shingle <= n}. */
    public static long shingleHash(long[] tokenHashes, int i, int k) {
        long h = tokenHashes[i];
        for (int j = 1; j < k; j++) h = Long.rotateLeft(h, 21) ^ tokenHashes[i + j] * 0x9e3779b97f4a7c15L;
        return Tokens.mix(h);
    }

    /** The signature of a token sequence; a text shorter than one shingle is hashed as one shingle. */
    public int[] signature(long[] tokenHashes, int n) {
        long[] mins = new long[numHashes];
        Arrays.fill(mins, Long.MAX_VALUE);
        int k = Math.min(shingle, Math.max(1, n));
        int count = n == 0 ? 0 : n - k + 1;
        int shift = 64 - binBits;
        long low = (1L << shift) - 1;
        for (int i = 0; i < count; i++) {
            long h = shingleHash(tokenHashes, i, k);
            int bin = (int) (h >>> shift);
            long v = h & low;
            if (v < mins[bin]) mins[bin] = v;
        }
        int[] sig = new int[numHashes];
        if (count == 0) return sig; // empty text: all-zero signature, similar only to other empty texts
        for (int b = 0; b < numHashes; b++) {
            if (mins[b] != Long.MAX_VALUE) {
                sig[b] = (int) (mins[b] ^ (mins[b] >>> 32));
                continue;
            }
            int step = 1;
            int j = (b + 1) & (numHashes - 1);
            while (mins[j] == Long.MAX_VALUE) { j = (j + 1) & (numHashes - 1); step++; }
            sig[b] = (int) (mins[j] ^ (mins[j] >>> 32)) + step * ROTATION;
        }
        return sig;
    }

    /** The fraction of equal slots: an estimate of the Jaccard similarity of the two shingle sets. */
    public static double similarity(int[] a, int[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("signatures differ in length: " + a.length + " vs " + b.length);
        int eq = 0;
        for (int i = 0; i < a.length; i++) if (a[i] == b[i]) eq++;
        return (double) eq / a.length;
    }
}
