package org.storytrace.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The fingerprints the linker keeps for alignment (token hashes and offsets, signature, anchors): about
 * 12 KB an article, by far its largest data. In memory by default (the Spark job's linkers, tests); the engine
 * keeps {@link #signaturesOnDisk} instead: 512 bytes an article on disk, the rest made again from the article's
 * stored text when a candidate is verified. (Until session 23 a third store kept whole fingerprints in a file,
 * about 6.4 KB an article; nothing used it once the engine kept signatures alone.)
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

    /**
     * Fingerprints kept as their signatures alone, in {@code file} (created or emptied, deleted on {@link #close}),
     * the rest made again when one is read: {@code rebuild} gives fingerprint {@code i}'s id, body length, token
     * hashes and offsets, exactly as they were when it was added (its signature and anchors are not read). A few
     * hundred bytes an article where whole fingerprints take about 6.4 KB; the caller must be able to rebuild a
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
     * Signatures in fixed-length records, everything else made again from the article by the caller. Why (session
     * 22): at ten million articles whole fingerprints on disk (token hashes and offsets) would be 64 GB, a copy of what the
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
            Fingerprint f = rebuilt(i);
            return new Fingerprint(f.id(), f.bodyChars(), f.tokens(), f.starts(), f.ends(), signature, NO_ANCHORS);
        }

        /** A fingerprint made again by {@code rebuild}, from the few made last when it is one of them. */
        private Fingerprint rebuilt(int i) {
            int slot = i & (REBUILT - 1);
            Rebuilt r = rebuilt[slot];
            if (r != null && r.number() == i) return r.fingerprint();
            Fingerprint f = rebuild.apply(i);
            rebuilt[slot] = new Rebuilt(i, f); // a record: its fields are seen whole by any thread that sees it
            return f;
        }

        /**
         * Fingerprints made again lately, by article number (direct-mapped): an article reprinted by many later ones is
         * verified against each of them, and a link judged for common talk reads its pair again. About 10 KB an entry.
         */
        private static final int REBUILT = 256;
        private final Rebuilt[] rebuilt = new Rebuilt[REBUILT];

        private record Rebuilt(int number, Fingerprint fingerprint) {}

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
