package org.storytrace.core.index.disk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A run of postings (a {@code short} rest and an {@code int} document each) in a memory-mapped file, in chunks of
 * {@code 2^chunkBits} postings: chunk {@code c} is the file's bytes {@code [c * 6 * 2^chunkBits, (c + 1) * 6 *
 * 2^chunkBits)}, its rests then its documents, in the machine's byte order. Each chunk is mapped once, when the run
 * grows into it (with 2^16 postings a chunk, a million articles make about 1,700 mappings over the sixteen files of
 * both candidate indexes; ten million, 17,000, within Linux's default limit of 65,530). The file is scratch: it is
 * created empty, and deleted on {@link #close}. Not thread-safe.
 *
 * <p>In its own package because {@code org.storytrace.core.index} has an {@code IntBuffer} of its own.
 */
public final class PostingsFile {
    private final Path file;
    private final int chunk, mask, bits;
    private final long chunkBytes;
    private FileChannel channel;
    private ShortBuffer[] rests = new ShortBuffer[0];
    private IntBuffer[] docs = new IntBuffer[0];
    private final short[] tmpRest;
    private final int[] tmpDoc;

    public PostingsFile(Path file, int chunkBits) {
        this.file = file;
        this.bits = chunkBits;
        this.chunk = 1 << chunkBits;
        this.mask = chunk - 1;
        this.chunkBytes = chunk * 6L;
        this.tmpRest = new short[chunk];
        this.tmpDoc = new int[chunk];
    }

    public short rest(int i) { return rests[i >>> bits].get(i & mask); }
    public int doc(int i) { return docs[i >>> bits].get(i & mask); }

    /** Heap bytes held: the buffers for moving postings and the chunk table. */
    public long heapBytes() { return chunk * 6L + docs.length * 64L; }

    /** Bytes mapped. */
    public long mappedBytes() { return docs.length * chunkBytes; }

    /** Maps chunks until the run can hold {@code total} postings. */
    public void ensureCapacity(int total) {
        int need = (int) (((long) total + chunk - 1) >>> bits);
        if (need <= docs.length) return;
        try {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            }
            int had = docs.length;
            rests = Arrays.copyOf(rests, need);
            docs = Arrays.copyOf(docs, need);
            for (int c = had; c < need; c++) {
                MappedByteBuffer b = channel.map(FileChannel.MapMode.READ_WRITE, c * chunkBytes, chunkBytes);
                rests[c] = b.slice(0, chunk * 2).order(ByteOrder.nativeOrder()).asShortBuffer();
                docs[c] = b.slice(chunk * 2, chunk * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot grow the index file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Moves {@code len} postings from {@code s} to {@code d}, each range within one chunk (they may overlap). */
    public void movePiece(int s, int d, int len) {
        int sc = s >>> bits, so = s & mask, dc = d >>> bits, dOff = d & mask;
        rests[sc].get(so, tmpRest, 0, len);
        docs[sc].get(so, tmpDoc, 0, len);
        rests[dc].put(dOff, tmpRest, 0, len);
        docs[dc].put(dOff, tmpDoc, 0, len);
    }

    /** Copies {@code len} postings of the run at {@code at} into the buffers ({@code out}) or back from them. */
    public void copy(int at, short[] bufRest, int[] bufDoc, int len, boolean out) {
        int done = 0;
        while (done < len) {
            int i = at + done, c = i >>> bits, o = i & mask;
            int piece = Math.min(len - done, chunk - o);
            if (out) {
                rests[c].get(o, bufRest, done, piece);
                docs[c].get(o, bufDoc, done, piece);
            } else {
                rests[c].put(o, bufRest, done, piece);
                docs[c].put(o, bufDoc, done, piece);
            }
            done += piece;
        }
    }

    /** Lets go of the mappings (their buffers become garbage) and deletes the file. */
    public void close() {
        rests = new ShortBuffer[0];
        docs = new IntBuffer[0];
        try {
            if (channel != null) channel.close();
            channel = null;
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the index file " + file + ": " + e.getMessage(), e);
        }
    }
}
