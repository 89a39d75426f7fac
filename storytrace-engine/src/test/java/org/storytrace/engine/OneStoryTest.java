package org.storytrace.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Story;
import org.storytrace.core.summary.SummaryStage;

/**
 * {@link EngineSettings#oneStory}: a set the user knows is one story (the seeds: five pages on Iraq's protests, which the
 * story stage splits into three stories) is one story of one topic, its links are those any run finds, and the story
 * stages read every article of it.
 */
class OneStoryTest {
    private static final List<String> SEEDS = List.of(TestCorpora.root().resolve("seeds").toString());

    @Test
    void everyArticleIsOneStoryAndTheStoryStagesReadThemAll() throws Exception {
        List<Link> grouped;
        try (Engine e = Engine.builder(EngineSettings.builder().threads(2).build()).build()) {
            e.ingest(SEEDS, null);
            Results r = e.results();
            assertTrue(r.stories().size() > 1, "the seeds are grouped into several stories: " + r.stories());
            grouped = r.links();
        }
        try (Engine e = Engine.builder(EngineSettings.builder().threads(2).oneStory(true).build()).deepTier().build()) {
            e.ingest(SEEDS, null);
            Results r = e.results();
            assertEquals(1, r.stories().size(), r.stories().toString());
            Story only = r.stories().get(0);
            assertEquals(r.articleCount(), only.articles().size());
            Set<String> ids = new HashSet<>();
            for (Document d : r.documents()) ids.add(d.article().id());
            assertEquals(ids, Set.copyOf(only.articles()));
            assertEquals(grouped, r.links(), "links are found as in any run");
            assertEquals(true, r.provenance().settings().get("oneStory"));
            // the summary cites articles from across the set, not from one of the stories the grouping would have made
            var summary = r.findStoryLayer(only.id(), SummaryStage.LAYER).orElseThrow();
            Set<String> cited = new HashSet<>();
            summary.sentences().forEach(l -> l.citations().forEach(c -> cited.add(c.article())));
            assertTrue(cited.size() >= 2, "the summary cites " + cited);
            int sentences = 0;
            for (Document d : r.documents()) sentences += d.expect(Layers.SENTENCES).size();
            assertTrue(sentences > 0);
        }
    }

    @Test
    void articlesAddedLaterJoinTheOneStory() throws Exception {
        try (Engine e = Engine.builder(EngineSettings.builder().threads(2).oneStory(true).build()).build()) {
            e.ingest(List.of(TestCorpora.root().resolve("seeds/000_8fce433b631a5525.txt").toString()), null);
            assertEquals(1, e.results().stories().size());
            e.ingest(SEEDS, null);
            Engine.Update u = e.update();
            assertEquals(1, u.results().stories().size());
            assertEquals(u.results().articleCount(), u.results().stories().get(0).articles().size());
        }
    }
}
