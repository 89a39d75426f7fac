package org.storytrace.engine.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFileTest {
    @Test
    void everyRecordReadsBackAsAppendedWhetherBufferedWrittenOrMapped(@TempDir Path dir) {
        Random r = new Random(26);
        List<byte[]> given = new ArrayList<>();
        try (RecordFile f = new RecordFile(dir.resolve("records.bin"))) {
            for (int k = 0; k < 3_000; k++) {
                // empty records, small ones, and now and then one larger than the 1 MB write buffer
                int len = k % 997 == 0 ? (1 << 20) + r.nextInt(5_000) : k % 7 == 0 ? 0 : r.nextInt(3_000);
                byte[] b = new byte[len];
                r.nextBytes(b);
                assertEquals(k, f.append(b));
                given.add(b);
                // the newest record (still in the buffer) and an older one (on disk) read back between appends
                if (k % 13 == 0) assertArrayEquals(b, f.read(k), "record " + k + " just appended");
                if (k % 17 == 0) {
                    int old = r.nextInt(k + 1);
                    assertArrayEquals(given.get(old), f.read(old), "record " + old + " after " + k);
                }
                if (k == 2_000) f.map();
            }
            for (int k = given.size() - 1; k >= 0; k--) assertArrayEquals(given.get(k), f.read(k), "record " + k);
            assertThrows(IndexOutOfBoundsException.class, () -> f.read(given.size()));
            // read in place: the records mapped, from index 0 of their view; none of those appended after the mapping
            for (int k = 0; k < given.size(); k++) {
                ByteBuffer v = f.view(k);
                if (k > 2_000) {
                    assertNull(v, "record " + k + " was appended after the mapping");
                    continue;
                }
                byte[] got = new byte[v.remaining()];
                v.get(0, got);
                assertArrayEquals(given.get(k), got, "record " + k + " in place");
            }
            assertNull(f.view(-1));
            assertNull(f.view(given.size()));
            // closed, a record is gone, mapped or not: the mapping goes with the file
            f.close();
            assertThrows(UncheckedIOException.class, () -> f.read(0));
            assertThrows(UncheckedIOException.class, () -> f.read(given.size() - 1));
            assertNull(f.view(0));
        }
    }
}
