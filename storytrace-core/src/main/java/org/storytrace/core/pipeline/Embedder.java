package org.storytrace.core.pipeline;

/**
 * Turns text into a unit-length vector whose dot product with another approximates how alike their
 * meanings are. Implementations must be thread-safe and deterministic.
 */
public interface Embedder {
    /** The unit-length embedding of {@code text}. */
    float[] embed(String text);

    /** Dimensions of every vector {@link #embed} returns. */
    int dimensions();

    /** A short description of the model and its settings, for provenance. */
    String describe();

    static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
