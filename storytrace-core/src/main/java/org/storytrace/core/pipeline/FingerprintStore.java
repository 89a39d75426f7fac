package org.storytrace.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The fingerprints the linker keeps for alignment (token hashes and offsets, signature, anchors): about
 * 12 KB an article, by far its largest data. In memory by default; {@link #onDisk} keeps them in an
 * append-only file instead (about 6.5 KB an article: offsets compressed, anchors left out), read back by
 * position when a candidate is verified, so the heap holds 8 bytes an article and the operating system's page
 * cache does the rest.
 * Reads are thread-safe; appends are not.
 */
public abstract class FingerprintStore implements AutoCloseable {
    /** Appends a fingerprint; returns its number (0, 1, 2, ...). */
    public abstract int add(Fingerprint f);

    /** The fingerprint numbered {@code i}. */
    public abstract Fingerprint get(int i);

    /** The MinHash signature of the {@code i}th fingerprint: what ranking candidates reads, without the rest of it. */
    public int[] signature(int i) { return get(i).signature(); }

    public abstract int size();

    /** Heap bytes held. */
    public abstract long memoryBytes();

    /** Bytes kept on disk (0 on the heap). */
    public long diskBytes() { return 0; }

    @Override public void close() { }

    /** Fingerprints on the heap. */
    public static FingerprintStore inMemory() { return new InMemory(); }

    /** Fingerprints in {@code file} (created or emptied), deleted on {@link #close}. */
    public static FingerprintStore onDisk(Path file) { return new OnDisk(file); }

    /**
     * Fingerprints kept as their signatures alone, in {@code file} (created or emptied, deleted on {@link #close}),
     * the rest made again when one is read: {@code rebuild} gives fingerprint {@code i}'s id, body length, token
     * hashes and offsets, exactly as they were when it was added (its signature and anchors are not read). A few
     * hundred bytes an article where {@link #onDisk} keeps about 6.4 KB; the caller must be able to rebuild a
     * fingerprint as soon as it is added (the engine stores a batch's documents before linking it). See
     * {@link SignaturesOnDisk}.
     */
    public static FingerprintStore signaturesOnDisk(Path file, IntFunction<Fingerprint> rebuild) {
        return new SignaturesOnDisk(file, rebuild);
    }

    /** Writes what {@code pending} holds at {@code at} of the store's file and empties it; returns the new end. */
    private static long drain(FileChannel channel, ByteBuffer pending, long at, Path file) {
        pending.flip();
        try {
            while (pending.hasRemaining()) at += channel.write(pending, at);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fingerprint store " + file + " (is the disk full?): " + e.getMessage(), e);
        }
        pending.clear();
        return at;
    }

    private static final class InMemory extends FingerprintStore {
        private final List<Fingerprint> list = new ArrayList<>();
        private long bytes;

        @Override public int add(Fingerprint f) {
            list.add(f);
            bytes += 64 + f.size() * 16L + f.signature().length * 4L + f.anchors().length * 8L;
            return list.size() - 1;
        }
        @Override public Fingerprint get(int i) { return list.get(i); }
        @Override public int size() { return list.size(); }
        @Override public long memoryBytes() { return bytes; }
    }

    /**
     * On disk, a fingerprint keeps what verification reads (token hashes and offsets, signature) and not its
     * anchors, which only indexing reads, before the fingerprint is stored: {@link #get} gives them empty. The
     * offsets are written as the gap before each token and its length, a byte or two each, not eight: at a
     * million articles the file went from about 11 GB to about 6.5 GB, and every verification reads a record back.
     */
    private static final class OnDisk extends FingerprintStore {
        private static final long[] NO_ANCHORS = new long[0];
        private final Path file;
        private final FileChannel channel;
        private long[] offsets = new long[1024];
        private int size;
        private long written;
        private ByteBuffer pending = ByteBuffer.allocate(1 << 20);
        private long pendingStart;
        /** The signatures' length: every fingerprint of a store has the same, written last in its record. */
        private int signatureLength = -1;

        OnDisk(Path file) {
            this.file = file;
            try {
                this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the fingerprint store " + file + ": " + e.getMessage(), e);
            }
        }

        @Override public synchronized int add(Fingerprint f) {
            byte[] id = f.id().getBytes(StandardCharsets.UTF_8);
            int n = f.size();
            // worst case: every offset difference a 5-byte varint
            int bytes = 4 + id.length + 4 + 4 + n * 8 + n * 10 + 4 + f.signature().length * 4;
            if (pending.remaining() < bytes) flush();
            if (pending.capacity() < bytes) pending = ByteBuffer.allocate(bytes);
            if (size == offsets.length) offsets = Arrays.copyOf(offsets, size * 2);
            offsets[size] = pendingStart + pending.position();
            pending.putInt(id.length).put(id).putInt(f.bodyChars()).putInt(n);
            // bulk copies through views: a putLong per token was most of the time an append took
            putLongs(f.tokens());
            // offsets as the gap before each token and its length, zig-zag varints: one or two bytes each
            int[] starts = f.starts(), ends = f.ends();
            int prevEnd = 0;
            for (int i = 0; i < n; i++) {
                putVarint(starts[i] - prevEnd);
                putVarint(ends[i] - starts[i]);
                prevEnd = ends[i];
            }
            pending.putInt(f.signature().length);
            putInts(f.signature());
            if (signatureLength < 0) signatureLength = f.signature().length;
            else if (signatureLength != f.signature().length) signatureLength = Integer.MAX_VALUE; // mixed: read whole records
            return size++;
        }

        private void putVarint(int v) {
            int z = (v << 1) ^ (v >> 31);
            while ((z & ~0x7f) != 0) {
                pending.put((byte) ((z & 0x7f) | 0x80));
                z >>>= 7;
            }
            pending.put((byte) z);
        }

        private static int getVarint(ByteBuffer b) {
            int z = 0, shift = 0;
            byte x;
            do {
                x = b.get();
                z |= (x & 0x7f) << shift;
                shift += 7;
            } while (x < 0);
            return (z >>> 1) ^ -(z & 1);
        }

        private void putLongs(long[] a) {
            pending.asLongBuffer().put(a);
            pending.position(pending.position() + a.length * 8);
        }

        private void putInts(int[] a) {
            pending.asIntBuffer().put(a);
            pending.position(pending.position() + a.length * 4);
        }

        private void flush() {
            written = drain(channel, pending, written, file);
            pendingStart = written;
        }

        @Override public Fingerprint get(int i) {
            long from, to;
            synchronized (this) {
                if (i < 0 || i >= size) throw new IndexOutOfBoundsException("fingerprint " + i + " of " + size);
                from = offsets[i];
                to = i + 1 < size ? offsets[i + 1] : pendingStart + pending.position();
                if (to > pendingStart) flush(); // still in the write buffer
            }
            try {
                // the whole record in one read, then bulk copies out of it
                ByteBuffer b = ByteBuffer.allocate((int) (to - from));
                readFully(b, from);
                b.flip();
                byte[] id = new byte[b.getInt()];
                b.get(id);
                int bodyChars = b.getInt(), n = b.getInt();
                long[] tokens = new long[n];
                int[] starts = new int[n], ends = new int[n];
                getLongs(b, tokens);
                int prevEnd = 0;
                for (int k = 0; k < n; k++) {
                    starts[k] = prevEnd + getVarint(b);
                    ends[k] = starts[k] + getVarint(b);
                    prevEnd = ends[k];
                }
                int[] signature = new int[b.getInt()];
                getInts(b, signature);
                return new Fingerprint(new String(id, StandardCharsets.UTF_8), bodyChars, tokens, starts, ends, signature, NO_ANCHORS);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read fingerprint " + i + " from " + file + ": " + e.getMessage(), e);
            }
        }

        /** The signature alone, from the end of its record (a sixth of a kilobyte where the record is several). */
        @Override public int[] signature(int i) {
            long to;
            int length;
            synchronized (this) {
                if (i < 0 || i >= size) throw new IndexOutOfBoundsException("fingerprint " + i + " of " + size);
                length = signatureLength;
                if (length == Integer.MAX_VALUE) return get(i).signature();
                to = i + 1 < size ? offsets[i + 1] : pendingStart + pending.position();
                if (to > pendingStart) flush(); // still in the write buffer
            }
            try {
                ByteBuffer b = ByteBuffer.allocate(length * 4);
                readFully(b, to - length * 4L);
                b.flip();
                int[] signature = new int[length];
                b.asIntBuffer().get(signature);
                return signature;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read fingerprint " + i + " from " + file + ": " + e.getMessage(), e);
            }
        }

        private static void getLongs(ByteBuffer b, long[] a) {
            b.asLongBuffer().get(a);
            b.position(b.position() + a.length * 8);
        }

        private static void getInts(ByteBuffer b, int[] a) {
            b.asIntBuffer().get(a);
            b.position(b.position() + a.length * 4);
        }

        private void readFully(ByteBuffer b, long at) throws IOException {
            while (b.hasRemaining()) {
                int r = channel.read(b, at);
                if (r < 0) throw new IOException("the store ends early at byte " + at);
                at += r;
            }
        }

        @Override public int size() { return size; }
        @Override public long memoryBytes() { return offsets.length * 8L + pending.capacity(); }
        @Override public synchronized long diskBytes() { return written + pending.position(); }

        @Override public void close() {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the fingerprint store " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Signatures in fixed-length records, everything else made again from the article by the caller. Why (session
     * 22): at ten million articles the token hashes and offsets {@link OnDisk} keeps would be 64 GB, a copy of what the
     * engine's document file holds anyway (the text they are made from), on a disk that has to hold the documents,
     * the indexes and the output as well; verification reads a fingerprint for each candidate pair, a few an article,
     * and tokenising a stored text again costs about what reading its 6 KB record did.
     */
    private static final class SignaturesOnDisk extends FingerprintStore {
        private static final long[] NO_ANCHORS = new long[0];
        private final Path file;
        private final FileChannel channel;
        private final IntFunction<Fingerprint> rebuild;
        private ByteBuffer pending = ByteBuffer.allocate(1 << 18);
        private long written;
        private int size;
        /** Ints a signature; every fingerprint of a store has the same, set by the first. */
        private int length = -1;

        SignaturesOnDisk(Path file, IntFunction<Fingerprint> rebuild) {
            if (rebuild == null) throw new IllegalArgumentException("a store of signatures needs a way to rebuild the rest");
            this.file = file;
            this.rebuild = rebuild;
            try {
                this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the signature store " + file + ": " + e.getMessage(), e);
            }
        }

        @Override public synchronized int add(Fingerprint f) {
            int[] sig = f.signature();
            if (length < 0) length = sig.length;
            else if (sig.length != length) {
                throw new IllegalArgumentException("fingerprint " + f.id() + " has a signature of " + sig.length + " values, not "
                        + length);
            }
            if (pending.remaining() < length * 4) flush();
            if (pending.capacity() < length * 4) pending = ByteBuffer.allocate(length * 4);
            pending.asIntBuffer().put(sig);
            pending.position(pending.position() + length * 4);
            return size++;
        }

        private void flush() {
            written = drain(channel, pending, written, file);
        }

        @Override public Fingerprint get(int i) {
            int[] signature = signature(i);
            Fingerprint f = rebuild.apply(i);
            return new Fingerprint(f.id(), f.bodyChars(), f.tokens(), f.starts(), f.ends(), signature, NO_ANCHORS);
        }

        @Override public int[] signature(int i) {
            long at;
            int n;
            synchronized (this) {
                if (i < 0 || i >= size) throw new IndexOutOfBoundsException("fingerprint " + i + " of " + size);
                n = length;
                at = (long) i * n * 4;
                if (at + n * 4L > written) flush(); // still in the write buffer
            }
            try {
                ByteBuffer b = ByteBuffer.allocate(n * 4);
                while (b.hasRemaining()) {
                    int r = channel.read(b, at + b.position());
                    if (r < 0) throw new IOException("the store ends early at byte " + (at + b.position()));
                }
                b.flip();
                int[] signature = new int[n];
                b.asIntBuffer().get(signature);
                return signature;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read signature " + i + " from " + file + ": " + e.getMessage(), e);
            }
        }

        @Override public synchronized int size() { return size; }
        @Override public long memoryBytes() { return pending.capacity(); }
        @Override public synchronized long diskBytes() { return written + pending.position(); }

        @Override public synchronized void close() {
            try {
                channel.close();
                Files.deleteIfExists(file);
                written = 0; // nothing is left on disk (diskBytes)
                pending.clear();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the signature store " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
