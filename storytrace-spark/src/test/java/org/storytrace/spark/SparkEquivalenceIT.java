package org.storytrace.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.bench.NewsPool;
import org.storytrace.bench.gen.CorpusGenerator;
import org.storytrace.core.model.Analysis;

/** The Spark job in local mode on a 20,000-article generated corpus gives the same links, stories and topics as the embedded path. */
class SparkEquivalenceIT {
    @TempDir Path dir;

    @Test
    void sparkAndTheEmbeddedPathAgreeOnLinksAndStories() throws Exception {
        Path corpus = dir.resolve("corpus.jsonl"), truth = dir.resolve("corpus.truth.jsonl");
        try (var c = Files.newBufferedWriter(corpus); var t = Files.newBufferedWriter(truth)) {
            new CorpusGenerator(NewsPool.texts(Integer.MAX_VALUE)).generate(CorpusGenerator.Settings.of(20_000, 42), c, t);
        }
        // embedded
        Analysis embedded = Compare.embedded(corpus);
        // spark, local mode
        SparkSession spark = Compare.localSpark("equivalence");
        Analysis distributed;
        try {
            distributed = SparkPipeline.run(spark, corpus.toString());
            SparkJob.write(spark, distributed, dir.resolve("out").toString());
        } finally {
            spark.stop();
        }
        assertEquals(embedded.articles().size(), distributed.articles().size());
        assertEquals(embedded.duplicates().size(), distributed.duplicates().size());
        assertTrue(embedded.links().size() > 1000, "the corpus has reuse to find: " + embedded.links().size());
        assertEquals(Compare.linkSet(embedded.links()), Compare.linkSet(distributed.links()));
        assertEquals(Compare.storySet(embedded.stories()), Compare.storySet(distributed.stories()));
        assertEquals(Compare.topicSet(embedded.stories()), Compare.topicSet(distributed.stories()));
        assertTrue(Files.isDirectory(dir.resolve("out/links")) && Files.isDirectory(dir.resolve("out/stories.jsonl")));
    }
}
