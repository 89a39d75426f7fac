package org.storytrace.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.engine.Engine;
import org.storytrace.engine.EngineSettings;
import org.storytrace.engine.Results;

class StoriesJsonTest {
    private static String write(Results r, boolean pretty, int chunk, int threads) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StoriesJson.write(r, out, pretty, chunk, threads);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void articlesRenderedInChunksOnSeveralThreadsAreTheFileOneGeneratorWrites() throws Exception {
        // the bundled example and the seeds: articles with and without furniture, dates, sentences
        Path example = Path.of("..", "examples", "corpus");
        try (Engine e = Engine.builder(EngineSettings.builder().threads(2).build()).build()) {
            e.ingest(List.of(example.toString(), TestCorpora.root().resolve("seeds").toString()), null);
            Results r = e.results();
            int n = r.articleCount();
            assertTrue(n > 7, "articles: " + n);
            for (boolean pretty : new boolean[] {true, false}) {
                String one = write(r, pretty, Integer.MAX_VALUE, 1);
                assertTrue(one.contains("\"articles\""), "the array is written");
                // chunks of one article, of a few (the last one short), and all but one article in the first chunk
                for (int chunk : new int[] {1, 3, n - 1}) {
                    for (int threads : new int[] {2, 3}) {
                        assertEquals(one, write(r, pretty, chunk, threads), "pretty " + pretty + ", chunks of " + chunk + " on "
                                + threads + " threads");
                    }
                }
            }
        }
    }
}
