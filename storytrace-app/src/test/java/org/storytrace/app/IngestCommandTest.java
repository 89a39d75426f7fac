package org.storytrace.app;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.core.TestCorpora;
import org.storytrace.store.Store;

/**
 * {@code storytrace ingest} into a store that holds an analysis places the new articles into its stories (only the
 * stories they touch are saved again), and groups everything again when told ({@code --regroup}) or once placements
 * reach a share of the store.
 */
class IngestCommandTest {
    @TempDir Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void articlesAddedToAnAnalysedStoreArePlacedIntoItsStoriesAndARegroupingIsWhatAnalyzeWrites() throws Exception {
        String store = tmp.resolve("store").toString(), seeds = TestCorpora.root().resolve("seeds").toString();
        CommandRun first = CommandRun.of("ingest", "../examples/corpus", "--store", store, "--fast", "--no-embeddings");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("added 5 articles (5 in the store)") && first.out().contains("analysis saved"), first.out());
        Map<String, String> before = storyOf(export(store, "before"));

        // nothing to read into a store whose analysis covers every article: answered from the store, nothing restored
        CommandRun idle = CommandRun.of("ingest", "--store", store, "--fast", "--no-embeddings", "--timings");
        assertEquals(0, idle.code(), idle.err());
        assertTrue(idle.out().contains("nothing new: 5 articles in the store"), idle.out());
        assertTrue(idle.err().contains("nothing to restore"), "the stored articles were restored for nothing: " + idle.err());
        assertEquals(before, storyOf(export(store, "idle")), "an ingest with nothing to do changes nothing");

        CommandRun placed = CommandRun.of("ingest", seeds, "--store", store, "--fast", "--no-embeddings");
        assertEquals(0, placed.code(), placed.err());
        assertTrue(placed.out().contains("added 5 articles (10 in the store)"), placed.out());
        assertTrue(placed.out().contains("placed into the stored stories"), "5 new articles are short of a regrouping: " + placed.out());
        try (Store s = Store.openForReading(store, null, null)) {
            assertEquals(5, s.placedSinceGrouping(), "the store counts what was placed since its last grouping");
            assertTrue(s.analysisCurrent());
        }
        Map<String, String> afterPlacing = storyOf(export(store, "placed"));
        for (Map.Entry<String, String> e : before.entrySet()) {
            assertEquals(e.getValue(), afterPlacing.get(e.getKey()), "a story the new articles did not touch keeps its id and articles");
        }
        String reports = afterPlacing.get("000_8fce433b631a5525");
        assertEquals(reports, afterPlacing.get("002_e924190dd1f865ae"), "the three reports of one events are placed into one story");
        assertEquals(reports, afterPlacing.get("003_a823ca92ff81a94e"));
        assertNotEquals(reports, afterPlacing.get("001_06126358e255d472"));
        assertNotEquals(reports, afterPlacing.get("004_ca2751fdbdb9890e"));
        assertFalse(before.containsValue(reports), "the seeds start a story of their own");

        CommandRun regrouped = CommandRun.of("ingest", "--store", store, "--regroup", "--fast", "--no-embeddings");
        assertEquals(0, regrouped.code(), regrouped.err());
        assertTrue(regrouped.out().contains("analysis saved"), regrouped.out());
        try (Store s = Store.openForReading(store, null, null)) {
            assertEquals(0, s.placedSinceGrouping(), "a grouping starts the count again");
        }
        CommandRun analyze = CommandRun.of("analyze", "../examples/corpus", seeds, "--fast", "--no-embeddings", "--out",
                tmp.resolve("analyzed").toString());
        assertEquals(0, analyze.code(), analyze.err());
        assertEquals(stories(JSON.readTree(tmp.resolve("analyzed/stories.json").toFile())), stories(export(store, "regrouped")),
                "a regrouped store holds the stories analyze makes of the same articles");
    }

    private JsonNode export(String store, String name) throws Exception {
        Path out = tmp.resolve(name);
        CommandRun r = CommandRun.of("export", "--store", store, "--out", out.toString(), "--no-parquet");
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(out.resolve("stories.json").toFile());
    }

    /** Each article's story, as the story's id and its articles. */
    private static Map<String, String> storyOf(JsonNode contract) {
        Map<String, String> of = new HashMap<>();
        for (JsonNode s : contract.get("stories")) {
            for (JsonNode a : s.get("articles")) of.put(a.asText(), s.get("id").asText() + " " + s.get("articles"));
        }
        return of;
    }

    private static Set<String> stories(JsonNode contract) {
        Set<String> all = new HashSet<>();
        for (JsonNode s : contract.get("stories")) all.add(s.get("id").asText() + " " + s.get("articles"));
        return all;
    }
}
