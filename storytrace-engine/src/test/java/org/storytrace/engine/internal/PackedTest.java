package org.storytrace.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedTest {
    @Test
    void recordsComeBackAsTheyWentIn() throws Exception {
        byte[] text = Files.readAllBytes(Path.of("../examples/corpus/" + first("../examples/corpus")));
        byte[] packed = Packed.pack(text);
        assertArrayEquals(text, Packed.unpack(packed));
        assertTrue(packed.length * 3 < text.length * 2, "news text packs to less than two thirds: " + packed.length + " of " + text.length);
        assertArrayEquals(new byte[0], Packed.unpack(Packed.pack(new byte[0])));
        // incompressible bytes, larger than any buffer guess: they grow a little and still come back
        byte[] noise = new byte[300_000];
        new Random(7).nextBytes(noise);
        assertArrayEquals(noise, Packed.unpack(Packed.pack(noise)));
        byte[] same = "a".repeat(1_000_000).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(same, Packed.unpack(Packed.pack(same)));
    }

    /** The first file of a folder by name. */
    private static String first(String folder) throws Exception {
        try (var files = Files.list(Path.of(folder))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void storedRecordsComeBackUnpacked() {
        byte[] text = "the Prime Minister said on Sunday".getBytes(StandardCharsets.UTF_8);
        byte[] stored = Packed.stored(text);
        assertEquals(text.length + 4, stored.length);
        assertArrayEquals(text, Packed.unpack(stored));
        assertArrayEquals(new byte[0], Packed.unpack(Packed.stored(new byte[0])));
        assertThrows(IllegalStateException.class, () -> Packed.unpack(Arrays.copyOf(stored, stored.length - 1)));
    }

    @Test
    void aDamagedRecordIsAnErrorNotAnotherRecord() {
        byte[] packed = Packed.pack("the Prime Minister said on Sunday".getBytes(StandardCharsets.UTF_8));
        byte[] cut = Arrays.copyOf(packed, packed.length - 3);
        assertThrows(IllegalStateException.class, () -> Packed.unpack(cut));
    }
}
