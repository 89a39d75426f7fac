package org.storytrace.core.pipeline;

import java.io.Serializable;

/**
 * What the fast tier keeps of one article: its body's token hashes and offsets (for alignment), its
 * MinHash signature (for LSH) and its anchors (for partial-reuse candidates). Arrays are not copied:
 * treat them as read-only.
 */
public record Fingerprint(String id, int bodyChars, long[] tokens, int[] starts, int[] ends, int[] signature,
        long[] anchors) implements Serializable {
    public Fingerprint {
        if (tokens.length != starts.length || tokens.length != ends.length) {
            throw new IllegalArgumentException("fingerprint " + id + ": token arrays differ in length");
        }
    }
    public int size() { return tokens.length; }
}
