package org.storytrace.engine.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Records deflated for the engine's work files: the stored length, then the raw deflate stream at the fastest
 * level. Why (session 22): the document file is the largest thing a run keeps on disk (4.2 KB an article, most of
 * it news text, which level 1 halves), and at ten million articles the work folder has to fit beside the output on
 * a laptop's disk; a record costs tens of microseconds to pack, on the threads that prepare a batch, and less to
 * unpack. Since session 23 the engine packs only past a budget of its work folder's free space ({@link #stored} keeps a
 * record as it is before that): at a million articles packing cost ~40 s of the command's wall time, for disk that
 * such a run does not need. Thread-safe (one deflater and one inflater a thread).
 */
public final class Packed {
    private Packed() {}

    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));

    /** {@code raw} packed. */
    public static byte[] pack(byte[] raw) {
        Deflater d = DEFLATER.get();
        d.reset();
        d.setInput(raw);
        d.finish();
        // deflate never grows a record by more than a few bytes a 16 KB block
        byte[] out = new byte[4 + raw.length + raw.length / 1000 + 64];
        ByteBuffer.wrap(out).putInt(raw.length);
        int n = 4;
        while (!d.finished()) {
            if (n == out.length) out = Arrays.copyOf(out, out.length * 2);
            n += d.deflate(out, n, out.length - n);
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * {@code raw} as a record {@link #unpack} reads without inflating: a negative length ({@code -1 - raw.length}), then
     * the bytes as they are. For runs whose work folder has room: packing costs ~80 us a 4 KB document here (zlib at
     * its fastest level does ~40-50 MB/s on this machine), about 40 s of a million-article run's wall time on 2 cores.
     */
    public static byte[] stored(byte[] raw) {
        byte[] out = new byte[4 + raw.length];
        ByteBuffer.wrap(out).putInt(-1 - raw.length);
        System.arraycopy(raw, 0, out, 4, raw.length);
        return out;
    }

    /** The bytes {@link #pack} packed, or {@link #stored} kept. */
    public static byte[] unpack(byte[] packed) {
        int length = ByteBuffer.wrap(packed).getInt();
        if (length < 0) {
            if (packed.length != 3 - length) throw new IllegalStateException("a stored record holds " + (packed.length - 4)
                    + " bytes, not " + (-1 - length));
            return Arrays.copyOfRange(packed, 4, packed.length);
        }
        byte[] out = new byte[length];
        Inflater in = INFLATER.get();
        in.reset();
        in.setInput(packed, 4, packed.length - 4);
        try {
            int n = 0;
            while (n < length) {
                int r = in.inflate(out, n, length - n);
                if (r == 0 && (in.finished() || in.needsInput())) break;
                n += r;
            }
            if (n != length) throw new IllegalStateException("a packed record holds " + n + " bytes, not " + length);
            return out;
        } catch (DataFormatException e) {
            throw new IllegalStateException("a packed record cannot be unpacked: " + e.getMessage(), e);
        }
    }
}
