package org.storytrace.core.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleTest {
    private static Article article(String source, String url, String outlet) {
        return new Article("a1", "a1.txt", "Some text.", null, null, null, source, null, 0, 10, List.of(), "text", "UTF-8", url, outlet,
                null);
    }

    @Test
    void theCreditedOutletIsTheOutletThenTheSourceThenTheHostOfTheUrl() {
        assertEquals("Reuters", article("iranfocus", "https://www.example.com/x", "Reuters").creditedOutlet());
        assertEquals("iranfocus", article("iranfocus", "https://www.example.com/x", " ").creditedOutlet(), "a blank outlet is none");
        assertEquals("example.com", article(null, "https://www.example.com/a?b=c", null).creditedOutlet(), "www. dropped");
        assertEquals("news.example.org", article(null, "http://news.example.org/", null).creditedOutlet());
        assertNull(article(null, "not a url at all", null).creditedOutlet());
        assertNull(article(null, "bad uri with spaces://x y", null).creditedOutlet(), "a malformed URL names no outlet");
        assertNull(article(null, null, null).creditedOutlet());
    }

    private static Article withFurniture(String text, List<Span> boilerplate) {
        return new Article("a1", "a1.txt", text, null, null, null, null, null, 0, text.length(), boilerplate, "text", "UTF-8", null,
                null, null);
    }

    @Test
    void cleanTextBlanksTheFurnitureButItsLineBreaks() {
        String text = "Share this\r\nstory. The minister said “yes”.\nRead more";
        Article a = withFurniture(text, List.of(new Span(0, 18, "Share this\r\nstory."), new Span(text.length() - 9, text.length(),
                "Read more")));
        String clean = a.cleanText();
        assertEquals("          \r\n      " + text.substring(18, text.length() - 9) + "         ", clean);
        assertEquals(text.length(), clean.length(), "offsets stay valid");
        assertSame(text, withFurniture(text, List.of()).cleanText(), "no furniture: the text itself");
        assertSame(text, withFurniture(text, List.of(new Span(10, 12, "\r\n"))).cleanText(), "furniture of line breaks alone");
    }

    @Test
    void articlesSharingATextKeepTheirOwnFurnitureWhenAskedInTurn() {
        String text = "Menu Home World. Baghdad protests went on. Follow us";
        Article menu = withFurniture(text, List.of(new Span(0, 16, "Menu Home World.")));
        Article tail = withFurniture(text, List.of(new Span(43, 52, "Follow us")));
        for (int round = 0; round < 2; round++) {
            assertEquals(" ".repeat(16) + text.substring(16), menu.cleanText());
            assertEquals(text.substring(0, 43) + " ".repeat(9), tail.cleanText());
            assertEquals(menu.cleanText(), menu.withLanguage("eng").cleanText(), "a copy cleans alike");
        }
    }
}
