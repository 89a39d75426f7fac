package org.storytrace.spark;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.core.TestCorpora;
import org.storytrace.engine.Engine;
import org.storytrace.engine.EngineSettings;
import org.storytrace.engine.Results;
import org.storytrace.engine.output.StoriesJson;

/**
 * The deep tier on Spark (entities, quotes, time, facts, summaries, made where the articles and stories lie)
 * writes the stories.json the engine writes: on the seeds, as JSON Lines, the same articles' layers and the
 * same stories' entities, timelines, discrepancies and summaries.
 */
class SparkDeepTierIT {
    @TempDir Path dir;

    @Test
    void theDeepTierOnSparkWritesWhatTheEngineWrites() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path corpus = dir.resolve("seeds.jsonl");
        StringBuilder lines = new StringBuilder();
        try (var s = Files.list(TestCorpora.root().resolve("seeds"))) {
            for (Path f : s.sorted().toList()) {
                ObjectNode o = json.createObjectNode();
                o.put("id", f.getFileName().toString().replace(".txt", ""));
                o.put("text", Files.readString(f));
                lines.append(json.writeValueAsString(o)).append('\n');
            }
        }
        Files.writeString(corpus, lines);
        JsonNode engine;
        try (Engine e = Engine.builder(EngineSettings.defaults()).deepTier().build()) {
            e.ingest(List.of(corpus.toString()), null);
            engine = json.readTree(bytes(e.results()));
        }
        SparkSession spark = SparkSession.builder().master("local[2]").appName("deep").config("spark.ui.enabled", "false").getOrCreate();
        JsonNode onSpark;
        try {
            SparkPipeline.Run run = SparkPipeline.run(spark, corpus.toString(), SparkPipeline.Format.JSONL, 5);
            assertTrue(run.deep());
            onSpark = json.readTree(bytes(SparkPipeline.results(run, SparkJob.provenance(true))));
        } finally {
            spark.stop();
        }
        assertEquals(engine.get("stories"), onSpark.get("stories"), "stories with their timelines, discrepancies, facts and summaries");
        assertEquals(engine.get("articles"), onSpark.get("articles"), "articles with their time expressions");
        assertEquals(engine.get("entities"), onSpark.get("entities"));
        assertEquals(engine.get("quotes"), onSpark.get("quotes"));
        assertEquals(engine.get("quote_groups"), onSpark.get("quote_groups"));
        JsonNode first = onSpark.get("stories").get(0);
        assertEquals(3, first.get("discrepancies").size(), "the seeds' three discrepancies: " + first.get("discrepancies"));
        assertTrue(first.get("summary").get("sentences").size() > 0);
    }

    private static byte[] bytes(Results r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StoriesJson.write(r, out);
        return out.toByteArray();
    }
}
