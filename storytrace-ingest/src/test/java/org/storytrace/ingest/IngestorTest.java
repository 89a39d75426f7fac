package org.storytrace.ingest;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Rejection;

class IngestorTest {
    @TempDir Path dir;

    private static final String GOOD = "Council closes old bridge for repairs\n\nThe city council voted on Thursday to close "
            + "the old bridge for two years so that engineers can replace its corroded cables.\n";

    @Test
    void everyBadFileIsRejectedWithItsPathAndReasonAndTheGoodOnesAreStillRead() throws Exception {
        Files.writeString(dir.resolve("a-good.txt"), GOOD);
        Files.write(dir.resolve("b-empty.txt"), new byte[0]);
        Files.write(dir.resolve("c-binary.html"), new byte[] {'G', 'I', 'F', '8', '9', 'a', 0, 1, 2, 3, 0, 0});
        Files.write(dir.resolve("d-large.txt"), ("x ".repeat(600)).getBytes());
        Files.writeString(dir.resolve("e-blank.txt"), "   \n\n  \t ");
        Files.write(dir.resolve("f-latin1.txt"), ("Café de la Paix reopens after fire\n\n" + GOOD.replace("city", "cité"))
                .getBytes(Charset.forName("ISO-8859-1")));
        Files.createSymbolicLink(dir.resolve("g-dangling.txt"), dir.resolve("nowhere.txt"));
        Files.writeString(dir.resolve("h-vanishes.txt"), GOOD);
        Ingestor in = new Ingestor(new Ingestor.Settings(1000));
        Collected c = new Collected();
        var inputs = in.resolve(List.of(dir.toString(), dir.resolve("missing-folder").toString()), c::rejected);
        Files.delete(dir.resolve("h-vanishes.txt"));
        for (var i : inputs) in.read(i, c);
        List<Article> ok = c.articles;
        List<Rejection> bad = c.rejections;
        assertEquals(List.of("a-good", "f-latin1"), ok.stream().map(Article::id).toList());
        assertTrue(ok.get(1).body().contains("cité"), "ISO-8859-1 was detected");
        assertReason(bad, "missing-folder", "no such file");
        assertReason(bad, "b-empty.txt", "empty");
        assertReason(bad, "c-binary.html", "binary");
        assertReason(bad, "d-large.txt", "too large");
        assertReason(bad, "e-blank.txt", "white space");
        assertReason(bad, "g-dangling.txt", "does not exist");
        assertReason(bad, "h-vanishes.txt", "vanished");
        assertEquals(7, bad.size(), bad.toString());
    }

    private static void assertReason(List<Rejection> bad, String file, String words) {
        assertTrue(bad.stream().anyMatch(r -> r.path().endsWith(file) && r.reason().contains(words)), file + " rejected for '" + words
                + "' in " + bad);
    }

    @Test
    void sameFileNamesInTwoFoldersGetDistinctIds() throws Exception {
        Files.createDirectories(dir.resolve("x"));
        Files.createDirectories(dir.resolve("y"));
        Files.writeString(dir.resolve("x/story.txt"), GOOD);
        Files.writeString(dir.resolve("y/story.txt"), GOOD.replace("two years", "three years"));
        Collected c = Collected.run(new Ingestor(), List.of(dir.toString()));
        assertEquals(List.of(), c.rejections);
        assertEquals(List.of("story", "story-2"), c.ids());
    }

    @Test
    void sgmlNewsWithoutADeclarationIsReadAsNewsXml() {
        assertTrue(Ingestor.isXml("<DOC>\n<DOCNO> APW19981016.0240 </DOCNO>"), "DUC, TDT");
        assertTrue(Ingestor.isXml("<DOC id=\"NYT_ENG_19980112.0001\" type=\"story\" >\n<HEADLINE>"), "Gigaword");
        assertTrue(Ingestor.isXml("<?xml version=\"1.0\"?><TimeML>"));
        assertFalse(Ingestor.isXml("<!DOCTYPE html><html><body>"));
        assertFalse(Ingestor.isXml("<document>plain words</document>"), "only the news documents' own DOC element");
        assertFalse(Ingestor.isXml("<DOC> is a word here, not an element"));
    }
}
