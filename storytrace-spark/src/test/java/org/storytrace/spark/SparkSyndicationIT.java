package org.storytrace.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.bench.NewsPool;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.model.Analysis;
import org.storytrace.core.model.Link;

/**
 * A wire story reprinted 600 times: the Spark job verifies each reprint against the same members of the group of copies
 * as the embedded linker (Linker.toVerify), so both list the same few links a reprint, not every pair.
 */
class SparkSyndicationIT {
    @TempDir Path dir;

    @Test
    void sparkBoundsTheLinksAmongManyCopiesAsTheEmbeddedPathDoes() throws Exception {
        List<String> pool = NewsPool.texts(200);
        String wire = pool.get(2);
        List<String> paragraphs = List.of(wire.split("\\n\\s*\\n"));
        assertTrue(paragraphs.size() >= 14, paragraphs.size() + " paragraphs");
        Path corpus = dir.resolve("syndication.jsonl");
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(3);
        int copies = 600;
        try (BufferedWriter w = Files.newBufferedWriter(corpus)) {
            for (int i = 0; i < copies; i++) {
                w.write(json.writeValueAsString(Map.of("id", "copy" + (1000 + i), "text", TestCorpora.reprint(paragraphs, i, random),
                        "published", "1997-04-0" + (1 + i / 300), "language", "eng")));
                w.newLine();
                if (i % 4 == 3) {
                    w.write(json.writeValueAsString(Map.of("id", "other" + i, "text", pool.get(3 + i / 4), "published", "1997-04-01",
                            "language", "eng")));
                    w.newLine();
                }
            }
        }
        Analysis embedded = Compare.embedded(corpus);
        SparkSession spark = Compare.localSpark("syndication");
        Analysis distributed;
        try {
            distributed = SparkPipeline.run(spark, corpus.toString());
        } finally {
            spark.stop();
        }
        Map<String, Integer> linksOf = new HashMap<>();
        for (Link l : distributed.links()) {
            if (!l.a().startsWith("copy") || !l.b().startsWith("copy")) continue;
            linksOf.merge(l.a(), 1, Integer::sum);
            linksOf.merge(l.b(), 1, Integer::sum);
        }
        assertEquals(copies, linksOf.size(), "every copy linked");
        long copyLinks = distributed.links().stream().filter(l -> l.a().startsWith("copy") && l.b().startsWith("copy")).count();
        assertTrue(copyLinks <= copies * 10L, copyLinks + " links among " + copies + " copies, not every pair");
        assertEquals(Compare.linkSet(embedded.links()), Compare.linkSet(distributed.links()));
        assertEquals(Compare.storySet(embedded.stories()), Compare.storySet(distributed.stories()));
    }
}
