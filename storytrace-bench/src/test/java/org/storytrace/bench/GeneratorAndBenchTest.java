package org.storytrace.bench;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.bench.gen.CorpusGenerator;
import org.storytrace.bench.run.Bench;
import org.storytrace.core.text.Tokens;

class GeneratorAndBenchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CorpusGenerator generator;

    @BeforeAll
    static void load() { generator = new CorpusGenerator(NewsPool.texts(600)); }

    private static List<JsonNode> lines(String s) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : s.split("\n")) if (!l.isBlank()) out.add(JSON.readTree(l));
        return out;
    }

    @Test
    void theSameSeedGivesTheSameCorpusAndTheCountIsExact() throws Exception {
        StringWriter c1 = new StringWriter(), t1 = new StringWriter(), c2 = new StringWriter(), t2 = new StringWriter();
        generator.generate(CorpusGenerator.Settings.of(123, 5), c1, t1);
        generator.generate(CorpusGenerator.Settings.of(123, 5), c2, t2);
        assertEquals(c1.toString(), c2.toString());
        assertEquals(t1.toString(), t2.toString());
        assertEquals(123, lines(c1.toString()).size());
        assertEquals(123, lines(t1.toString()).size());
    }

    @Test
    void reprintSpansPointAtTheReusedTextOnBothSides() throws Exception {
        StringWriter c = new StringWriter(), t = new StringWriter();
        generator.generate(CorpusGenerator.Settings.of(400, 11), c, t);
        Map<String, String> text = new HashMap<>();
        for (JsonNode a : lines(c.toString())) text.put(a.get("id").asText(), a.get("text").asText());
        int reprints = 0;
        for (JsonNode tr : lines(t.toString())) {
            if (!"reprint".equals(tr.get("kind").asText())) continue;
            reprints++;
            String src = text.get(tr.get("source").asText()), rep = text.get(tr.get("id").asText());
            for (JsonNode s : tr.get("spans")) {
                long[] a = new Tokens().tokenize(src.substring(s.get("a_start").asInt(), s.get("a_end").asInt())).copyHashes();
                long[] b = new Tokens().tokenize(rep.substring(s.get("b_start").asInt(), s.get("b_end").asInt())).copyHashes();
                assertEquals(a.length, b.length, "edits replace words, they do not add or drop them");
                int same = 0;
                for (int i = 0; i < a.length; i++) if (a[i] == b[i]) same++;
                assertTrue(same >= 0.9 * a.length, same + " of " + a.length + " words kept");
            }
        }
        assertTrue(reprints >= 20, "reprints made: " + reprints);
    }

    @Test
    void articlesOfDifferentStoriesShareNoLongWordRunByAccident() throws Exception {
        StringWriter c = new StringWriter(), t = new StringWriter();
        generator.generate(CorpusGenerator.Settings.of(300, 3), c, t);
        List<JsonNode> arts = lines(c.toString()), truth = lines(t.toString());
        Map<Long, String> runOwner = new HashMap<>();
        int clashes = 0, runs = 0;
        for (int i = 0; i < arts.size(); i++) {
            String story = truth.get(i).get("story").asText();
            long[] h = new Tokens().tokenize(arts.get(i).get("text").asText()).copyHashes();
            for (int k = 0; k + 8 <= h.length; k++) {
                long g = 0;
                for (int j = 0; j < 8; j++) g = g * 0x9E3779B97F4A7C15L + h[k + j];
                runs++;
                String prev = runOwner.putIfAbsent(g, story);
                if (prev != null && !prev.equals(story)) clashes++;
            }
        }
        assertTrue(clashes < runs / 1000, clashes + " eight-word runs shared across stories of " + runs);
    }

    @Test
    void theBenchMeasuresLinksAndStoriesAgainstTheTruth(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("c.jsonl"), truth = dir.resolve("c.truth.jsonl");
        try (var cw = Files.newBufferedWriter(corpus); var tw = Files.newBufferedWriter(truth)) {
            generator.generate(CorpusGenerator.Settings.of(600, 9), cw, tw);
        }
        Map<String, Double> f = Bench.run(corpus, truth, 300, 2);
        assertEquals(600.0, f.get("articles"));
        assertTrue(f.get("links.precision_vs_truth") >= 0.95, f.toString());
        assertTrue(f.get("links.recall_vs_truth") >= 0.95, f.toString());
        assertTrue(f.get("links.recall_vs_exact_jaccard_0.5") >= 0.95, f.toString());
        assertTrue(f.get("stories.ari_vs_truth") >= 0.7, f.toString());
        assertTrue(f.get("end_to_end.articles_per_s") > 0 && f.get("memory.index_bytes_per_article") > 0, f.toString());
    }

    @Test
    void exactJaccardCountsSharedElements() {
        assertEquals(2.0 / 5, Bench.jaccard(new long[] {1, 2, 3}, new long[] {2, 3, 4, 5}), 1e-12);
        assertEquals(1.0, Bench.jaccard(new long[] {7}, new long[] {7}), 1e-12);
    }
}
