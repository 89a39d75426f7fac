package org.storytrace.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * An append-only file of byte records read back by number: what the engine keeps on disk so the heap
 * holds 8 bytes a record (its offset) while the operating system's page cache holds the rest. Appends
 * are buffered and must come from one thread; reads are thread-safe and see every append. Deleted on
 * {@link #close}.
 */
public final class RecordFile implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private long[] offsets = new long[1024];
    private int size;
    private long written;
    private ByteBuffer pending = ByteBuffer.allocate(1 << 20);
    private long pendingStart;

    public RecordFile(Path file) {
        this.file = file;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends a record; returns its number. */
    public synchronized int append(byte[] record) {
        int bytes = 4 + record.length;
        if (pending.remaining() < bytes) flush();
        if (pending.capacity() < bytes) pending = ByteBuffer.allocate(bytes);
        if (size == offsets.length) offsets = Arrays.copyOf(offsets, size * 2);
        offsets[size] = pendingStart + pending.position();
        pending.putInt(record.length).put(record);
        return size++;
    }

    private void flush() {
        pending.flip();
        try {
            while (pending.hasRemaining()) written += channel.write(pending, written);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the work file " + file + " (is the disk full?): " + e.getMessage(), e);
        }
        pending.clear();
        pendingStart = written;
    }

    /**
     * What {@link #map} mapped: the segments, the offsets of the records it covers (an array whose first {@code count}
     * entries never change: appends write past them, and a grown array is a copy), so that those records are read
     * without the lock.
     */
    private record Mapped(MappedByteBuffer[] segments, long[] offsets, int count) {}

    private volatile Mapped mapped;
    private static final long SEGMENT = 1L << 30;

    /**
     * Maps what was written so far into memory, so reads of those records cost a copy rather than a system
     * call, and {@link #view} none: for files read many times over (profiles scored pair by pair). Later appends
     * are read as before.
     */
    public synchronized void map() {
        flush();
        try {
            int k = (int) ((written + SEGMENT - 1) / SEGMENT);
            MappedByteBuffer[] m = new MappedByteBuffer[k];
            for (int j = 0; j < k; j++) {
                long from = j * SEGMENT;
                m[j] = channel.map(FileChannel.MapMode.READ_ONLY, from, Math.min(SEGMENT, written - from));
            }
            mapped = new Mapped(m, offsets, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map the work file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Record {@code i} read in place: a read-only view of its bytes in the mapping (index 0 to its length), or null
     * when it is not mapped ({@link #map} not called, the record appended after it, or lying across two of the
     * mapping's 1 GB segments). No copy, no lock. The view is valid until {@link #close}.
     */
    public ByteBuffer view(int i) {
        Mapped m = mapped;
        if (m == null || i < 0 || i >= m.count()) return null;
        long from = m.offsets()[i];
        MappedByteBuffer b = m.segments()[(int) (from / SEGMENT)];
        int at = (int) (from % SEGMENT);
        if (at + 4 > b.limit()) return null;
        int len = b.getInt(at);
        if (len < 0 || at + 4L + len > b.limit()) return null;
        return b.slice(at + 4, len);
    }

    /** The record numbered {@code i}. */
    public byte[] read(int i) {
        ByteBuffer v = view(i);
        if (v != null) {
            byte[] out = new byte[v.remaining()];
            v.get(0, out);
            return out;
        }
        long from, next;
        synchronized (this) {
            if (i < 0 || i >= size) throw new IndexOutOfBoundsException("record " + i + " of " + size);
            from = offsets[i];
            if (from >= pendingStart) flush(); // still in the write buffer
            // where the next record starts (or the data ends) gives the length, so the body is read in one call
            next = i + 1 < size ? offsets[i + 1] : pendingStart + pending.position();
        }
        try {
            // one read a record, not one for its length and one for its body: a million-article run reads its outlines, terms
            // and texts back a few million times (session 26)
            long len = next - from - 4;
            if (len < 0 || len > Integer.MAX_VALUE - 8) throw new IOException("record " + i + " has a bad length " + len);
            ByteBuffer body = ByteBuffer.allocate((int) len);
            readFully(body, from + 4);
            return body.array();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read record " + i + " from the work file " + file + ": " + e.getMessage(), e);
        }
    }

    private void readFully(ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            int r = channel.read(b, at);
            if (r < 0) throw new IOException("the file ends early at byte " + at);
            at += r;
        }
    }

    public synchronized int size() { return size; }

    /** Bytes on disk (and in the write buffer). */
    public synchronized long bytes() { return written + pending.position(); }

    /** Heap bytes held: the offsets and the write buffer. */
    public synchronized long memoryBytes() { return offsets.length * 8L + pending.capacity(); }

    @Override public synchronized void close() {
        // the mapping goes with the file (its pages, and the deleted file's disk space, once the buffers are collected)
        mapped = null;
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the work file " + file + ": " + e.getMessage(), e);
        }
    }
}
