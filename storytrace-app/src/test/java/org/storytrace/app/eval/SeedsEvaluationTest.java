package org.storytrace.app.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.storytrace.app.Runner;
import org.storytrace.core.TestCorpora;

/** The worked example: every article field, story, topic, passage, entity, quote and date the analyst lists must come out. */
class SeedsEvaluationTest {
    @Test
    void everyExpectedFieldStoryAndPassageHolds() throws Exception {
        Evaluations.SeedReport r = Evaluations.seeds(TestCorpora.root().resolve("seeds"), TestCorpora.root().resolve("seeds.expected.json"),
                Runner.defaultEmbedder());
        assertEquals(List.of(), r.failures());
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
        assertEquals(1.0, r.metrics().get("seeds.dates.resolved"), "every listed date, undated articles resolved against their story");
        assertEquals(1.0, r.metrics().get("seeds.dates.discrepancies_found"),
                "the date of Kadhimi's visit is disputed, with the right outlets on each side");
        assertEquals(0.0, r.metrics().get("seeds.dates.false_discrepancies"), "dates that agree once resolved are not disputed");
        assertEquals(1.0, r.metrics().get("seeds.discrepancies.found"), "the date, the country of Nasiriyah and the wording of the quote");
        assertEquals(0.0, r.metrics().get("seeds.discrepancies.unexpected"), "and nothing else");
        assertEquals(1.0, r.metrics().get("seeds.summary.mentions"), "story 1's summary names Nasiriyah, Badr, Basra, Kadhimi and Yacoub");
        assertEquals(1.0, r.metrics().get("seeds.summary.cited"), "every summary sentence cites its sources");
    }
}
