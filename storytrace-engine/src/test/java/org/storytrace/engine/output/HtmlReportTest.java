package org.storytrace.engine.output;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.storytrace.core.model.Article;

/** What the report writes where an article has no headline (two of the seeds' five pages have none). */
class HtmlReportTest {
    private static Article untitled(String text) {
        return new Article("a", "a.txt", text, null, null, null, null, null, 0, text.length(), List.of(), "text", "UTF-8", null, null,
                null);
    }

    @Test
    void anArticleWithoutAHeadlineIsShownByItsOpeningWordsCutAtAWord() {
        String text = "Major protests against Iran\u2019s interference in Iraq and its government at the beginning of this week are "
                + "a real threat to <Tehran> & its allies.";
        String shown = HtmlReport.headlineless(untitled(text));
        assertEquals("<i>Major protests against Iran\u2019s interference in Iraq and its government at the beginning of\u2026</i>", shown);
        assertEquals("<i>Short &amp; plain.</i>", HtmlReport.headlineless(untitled("Short & plain.")), "escaped, whole when short");
        assertEquals("(no headline)", HtmlReport.headlineless(untitled("   ")));
    }
}
