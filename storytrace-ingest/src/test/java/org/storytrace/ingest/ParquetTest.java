package org.storytrace.ingest;

import static org.junit.jupiter.api.Assertions.*;
import static org.storytrace.ingest.FormatsTest.FRENCH;
import static org.storytrace.ingest.FormatsTest.OTHER;
import static org.storytrace.ingest.FormatsTest.STORY;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.core.model.Article;

/** Parquet files, written by the test with DuckDB as a dataset export would be: a row an article, nested columns too. */
class ParquetTest {
    @TempDir Path dir;

    private static String lit(String s) { return "'" + s.replace("'", "''") + "'"; }

    private Path write(String name, String select) throws Exception {
        Path f = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (" + select + ") TO " + lit(f.toString()) + " (FORMAT parquet)");
        }
        return f;
    }

    @Test
    void rowsAreArticlesUnderTheContractsOrTheExportsNamesNestedColumnsToo() throws Exception {
        Path f = write("news.parquet", "SELECT * FROM (VALUES "
                + "(NULL, 'Bridge to close', " + lit(STORY) + ", DATE '2021-03-04', {'id': 'vc', 'name': 'Valley Courier'}, "
                + "['Ana Ruiz', 'Li Wei']), "
                + "('port-1', 'Port strike', " + lit(OTHER) + ", NULL, {'id': NULL, 'name': 'Harbour Times'}, []), "
                + "(NULL, 'no text', NULL, NULL, NULL, NULL), "
                + "(NULL, 'Le pont', " + lit(FRENCH) + ", DATE '2021-03-05', NULL, NULL)"
                + ") AS t(id, headline, content, publishedAt, source, authors)");
        Collected c = Collected.run(new Ingestor(), List.of(f.toString()));
        assertEquals(List.of("news-1", "port-1", "news-4"), c.ids(), c.rejections.toString());
        Article a = c.articles.get(0);
        assertEquals("Bridge to close", a.title());
        assertEquals(LocalDate.of(2021, 3, 4), a.published());
        assertEquals("declared by the Parquet row", a.publishedEvidence());
        assertEquals("Valley Courier", a.outlet(), "a source struct's name");
        assertEquals("Ana Ruiz, Li Wei", a.author(), "a list of authors");
        assertTrue(a.text().contains("corroded cables"), a.text());
        assertEquals(f + " (row 1)", a.path());
        assertEquals("Harbour Times", c.articles.get(1).outlet());
        assertEquals("fra", c.articles.get(2).language());
        assertEquals(1, c.rejections.size(), c.rejections.toString());
        assertEquals("row 3", c.rejections.get(0).position());
    }

    @Test
    void aBrokenParquetFileIsRejectedInOneLineAndOneInsideAnArchiveIsRefusedWithAdvice() throws Exception {
        Path good = write("good.parquet", "SELECT 'Bridge' AS title, " + lit(STORY) + " AS text");
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(bytes, bytes.length / 2));
        Collected c = Collected.run(new Ingestor(), List.of(cut.toString()));
        assertEquals(List.of(), c.ids());
        assertEquals(1, c.rejections.size(), c.rejections.toString());
        String why = c.rejections.get(0).reason();
        assertTrue(why.startsWith("not a readable Parquet file: ") && !why.contains("\n"), why);

        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zipped)) {
            z.putNextEntry(new ZipEntry("data/good.parquet"));
            z.write(bytes);
        }
        Collected inZip = Collected.run(new Ingestor(), List.of(Files.write(dir.resolve("ds.zip"), zipped.toByteArray()).toString()));
        assertEquals(List.of(), inZip.ids());
        assertTrue(inZip.rejectedFor("ds.zip!/data/good.parquet", "unpack it to a file first"), inZip.rejections.toString());
    }
}
