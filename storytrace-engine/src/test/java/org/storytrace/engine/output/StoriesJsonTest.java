package org.storytrace.engine.output;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.model.Article;
import org.storytrace.engine.Engine;
import org.storytrace.engine.EngineSettings;
import org.storytrace.engine.Results;

/** The contract's writer: the article listing rendered on several threads is the listing rendered on one. */
class StoriesJsonTest {
    @Test
    void articlesRenderedAChunkAtATimeOnOtherThreadsAreByteForByteTheOnesRenderedInOrder() throws Exception {
        List<String> docs = TestCorpora.newsPool(120);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            String t = docs.get(i) + (i % 4 == 0 ? "\n\n" + docs.get((i * 7) % docs.size()) : ""); // some reuse, so links and stories
            articles.add(new Article("n" + i, "news-pool", t, i % 5 == 0 ? "Headline " + i : null, null, null, null, null, 0, t.length(),
                    List.of(), "text", "UTF-8", null, "Outlet " + (i % 3), null));
        }
        try (Engine e = Engine.builder(EngineSettings.builder().threads(2).build()).build()) {
            e.addAll(articles);
            Results r = e.results();
            for (boolean pretty : new boolean[] {true, false}) {
                String serial = render(r, pretty, 0);
                for (int chunk : new int[] {1, 7, 29}) {
                    assertEquals(serial, render(r, pretty, chunk), "chunks of " + chunk + (pretty ? ", indented" : ", compact"));
                }
                JsonNode listed = new ObjectMapper().readTree(serial).get("articles");
                assertEquals(articles.size(), listed.size());
                for (int i = 0; i < articles.size(); i++) assertEquals("n" + i, listed.get(i).get("id").asText(), "in reading order");
                assertTrue(listed.get(3).get("sentences").size() > 1, "the listing carries each article's sentences");
            }
        }
    }

    private static String render(Results r, boolean pretty, int chunk) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StoriesJson.write(r, out, pretty, chunk);
        return out.toString(StandardCharsets.UTF_8);
    }
}
