package org.storytrace.ingest.read;

/**
 * Formats known by their first bytes. One comparison for every reader that sniffs a file (gzip, xz, ZIP, Parquet, WARC,
 * the known binaries), where each had written its own byte-by-byte check.
 */
public final class Magic {
    private Magic() { }

    /** Whether {@code head} begins with {@code magic}, each character of which stands for one byte (0-255). */
    public static boolean startsWith(byte[] head, String magic) {
        if (head.length < magic.length()) return false;
        for (int i = 0; i < magic.length(); i++) if ((head[i] & 0xff) != magic.charAt(i)) return false;
        return true;
    }
}
