package org.storytrace.core.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;

/** A grouper told to stop gives up at the next item of its loops; one never told groups as a plain grouper does. */
class GroupingStopTest {
    @Test
    void aStoppedGroupingGivesUpPartWayAndAnUnstoppedOneIsUnchanged() throws Exception {
        List<String> docs = TestCorpora.newsPool(800);
        List<StoryGrouper.Item> items = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            String text = docs.get(i);
            items.add(new StoryGrouper.Item("a" + i, text.substring(0, Math.min(60, text.length())), text, 0, text.length(),
                    LocalDate.of(2020, 1, 1).plusDays(i % 30), null));
        }
        StoryGrouper plain = new StoryGrouper(StoryGrouper.Settings.defaults(), false);
        StoryGrouper.Grouping expected = plain.group(items, List.of());

        AtomicInteger asked = new AtomicInteger();
        StoryGrouper.Grouping g = plain.stoppedBy(() -> { asked.incrementAndGet(); return false; }).group(items, List.of());
        assertArrayEquals(expected.story(), g.story(), "asking whether to stop changes nothing");
        assertArrayEquals(expected.topic(), g.topic());
        int whole = asked.get();
        assertTrue(whole >= 2 * items.size(), "asked at every item of the loops over the items: " + whole);

        AtomicInteger askedThenStopped = new AtomicInteger();
        StoryGrouper stopping = plain.stoppedBy(() -> askedThenStopped.incrementAndGet() > items.size() / 2);
        assertThrows(CancellationException.class, () -> stopping.group(items, List.of()));
        assertTrue(askedThenStopped.get() < whole / 2, "gave up part way: asked " + askedThenStopped.get() + " of " + whole + " times");
    }
}
