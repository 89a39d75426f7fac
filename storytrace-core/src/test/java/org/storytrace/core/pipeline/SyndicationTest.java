package org.storytrace.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;

/**
 * A wire story reprinted by hundreds of outlets is one story. In a collection above {@link StoryGrouper#EXHAUSTIVE}
 * only candidate pairs are scored, and average linkage counts every other pair as 0: before copies were joined first
 * the reprints of one story came out as dozens of stories.
 */
class SyndicationTest {
    @Test
    void hundredsOfReprintsOfOneWireStoryAreOneStoryAndTheRestStayApart() throws Exception {
        List<String> pool = TestCorpora.newsPool(160);
        String wire = pool.get(2); // Beijing warns the United States over Taiwan: 2,950 characters
        String[] sentences = wire.split("(?<=[.\"])\\s+");
        assertTrue(sentences.length >= 12, sentences.length + " sentences");
        Random random = new Random(7);
        List<Article> articles = new ArrayList<>();
        LocalDate day = LocalDate.of(1997, 4, 1);
        int reprints = 0;
        for (int i = 0; articles.size() < 760; i++) {
            if (i % 5 == 4 && 3 + i / 5 < pool.size()) {
                // other real reports, a day apart each
                articles.add(LinkerTest.article("other" + (i / 5), pool.get(3 + i / 5), day.plusDays(i / 5)));
                continue;
            }
            // a reprint: the wire story under a local intro, its paragraphs cut and reordered as outlets do
            StringBuilder b = new StringBuilder("From our news services, outlet " + i + ".\n\n");
            List<String> kept = new ArrayList<>(List.of(sentences));
            kept.remove(random.nextInt(kept.size()));
            kept.remove(random.nextInt(kept.size()));
            Collections.shuffle(kept.subList(1, kept.size()), random);
            for (String k : kept) b.append(k).append("\n\n");
            articles.add(LinkerTest.article("reprint" + i, b.toString().strip(), day.plusDays(random.nextInt(2))));
            reprints++;
        }
        // the links a large collection leaves between reprints: its linker verifies at most maxCandidates earlier articles for
        // each new one and skips anchors more than anchorMaxDocFreq articles hold, so a reprint is linked to a few others, not
        // to every one (1,500 reprints of one story in a 1,500-article test file got 32 links each); each link aligned for real
        Linker linker = new Linker();
        List<Integer> reprinted = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            if (!a.id().startsWith("reprint")) continue;
            for (int k = 0; k < 4 && !reprinted.isEmpty(); k++) {
                Article b = articles.get(reprinted.get(random.nextInt(reprinted.size())));
                Link l = linker.verify(b, linker.fingerprint(b), a, linker.fingerprint(a));
                if (l != null) links.add(l);
            }
            reprinted.add(i);
        }
        assertTrue(links.size() > reprints * 3, links.size() + " links");
        List<StoryGrouper.Item> items = articles.stream().map(StoryGrouper.Item::of).toList();
        StoryGrouper.Grouping g = new StoryGrouper().group(items, links);
        Map<Integer, Integer> reprintsByStory = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            if (articles.get(i).id().startsWith("reprint")) reprintsByStory.merge(g.story()[i], 1, Integer::sum);
        }
        int wireStory = reprintsByStory.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertTrue(articles.size() > StoryGrouper.EXHAUSTIVE, "a collection scored by candidate pairs only");
        assertTrue(links.stream().allMatch(l -> Math.max(l.reusedShareA(), l.reusedShareB()) >= 0.4), "every link a copy");
        assertTrue(reprintsByStory.get(wireStory) >= reprints * 0.98, reprintsByStory.get(wireStory) + " of " + reprints
                + " reprints in one story; stories of reprints: " + reprintsByStory.size());
        for (int i = 0; i < articles.size(); i++) {
            if (articles.get(i).id().startsWith("other")) assertTrue(g.story()[i] != wireStory, articles.get(i).id() + " joined the wire");
        }
        assertEquals(reprints, articles.stream().filter(a -> a.id().startsWith("reprint")).count());

        // a store places the next reprint the same way: a copy joins the story of what it copies, however large that story
        StoryGrouper grouper = new StoryGrouper();
        DocFrequencies df = new DocFrequencies();
        List<StoryGrouper.Terms> terms = new ArrayList<>();
        for (StoryGrouper.Item it : items) { terms.add(StoryGrouper.terms(it)); df.add(terms.get(terms.size() - 1)); }
        Article next = LinkerTest.article("reprint-next", articles.get(reprinted.get(0)).text() + "\n\nAdditional reporting by staff.",
                day);
        StoryGrouper.Terms nextTerms = StoryGrouper.terms(StoryGrouper.Item.of(next));
        df.add(nextTerms);
        int n = items.size() + 1;
        List<StoryGrouper.Profile> profiles = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) profiles.add(grouper.profile(terms.get(i), items.get(i).published(), df, n));
        StoryPlacement placement = new StoryPlacement(grouper, g.story(), g.topic(), profiles::get);
        Article copied = articles.get(reprinted.get(0));
        Link l = linker.verify(copied, linker.fingerprint(copied), next, linker.fingerprint(next));
        StoryPlacement.Placed placed = placement.place(grouper.profile(nextTerms, day, df, n), new int[] {reprinted.get(0)},
                new double[] {Math.max(l.reusedShareA(), l.reusedShareB())});
        assertEquals(g.story()[reprinted.get(0)], placed.story(), "the next reprint joins the wire story");
    }
}
