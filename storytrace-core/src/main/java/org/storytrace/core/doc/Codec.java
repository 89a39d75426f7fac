package org.storytrace.core.doc;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * How a layer's value is written to the engine's document store and read back, so a layer made once per
 * article outlives the article's stay in memory (story-level stages and the outputs read it back). A
 * layer without a codec lives only while its document passes through the article stages.
 */
public interface Codec<T> {
    void write(T value, DataOutput out) throws IOException;

    T read(DataInput in) throws IOException;

    /** Writes an int array as its length and values. */
    static void writeInts(int[] a, DataOutput out) throws IOException {
        out.writeInt(a.length);
        for (int x : a) out.writeInt(x);
    }

    /** Writes a string of any length, or null, as its UTF-8 byte count (-1 for null) and bytes ({@code writeUTF} stops at 64 KB). */
    static void writeString(String s, DataOutput out) throws IOException {
        if (s == null) { out.writeInt(-1); return; }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * The date {@link LocalDate#toString} wrote (every stored date is one): {@code yyyy-mm-dd} read digit by digit,
     * anything else by {@link LocalDate#parse}, which refuses what it refuses. The formatter behind {@code parse} showed
     * in the samples of a run's write phase, where every article's date is read back (session 27).
     */
    static LocalDate date(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4), m = digits(s, 5, 7), d = digits(s, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) return LocalDate.of(y, m, d);
        }
        return LocalDate.parse(s);
    }

    /** The number written in {@code s[from, to)}, or -1 when a character is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static int[] readInts(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) throw new IOException("negative array length " + n);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = in.readInt();
        return a;
    }
}
