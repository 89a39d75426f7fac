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
}
