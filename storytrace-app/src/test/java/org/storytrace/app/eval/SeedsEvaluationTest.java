package org.storytrace.app.eval;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.storytrace.app.Runner;
import org.storytrace.core.TestCorpora;

/** The worked example: every article field, story, topic and passage the analyst lists must come out. */
class SeedsEvaluationTest {
    @Test
    void everyExpectedFieldStoryAndPassageHolds() throws Exception {
        Evaluations.SeedReport r = Evaluations.seeds(TestCorpora.root().resolve("seeds"), TestCorpora.root().resolve("seeds.expected.json"), Runner.defaultEmbedder());
        assertEquals(java.util.List.of(), r.failures());
        assertEquals(1.0, r.metrics().get("seeds.articles.fields_correct"));
        assertEquals(1.0, r.metrics().get("seeds.articles.boilerplate_separated"));
        assertEquals(1.0, r.metrics().get("seeds.stories.exact"));
        assertEquals(1.0, r.metrics().get("seeds.topics.exact"));
        assertEquals(1.0, r.metrics().get("seeds.passages.found"));
        assertEquals(0.0, r.metrics().get("seeds.links.unexpected"));
        assertEquals(1.0, r.metrics().get("seeds.entities.groups"), "every expected entity is one entity with all its spellings");
        assertEquals(1.0, r.metrics().get("seeds.entities.apart"), "the names that must stay apart do");
        assertEquals(1.0, r.metrics().get("seeds.quotes.found"), "every expected quote, with its speaker");
        assertEquals(1.0, r.metrics().get("seeds.quotes.grouped"), "a quote reported by two outlets is one group");
        assertEquals(1.0, r.metrics().get("seeds.quotes.not_quotes_left_out"), "scare quotes and titles are not quotes");
    }
}
