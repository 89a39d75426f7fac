package org.storytrace.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Bytes from one thread to another in chunks: what one writes to {@link #out()} the other reads from {@link #in()},
 * with at most a few chunks in between. {@code java.io.PipedInputStream} was tried first and made the store's save
 * four times slower than writing alone (100k articles: 5.4 s against 1.3 s): it wakes a waiting side only once a
 * second unless the writer flushes, and never when the reader frees room. Closing the reading end makes the
 * writer's next write fail; closing the writing end is the reader's end of input.
 */
final class BytePipe {
    private static final int CHUNK = 1 << 16;
    private static final byte[] EOF = new byte[0];
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
    private volatile boolean readerClosed;

    private final OutputStream out = new OutputStream() {
        private byte[] buf = new byte[CHUNK];
        private int n;
        private boolean closed;

        @Override public void write(int b) throws IOException {
            if (n == buf.length) pass();
            buf[n++] = (byte) b;
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (n == buf.length) pass();
                int k = Math.min(len, buf.length - n);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
            }
        }

        private void pass() throws IOException {
            byte[] chunk = n == buf.length ? buf : Arrays.copyOf(buf, n);
            put(chunk);
            buf = new byte[CHUNK];
            n = 0;
        }

        @Override public void close() throws IOException {
            if (closed) return;
            closed = true;
            if (n > 0) pass();
            put(EOF);
        }
    };

    private final InputStream in = new InputStream() {
        private byte[] chunk = new byte[0];
        private int pos;
        private boolean ended;

        /** Whether a byte is ready, taking the next chunk if needed; false at the end of input. */
        private boolean ready() throws IOException {
            while (pos == chunk.length) {
                if (ended) return false;
                try {
                    chunk = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading a pipe");
                }
                pos = 0;
                if (chunk == EOF) ended = true;
            }
            return true;
        }

        @Override public int read() throws IOException {
            return ready() ? chunk[pos++] & 0xFF : -1;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (!ready()) return -1;
            int k = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, k);
            pos += k;
            return k;
        }

        @Override public void close() { closeReader(); }
    };

    /** What a write fails with once the reading end is closed. */
    static final class ReaderGone extends IOException {
        ReaderGone() { super("the reading end of the pipe was closed"); }
    }

    private void put(byte[] chunk) throws IOException {
        try {
            while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (readerClosed) throw new ReaderGone();
            }
            if (readerClosed) throw new ReaderGone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing a pipe");
        }
    }

    /** Closes the reading end (as {@code in().close()} does): the writer's next write fails with {@link ReaderGone}. */
    void closeReader() {
        readerClosed = true;
        chunks.clear(); // a writer waiting for room sees the reader gone
    }

    OutputStream out() { return out; }

    InputStream in() { return in; }
}
