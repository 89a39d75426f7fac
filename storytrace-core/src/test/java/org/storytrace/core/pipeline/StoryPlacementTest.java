package org.storytrace.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;

/** Placing articles into a grouping made before them, on the seeds and the bundled example. */
class StoryPlacementTest {
    private static StoryGrouper.Item item(Path file) throws Exception {
        String text = Files.readString(file);
        String name = file.getFileName().toString();
        return new StoryGrouper.Item(name.substring(0, name.lastIndexOf('.')), null, text, 0, text.length(), null, null);
    }

    private static Path seed(String prefix) throws Exception {
        try (var s = Files.list(TestCorpora.root().resolve("seeds"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    @Test
    void laterReportsJoinTheirStoryAndAnUnrelatedArticleStartsOneAfterTheOthers() throws Exception {
        StoryGrouper g = new StoryGrouper();
        List<StoryGrouper.Item> items = new ArrayList<>();
        for (String p : List.of("000_", "001_", "004_", "002_", "003_")) items.add(item(seed(p)));
        items.add(item(Path.of("../examples/corpus/valmora-bridge-closure.txt")));
        // the grouping of everything, and one of the first three only
        StoryGrouper.Grouping all = g.group(items, List.of());
        StoryGrouper.Grouping early = g.group(items.subList(0, 3), List.of());
        DocFrequencies df = new DocFrequencies();
        List<StoryGrouper.Terms> terms = new ArrayList<>();
        for (StoryGrouper.Item it : items) { terms.add(StoryGrouper.terms(it)); df.add(terms.get(terms.size() - 1)); }
        int n = items.size();
        List<StoryGrouper.Profile> profiles = new ArrayList<>();
        for (StoryGrouper.Terms t : terms) profiles.add(g.profile(t, null, df, n));
        StoryPlacement placement = new StoryPlacement(g, early.story(), early.topic(), profiles::get);
        int storiesBefore = placement.stories(), topicsBefore = placement.topics();
        List<StoryPlacement.Placed> placed = new ArrayList<>();
        for (int i = 3; i < n; i++) placed.add(placement.place(profiles.get(i), new int[0], new double[0]));
        int[] story = placement.storyLabels();
        // 002 and 003 report 000's events: each goes where the grouping of everything puts it
        assertEquals(story[0], story[3], "002 joins 000's story");
        for (int late = 3; late < n; late++) {
            for (int other = 0; other < late; other++) {
                assertEquals(all.story()[other] == all.story()[late], story[other] == story[late], "article " + late + " with " + other);
            }
        }
        assertFalse(placed.get(0).newStory());
        assertEquals(placement.topicLabels()[0], placement.topicLabels()[3], "and its topic");
        // the bridge closure shares nothing with the protests: a story and a topic of its own, numbered after the others
        StoryPlacement.Placed bridge = placed.get(2);
        assertTrue(bridge.newStory() && bridge.newTopic());
        long started = placed.stream().filter(StoryPlacement.Placed::newStory).count();
        assertEquals(storiesBefore + started, placement.stories());
        assertEquals(placement.stories() - 1, bridge.story(), "the newest story has the next label");
        assertEquals(placement.topics() - 1, bridge.topic());
        assertTrue(placement.topics() > topicsBefore);
        assertEquals(3, placement.placed());
        assertEquals(n, placement.size());
    }
}
