package org.storytrace.app;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.core.TestCorpora;

/**
 * {@code storytrace export} writes each JSON Lines section again as Parquet with a fixed schema: the same rows in the
 * same order, typed columns for the contract's scalar fields and spans, the deep tier's nested objects as their JSON.
 * The seeds and the bundled example, through the deep tier, so entities, time expressions and facts are there.
 */
class ExportParquetTest {
    @TempDir Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySectionIsWrittenAgainAsParquetRowForRow() throws Exception {
        Path store = tmp.resolve("store"), out = tmp.resolve("out");
        var cl = Main.commandLine();
        assertEquals(0, cl.execute("ingest", "../examples/corpus", TestCorpora.root().resolve("seeds").toString(), "--store",
                store.toString(),
                "--no-embeddings"));
        assertEquals(0, cl.execute("export", "--store", store.toString(), "--out", out.toString()));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String section : ParquetExport.COLUMNS.keySet()) {
                Path parquet = out.resolve(section + ".parquet");
                byte[] bytes = Files.readAllBytes(parquet);
                assertEquals("PAR1", new String(bytes, 0, 4), section + ": a Parquet file starts with its magic");
                assertEquals("PAR1", new String(bytes, bytes.length - 4, 4), section + ": and ends with it");
                List<JsonNode> lines = new ArrayList<>();
                for (String l : Files.readAllLines(out.resolve(section + ".jsonl"))) lines.add(JSON.readTree(l));
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + literal(parquet))) {
                    r.next();
                    assertEquals(lines.size(), r.getLong(1), section + ": one row a line");
                }
            }
            List<JsonNode> articles = read(out, "articles"), stories = read(out, "stories"), links = read(out, "links"),
                    entities = read(out, "entities");
            assertEquals(10, articles.size());
            assertFalse(links.isEmpty());
            assertFalse(entities.isEmpty(), "the deep tier ran");

            // fixed types, whatever the data
            Map<String, String> types = new TreeMap<>();
            try (ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + literal(out.resolve("articles.parquet")))) {
                while (r.next()) types.put(r.getString(1), r.getString(2));
            }
            assertEquals("DATE", types.get("published"));
            assertEquals("INTEGER", types.get("body_start"));
            assertEquals("INTEGER[][]", types.get("sentences"));
            assertEquals("VARCHAR", types.get("author"), "a field null in every row keeps its type");
            assertTrue(types.get("boilerplate").startsWith("STRUCT"), types.toString());

            // articles: the same rows in the same order, dates and spans as written
            try (ResultSet r = s.executeQuery("SELECT id, CAST(published AS VARCHAR), body_end, len(sentences), sentences[1][2], "
                    + "CAST(timex AS VARCHAR) FROM " + literal(out.resolve("articles.parquet")))) {
                int i = 0;
                while (r.next()) {
                    JsonNode a = articles.get(i++);
                    assertEquals(a.get("id").asText(), r.getString(1));
                    assertEquals(a.get("published").isNull() ? null : a.get("published").asText(), r.getString(2));
                    assertEquals(a.get("body_end").asInt(), r.getInt(3));
                    assertEquals(a.get("sentences").size(), r.getInt(4));
                    assertEquals(a.get("sentences").get(0).get(1).asInt(), r.getInt(5));
                    assertEquals(a.get("timex"), JSON.readTree(r.getString(6)), "nested objects are their JSON");
                }
                assertEquals(articles.size(), i);
            }
            // stories: members as lists, facts as JSON
            try (ResultSet r = s.executeQuery("SELECT id, articles, CAST(discrepancies AS VARCHAR) FROM "
                    + literal(out.resolve("stories.parquet")))) {
                int i = 0;
                boolean anyDiscrepancy = false;
                while (r.next()) {
                    JsonNode st = stories.get(i++);
                    assertEquals(st.get("id").asText(), r.getString(1));
                    List<String> members = new ArrayList<>();
                    for (Object o : (Object[]) r.getArray(2).getArray()) members.add((String) o);
                    List<String> want = new ArrayList<>();
                    st.get("articles").forEach(x -> want.add(x.asText()));
                    assertEquals(want, members);
                    assertEquals(st.get("discrepancies"), JSON.readTree(r.getString(3)));
                    anyDiscrepancy |= st.get("discrepancies").size() > 0;
                }
                assertTrue(anyDiscrepancy, "the seeds' story holds its discrepancies");
            }
            // links and entities
            try (ResultSet r = s.executeQuery("SELECT a, b, similarity, len(passages) FROM " + literal(out.resolve("links.parquet")))) {
                int i = 0;
                while (r.next()) {
                    JsonNode l = links.get(i++);
                    assertEquals(l.get("a").asText() + " " + l.get("b").asText(), r.getString(1) + " " + r.getString(2));
                    assertEquals(l.get("similarity").asDouble(), r.getDouble(3), 0);
                    assertEquals(l.get("passages").size(), r.getInt(4));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT canonical, CAST(variants AS VARCHAR), len(mentions), len(\"references\") FROM "
                    + literal(out.resolve("entities.parquet")))) {
                int i = 0, references = 0;
                while (r.next()) {
                    JsonNode e = entities.get(i++);
                    assertEquals(e.get("canonical").asText(), r.getString(1));
                    assertEquals(e.get("variants"), JSON.readTree(r.getString(2)));
                    assertEquals(e.get("mentions").size(), r.getInt(3));
                    assertEquals(e.get("references").size(), r.getInt(4));
                    references += r.getInt(4);
                }
                assertTrue(references > 0, "the seeds' people are referred to by pronouns");
            }
            // no rejection: an empty file that still has its columns
            try (ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + literal(out.resolve("rejected.parquet")))) {
                List<String> columns = new ArrayList<>();
                while (r.next()) columns.add(r.getString(1));
                assertEquals(List.of("path", "position", "reason"), columns);
            }
        }
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary file is left");
        }
        // and left out when asked
        Path bare = tmp.resolve("bare");
        assertEquals(0, cl.execute("export", "--store", store.toString(), "--out", bare.toString(), "--no-parquet"));
        assertFalse(Files.exists(bare.resolve("articles.parquet")));
        assertTrue(Files.exists(bare.resolve("articles.jsonl")));
    }

    private static List<JsonNode> read(Path out, String section) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(out.resolve(section + ".jsonl"))) lines.add(JSON.readTree(l));
        return lines;
    }

    private static String literal(Path p) { return "'" + p.toString().replace("'", "''") + "'"; }
}
