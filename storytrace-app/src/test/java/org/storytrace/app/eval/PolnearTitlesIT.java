package org.storytrace.app.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;

/** Title extraction on the 924 PolNeAR articles, whose first line is the title metadata.tsv gives. */
class PolnearTitlesIT {
    @Test
    void titlesAreExtractedExactlyForMostArticles() throws Exception {
        Map<String, Double> m = Evaluations.polnearTitles(TestCorpora.root().resolve("polnear"));
        assertTrue(m.get("polnear.titles.articles") >= 900, m.toString());
        assertTrue(m.get("polnear.titles.exact") >= 0.78, m.toString());
    }
}
