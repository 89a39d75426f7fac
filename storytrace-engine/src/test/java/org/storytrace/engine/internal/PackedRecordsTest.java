package org.storytrace.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.core.TestCorpora;

/** Two files sharing one budget store real articles as they are until together they pass it, then pack; both read back whole. */
class PackedRecordsTest {
    @Test
    void filesSharingABudgetPackOncePastItAndReadBackWhatTheyWereGiven(@TempDir Path dir) throws Exception {
        List<byte[]> texts = new ArrayList<>();
        for (String t : TestCorpora.newsPool(60)) texts.add(t.getBytes(StandardCharsets.UTF_8));
        long firstTen = 0;
        for (int i = 0; i < 10; i++) firstTen += 4 + texts.get(i).length + 4 + texts.get(i).length / 4;
        PackedRecords.Budget budget = new PackedRecords.Budget(firstTen);
        List<byte[]> givenA = new ArrayList<>(), givenB = new ArrayList<>();
        int storedRecords = 0, packedRecords = 0;
        try (PackedRecords a = new PackedRecords(dir.resolve("a.bin"), budget);
             PackedRecords b = new PackedRecords(dir.resolve("b.bin"), budget)) {
            for (byte[] text : texts) {
                byte[] outline = text.length > 40 ? Arrays.copyOf(text, text.length / 4) : text;
                byte[] ea = a.encode(text), eb = b.encode(outline);
                if (ea.length == 4 + text.length) storedRecords++; else packedRecords++;
                a.append(ea);
                b.append(eb);
                givenA.add(text);
                givenB.add(outline);
            }
            assertTrue(budget.exceeded());
            // stored while the two files together held less than the budget (about ten articles with their outlines)
            assertTrue(storedRecords >= 9 && storedRecords <= 11, storedRecords + " stored");
            assertEquals(texts.size() - storedRecords, packedRecords);
            assertTrue(a.bytes() + b.bytes() < texts.stream().mapToLong(t -> 4L + t.length + 4 + t.length / 4).sum(),
                    "packed records take less room");
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(givenA.get(i), a.read(i));
                assertArrayEquals(givenB.get(i), b.read(i));
            }
            assertEquals(texts.size(), a.size());
        }
        PackedRecords.Budget none = new PackedRecords.Budget(0);
        assertTrue(none.exceeded(), "a budget of nothing packs from the start");
        PackedRecords.Budget all = new PackedRecords.Budget(Long.MAX_VALUE);
        try (PackedRecords c = new PackedRecords(dir.resolve("c.bin"), all)) {
            for (byte[] t : texts) c.append(c.encode(t));
            assertFalse(all.exceeded());
            assertEquals(texts.stream().mapToLong(t -> 4L + 4 + t.length).sum(), c.bytes(), "every record stored as it is");
            all.set(0);
            byte[] later = c.encode(texts.get(0));
            assertTrue(later.length < texts.get(0).length, "packed once the budget is set to nothing");
            c.append(later);
            assertArrayEquals(texts.get(0), c.read(texts.size()));
        }
    }
}
