package org.storytrace.ingest.read;

import java.io.IOException;
import java.io.InputStream;

/** Reads at most a bounded number of bytes, so that one document can never exhaust memory. */
public final class Limits {
    private Limits() {}

    /** Thrown when a document is larger than its budget. */
    public static final class TooLarge extends IOException {
        public TooLarge(long limit) { super("larger than the limit of " + limit + " bytes (see --max-bytes)"); }
    }

    /** All bytes of {@code in} if there are at most {@code max}; otherwise {@link TooLarge}. */
    public static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
        if (b.length > max) throw new TooLarge(max);
        return b;
    }
}
