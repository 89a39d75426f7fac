package org.storytrace.spark;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.storytrace.bench.NewsPool;
import org.storytrace.bench.gen.CorpusGenerator;
import org.storytrace.core.model.Analysis;

/** The Spark job reads Parquet and WARC as well as JSON Lines, and finds there what the embedded path finds. */
class SparkFormatsIT {
    @TempDir static Path dir;
    static SparkSession spark;
    static Path corpus;

    @BeforeAll
    static void start() throws Exception {
        corpus = dir.resolve("corpus.jsonl");
        try (var c = Files.newBufferedWriter(corpus); var t = Files.newBufferedWriter(dir.resolve("corpus.truth.jsonl"))) {
            new CorpusGenerator(NewsPool.texts(Integer.MAX_VALUE)).generate(CorpusGenerator.Settings.of(400, 7), c, t);
        }
        spark = SparkSession.builder().master("local[2]").appName("formats").config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() { if (spark != null) spark.stop(); }

    private static Analysis embedded(Path input) {
        return Compare.embedded(input);
    }

    @Test
    void parquetRowsWithTheJsonLinesFieldsGiveTheSameAnalysisAsTheirJsonLinesAndAsTheEmbeddedParquetReader() throws Exception {
        String parquet = dir.resolve("corpus.parquet").toString();
        spark.read().json(corpus.toString()).write().parquet(parquet);
        assertEquals(SparkPipeline.Format.PARQUET, SparkPipeline.Format.of(parquet));
        Analysis fromJson = SparkPipeline.run(spark, corpus.toString());
        Analysis fromParquet = SparkPipeline.run(spark, parquet);
        assertEquals(400, fromParquet.articles().size() + fromParquet.duplicates().size());
        assertEquals(ids(fromJson), ids(fromParquet));
        assertTrue(fromJson.links().size() > 20, "the corpus has reuse: " + fromJson.links().size());
        assertEquals(Compare.linkSet(fromJson.links()), Compare.linkSet(fromParquet.links()));
        assertEquals(Compare.storySet(fromJson.stories()), Compare.storySet(fromParquet.stories()));
        assertEquals("parquet/text", fromParquet.articles().get(0).format());
        // the embedded path reads a part file alike (its Parquet reader is DuckDB's)
        String one = dir.resolve("one.parquet").toString();
        spark.read().json(corpus.toString()).coalesce(1).write().parquet(one);
        Path part;
        try (var files = Files.list(Path.of(one))) {
            part = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Analysis embeddedParquet = embedded(part);
        assertEquals(ids(fromParquet), ids(embeddedParquet));
        assertEquals(Compare.linkSet(fromParquet.links()), Compare.linkSet(embeddedParquet.links()));
        assertEquals(Compare.storySet(fromParquet.stories()), Compare.storySet(embeddedParquet.stories()));
    }

    @Test
    void csvRowsGiveTheSameAnalysisAsTheirJsonLinesAndAsTheEmbeddedCsvReader() throws Exception {
        // Spark's own CSV writer: a folder of part files with a header row each, quoted fields with line breaks
        String csv = dir.resolve("corpus.csv").toString();
        spark.read().json(corpus.toString()).coalesce(1).write().option("header", "true").option("escape", "\"").csv(csv);
        assertEquals(SparkPipeline.Format.CSV, SparkPipeline.Format.of(csv));
        Analysis fromJson = SparkPipeline.run(spark, corpus.toString());
        Analysis fromCsv = SparkPipeline.run(spark, csv);
        assertEquals(400, fromCsv.articles().size() + fromCsv.duplicates().size());
        assertEquals(ids(fromJson), ids(fromCsv));
        assertEquals(Compare.linkSet(fromJson.links()), Compare.linkSet(fromCsv.links()));
        assertEquals(Compare.storySet(fromJson.stories()), Compare.storySet(fromCsv.stories()));
        assertEquals("csv/text", fromCsv.articles().get(0).format());
        // the embedded path reads the same part file alike
        Path part;
        try (var files = Files.list(Path.of(csv))) {
            part = files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        Analysis embeddedCsv = embedded(part);
        assertEquals(ids(fromCsv), ids(embeddedCsv));
        assertEquals(Compare.linkSet(fromCsv.links()), Compare.linkSet(embeddedCsv.links()));
        assertEquals(Compare.storySet(fromCsv.stories()), Compare.storySet(embeddedCsv.stories()));
    }

    @Test
    void warcFilesAreReadWhereTheyLieAndMatchTheEmbeddedPath() throws Exception {
        // the corpus as a crawl: each article an HTML response, split over two gzipped WARC files
        Path crawl = Files.createDirectories(dir.resolve("crawl"));
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8).subList(0, 200);
        for (int part = 0; part < 2; part++) {
            Path f = crawl.resolve("part-" + part + ".warc.gz");
            try (WarcWriter w = new WarcWriter(Files.newByteChannel(f, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), WarcCompression.GZIP)) {
                for (int i = part * 100; i < part * 100 + 100; i++) {
                    JsonNode a = json.readTree(lines.get(i));
                    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>" + a.get("title").asText()
                            + "</title></head><body><article><h1>"
                            + a.get("title").asText() + "</h1>");
                    for (String para : a.get("text").asText().split("\n+")) html.append("<p>").append(para.replace("<", "&lt;"))
                            .append("</p>");
                    html.append("</article></body></html>");
                    HttpResponse http = new HttpResponse.Builder(200, "OK").addHeader("Content-Type", "text/html; charset=utf-8")
                            .body(MediaType.parse("text/html"), html.toString().getBytes(StandardCharsets.UTF_8)).build();
                    w.write(new WarcResponse.Builder(URI.create(a.get("url").asText())).date(Instant.parse("2020-05-08T10:00:00Z"))
                            .body(http).build());
                }
            }
        }
        String glob = crawl + "/*.warc.gz";
        assertEquals(SparkPipeline.Format.WARC, SparkPipeline.Format.of(glob));
        Analysis distributed = SparkPipeline.run(spark, glob);
        Analysis local = embedded(crawl);
        assertEquals(200, local.articles().size() + local.duplicates().size());
        assertEquals(ids(local), ids(distributed));
        assertTrue(local.links().size() > 5, "the crawl has reuse: " + local.links().size());
        assertEquals(Compare.linkSet(local.links()), Compare.linkSet(distributed.links()));
        assertEquals(Compare.storySet(local.stories()), Compare.storySet(distributed.stories()));
        assertEquals("warc/html", distributed.articles().get(0).format());
    }

    private static List<String> ids(Analysis a) { return a.articles().stream().map(x -> x.id()).toList(); }
}
