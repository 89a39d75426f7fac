package org.storytrace.app.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storytrace.app.Runner;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.pipeline.StoryGrouper;

/** Story clustering of 11,108 Google News titles against their 152 labelled stories. */
class GoogleNewsEvaluationIT {
    @Test
    void titleClusteringMeetsItsFloor() throws Exception {
        Map<String, Double> m = Evaluations.googleNews(TestCorpora.root().resolve("googlenews-titles"), Runner.defaultEmbedder(),
                StoryGrouper.Settings.shortTexts());
        assertTrue(m.get("googlenews.nmi") >= 0.80, m.toString());
        assertTrue(m.get("googlenews.ari") >= 0.60, m.toString());
    }
}
