package org.storytrace.core.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How the evidence on a pair becomes its score (the figures are the seeds' pairs, from {@code Results.pairs()}). */
class PairScoreTest {
    private final StoryGrouper g = new StoryGrouper();
    private final double threshold = g.settings().storyThreshold();

    @Test
    void anEmbeddingConfirmsWordsButNeverJoinsTwoReportsOfOneThemeAlone() {
        // the seeds' September and October protest articles: few shared words, embeddings as close as one day's reports
        StoryGrouper.Evidence theme = new StoryGrouper.Evidence(0.043, 0.157, -1, 0.709, 0);
        assertTrue(g.score(theme, null, null) < threshold, "two stories of one theme: " + g.score(theme, null, null));
        // the same words with no embedding, and the same embedding on the words of two reports of one event
        assertTrue(g.score(theme, null, null) > g.score(new StoryGrouper.Evidence(0.043, 0.157, -1, -1, 0), null, null),
                "semantics still count");
        StoryGrouper.Evidence oneEvent = new StoryGrouper.Evidence(0.2, 0.3, -1, 0.709, 0);
        assertTrue(g.score(oneEvent, null, null) >= threshold, "one event: " + g.score(oneEvent, null, null));
        // bare headlines: words say little, so semantics count in full
        StoryGrouper titles = new StoryGrouper(StoryGrouper.Settings.shortTexts());
        StoryGrouper.Evidence headline = new StoryGrouper.Evidence(0.05, -1, -1, 0.7, 0);
        assertTrue(titles.score(headline, null, null) >= titles.settings().storyThreshold(), "headlines: " + titles.score(headline, null,
                null));
    }

    @Test
    void reprintsAndMatchingHeadlinesAreFloorsAndDistantDatesFade() {
        StoryGrouper.Evidence weak = new StoryGrouper.Evidence(0.05, 0.05, -1, -1, 0);
        assertTrue(g.score(weak, null, null) < threshold);
        assertTrue(g.score(new StoryGrouper.Evidence(0.05, 0.05, -1, -1, 0.3), null, null) >= 0.89, "a reprinted third is one story");
        assertTrue(g.score(new StoryGrouper.Evidence(0.05, 0.05, 0.7, -1, 0), null, null) >= 0.7, "matching headlines");
        // a copy scores StoryGrouper.COPY, which the clustering keeps together; the same headline alone is no copy
        assertEquals(StoryGrouper.COPY, g.score(new StoryGrouper.Evidence(0.05, 0.05, -1, -1, 0.4), null, null));
        assertTrue(g.score(new StoryGrouper.Evidence(0.05, 0.05, 1.0, -1, 0), null, null) < StoryGrouper.COPY, "a headline");
        assertTrue(g.score(new StoryGrouper.Evidence(0.05, 0.05, -1, -1, 0.39), null, null) < StoryGrouper.COPY, "a shared third");
        StoryGrouper.Evidence strong = new StoryGrouper.Evidence(0.5, 0.5, -1, -1, 0);
        LocalDate d = LocalDate.of(2020, 8, 23);
        assertEquals(g.score(strong, null, null), g.score(strong, d, d.plusDays(2)), 1e-12, "inside the window");
        assertTrue(g.score(strong, d, d.plusDays(60)) < threshold, "two months apart: " + g.score(strong, d, d.plusDays(60)));
    }
}
