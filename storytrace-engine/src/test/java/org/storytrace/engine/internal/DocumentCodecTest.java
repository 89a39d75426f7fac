package org.storytrace.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.doc.SentenceSplitter;
import org.storytrace.core.doc.TokenLayer;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Span;
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

    private static Document document(String id, String text) {
        Article a = new Article(id, id + ".txt", text, "A headline", null, null, null, null, 0, text.length(),
                List.of(new Span(0, 4, "Menu")), "text", "UTF-8", null, "Outlet", "eng");
        Document d = Document.of(a).with(Layers.TOKENS, TokenLayer.of(a));
        return new SentenceSplitter().apply(d);
    }

    @Test
    void eachDocumentsBytesAreItsOwnWhateverTheThreadWroteBefore() {
        DocumentCodec codec = new DocumentCodec(List.of(Layers.TOKENS, Layers.SENTENCES));
        Document small = document("small", "Menu The minister spoke. Protesters gathered in Baghdad.");
        byte[] first = codec.encode(small);
        // a document larger than the thread's buffer grows it, one past the buffer's limit replaces it
        String sentence = "Protesters gathered in Tahrir Square on Sunday, the third day of demonstrations. ";
        for (int repeat : new int[] {200, 20_000}) {
            Document large = document("large", "Menu " + sentence.repeat(repeat));
            byte[] bytes = codec.encode(large);
            Document back = codec.decode(bytes);
            assertEquals(large.article(), back.article());
            assertEquals(large.expect(Layers.SENTENCES).size(), back.expect(Layers.SENTENCES).size());
            assertEquals(bytes.length, codec.encode(large).length);
        }
        byte[] again = codec.encode(small);
        assertArrayEquals(first, again, "nothing of the larger document is left in the smaller one's bytes");
        Document outline = codec.decodeOutline(codec.encodeOutline(small));
        assertEquals("Menu", outline.article().text().substring(0, 4));
        assertEquals(small.article().text().length(), outline.article().text().length());
        assertArrayEquals(first, codec.encode(small));
    }
}
