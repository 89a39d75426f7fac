package org.storytrace.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.storytrace.core.pipeline.StoryGrouper;
import org.junit.jupiter.api.Test;

class DocumentCodecTest {
    @Test
    void storyTermsComeBackAsTheyWentIn() throws Exception {
        String text = Files.readString(Path.of("../examples/corpus/" + first()));
        StoryGrouper.Terms t = StoryGrouper.terms(new StoryGrouper.Item("a", "Prime Minister Kadhimi visits Tehran", text, 0,
                text.length(), null, null));
        assertTrue(t.words().length > 50, "a news text has words: " + t.words().length);
        byte[] bytes = DocumentCodec.encode(t);
        same(t, DocumentCodec.decodeTerms(bytes));
        int terms = t.words().length + t.names().length + t.heads().length;
        assertTrue(bytes.length < terms * 10, "whole weights take a byte or two: " + bytes.length + " bytes, " + terms + " terms");
        // weights that are not whole numbers, or too large for a varint of four bytes, are kept exactly too
        StoryGrouper.Terms odd = new StoryGrouper.Terms(new long[] {-3, 0, Long.MAX_VALUE}, new float[] {0.5f, 1f, 3e9f},
                new long[] {7}, new float[] {300f}, new long[0], new float[0]);
        same(odd, DocumentCodec.decodeTerms(DocumentCodec.encode(odd)));
    }

    private static void same(StoryGrouper.Terms a, StoryGrouper.Terms b) {
        assertArrayEquals(a.words(), b.words());
        assertArrayEquals(a.wordCounts(), b.wordCounts());
        assertArrayEquals(a.names(), b.names());
        assertArrayEquals(a.nameCounts(), b.nameCounts());
        assertArrayEquals(a.heads(), b.heads());
        assertArrayEquals(a.headCounts(), b.headCounts());
    }

    private static String first() throws Exception {
        try (var files = Files.list(Path.of("../examples/corpus"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().findFirst().orElseThrow();
        }
    }
}
