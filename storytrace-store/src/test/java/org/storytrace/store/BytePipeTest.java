package org.storytrace.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BytePipeTest {
    @Test
    void whatOneThreadWritesTheOtherReadsWholeAndInOrder() throws Exception {
        byte[] data = new byte[3_000_017]; // many chunks and a partial one, more than the pipe holds at once
        new Random(7).nextBytes(data);
        BytePipe pipe = new BytePipe();
        Thread writer = new Thread(() -> {
            try (OutputStream out = pipe.out()) {
                int off = 0, step = 1;
                while (off < data.length) { // single bytes and runs of every size
                    int n = Math.min(step, data.length - off);
                    if (n == 1) out.write(data[off]);
                    else out.write(data, off, n);
                    off += n;
                    step = step * 3 % 70_001 + 1;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = pipe.in()) {
            byte[] buf = new byte[5_000];
            int n;
            while ((n = in.read(buf)) >= 0) got.write(buf, 0, n);
            assertEquals(-1, in.read(), "the end of input stays the end");
        }
        writer.join();
        assertArrayEquals(data, got.toByteArray());
    }

    @Test
    void aWriterStopsWithAnErrorOnceTheReaderHasClosed() throws Exception {
        BytePipe pipe = new BytePipe();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (OutputStream out = pipe.out()) {
                byte[] block = new byte[1 << 16];
                for (int i = 0; i < 10_000; i++) out.write(block); // far more than the pipe holds
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        writer.start();
        InputStream in = pipe.in();
        assertTrue(in.read(new byte[100]) > 0);
        in.close();
        writer.join(10_000);
        assertTrue(!writer.isAlive(), "the writer did not hang on a pipe nobody reads");
        assertInstanceOf(BytePipe.ReaderGone.class, failed.get());
    }
}
