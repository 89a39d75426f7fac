package org.storytrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storytrace.core.model.Article;

/** The pieces every page is made of: escaping, outside links, marked spans and anchors. */
class PagesTest {
    private static Article article(String text) {
        return new Article("a", "a.txt", text, "t", null, null, null, null, 0, text.length(), List.of(), "text", "UTF-8", null, null,
                "eng");
    }

    @Test
    void markedTextIsEscapedInsideAndOutsideTheMarks() {
        String t = "Hello <b>world</b> & co. Second \"sentence\" here.";
        String html = Pages.marked(article(t), List.of(new Pages.Span(9, 18, "reuse", "l1-p1")));
        assertEquals("Hello &lt;b&gt;<mark class=\"reuse\" data-id=\"l1-p1\">world&lt;/b&gt;</mark> &amp; co. Second "
                + "&quot;sentence&quot; here.", html);
    }

    @Test
    void anchorsSitAtSentenceStartsAndBeforeAMarkThatHoldsOne() {
        String t = "One two three. Four five six. Seven eight.";
        int second = t.indexOf("Four"), third = t.indexOf("Seven");
        String html = Pages.marked(article(t), List.of(new Pages.Span(t.indexOf("three"), t.indexOf("five"), "reuse", "x")), new int[] {0,
                second, third});
        assertTrue(html.startsWith("<span id=\"at-0\"></span>One two "), html);
        assertTrue(html.contains("<span id=\"at-" + second
                + "\"></span><mark class=\"reuse\" data-id=\"x\">three. Four </mark>five six. <span id=\"at-" + third + "\"></span>Seven"),
                html);
        assertEquals(t, html.replaceAll("<[^>]+>", ""), "the text itself is whole");
    }

    @Test
    void overlappingSpansAreClippedNotDoubled() {
        String t = "abcdefghij";
        String html = Pages.marked(article(t), List.of(new Pages.Span(2, 6, "reuse", "1"), new Pages.Span(4, 8, "reuse", "2")));
        assertEquals("ab<mark class=\"reuse\" data-id=\"1\">cdef</mark><mark class=\"reuse\" data-id=\"2\">gh</mark>ij", html);
    }

    @Test
    void onlyHttpLinksLeaveThePages() {
        assertEquals("https://example.org/a?b=1&amp;c=2", Html.externalHref("https://example.org/a?b=1&c=2"));
        for (String bad : new String[] {"javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>", "/relative", "vbscript:x",
                "http:/nohost", null}) {
            assertNull(Html.externalHref(bad), bad);
        }
        assertEquals("&lt;script&gt;&quot;&#39;&amp;", Html.text("<script>\"'&"));
        assertEquals("ab", Html.text("a\u0000b"), "control characters are dropped");
    }

    @Test
    void aDiscrepancyToldAcrossStoriesLinksEachOfThem() throws Exception {
        var json = new ObjectMapper();
        var story = json.readTree("{\"discrepancies\": [{\"kind\": \"place\", \"fact\": \"country of Karbala\", \"stories\": [\"s1\", "
                + "\"s2\"], \"values\": [{\"value\": \"Iraq\", \"articles\": [\"a\"], \"sources\": 1, \"evidence\": []}, {\"value\": "
                + "\"Iran\", \"articles\": [\"b\"], \"sources\": 1, \"evidence\": []}]}]}");
        StringBuilder b = new StringBuilder();
        Pages.discrepancies(b, new Pages.StoryData(story, null, Map.of(), Map.of(), List.of(), List.of(), List.of(),
                List.of()));
        String html = b.toString();
        assertTrue(html.contains("<a href=\"/stories/s1\">s1</a>, <a href=\"/stories/s2\">s2</a>"), html);
        assertTrue(html.contains("<strong>Iran</strong>, in <a href=\"/articles/b\">b</a>"), html);
        assertTrue(html.contains("<h3>Country of Karbala <span class=\"kind\">place</span></h3>"), "the kind is said once: " + html);
    }
}
