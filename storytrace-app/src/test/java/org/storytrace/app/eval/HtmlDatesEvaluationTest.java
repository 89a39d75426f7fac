package org.storytrace.app.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTML publication-date evaluation, on a small labelled set written for the test (one page per date source). */
class HtmlDatesEvaluationTest {
    @Test
    void scoresEachDateSourceAndAnUndatedPage() throws Exception {
        Map<String, Double> m = Evaluations.htmlDates(Path.of("src/test/resources/html-dates"));
        assertEquals(4.0, m.get("html_dates.pages"));
        assertEquals(1.0, m.get("html_dates.correct"), m.toString());
        assertEquals(0.75, m.get("html_dates.claimed"), m.toString());
    }
}
