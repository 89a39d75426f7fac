package org.storytrace.ingest;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.netpreserve.jwarc.WarcCompression;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Span;

/**
 * Property-based fuzzing of every reader: random bytes and random mutations (flipped, cut, inserted and
 * duplicated bytes) of a valid file of each format. For every input, reading never throws, never hangs,
 * and every article it yields keeps its offsets inside its text. Runs jqwik's default tries (150, see
 * junit-platform.properties) in the suite; raise them with -Djqwik.tries.default=N for a longer run.
 */
class ReaderFuzzTest {
    private static final Path DIR;
    private static final byte[][] SEEDS;
    private static final String[] NAMES = {"page.txt", "page.html", "crawl.warc", "crawl.warc.gz", "feed.rss", "items.jsonl",
            "page.txt.gz", "export.json", "news.csv", "pages.zip", "pages.tar.gz", "rows.parquet"};
    private static final AtomicLong INPUTS = new AtomicLong(), ARTICLES = new AtomicLong(), REJECTIONS = new AtomicLong();

    static {
        try {
            DIR = Files.createTempDirectory("storytrace-fuzz");
            FormatsTestWarc w = new FormatsTestWarc(DIR);
            var gz = new ByteArrayOutputStream();
            try (var o = new GZIPOutputStream(gz)) { o.write(("Old bridge to close\n\n" + FormatsTest.STORY)
                    .getBytes(StandardCharsets.UTF_8)); }
            SEEDS = new byte[][] {
                ("News Ticker\n\nOld bridge to close\n\nValmora, Bridges, Roads\n\n" + FormatsTest.STORY + "\n\nSource » courier\n")
                        .getBytes(StandardCharsets.UTF_8),
                FormatsTestWarc.html("Port strike", FormatsTest.OTHER).getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(w.write("seed.warc", WarcCompression.NONE)),
                Files.readAllBytes(w.write("seed.warc.gz", WarcCompression.GZIP)),
                FormatsTest.rss().getBytes(StandardCharsets.UTF_8),
                ("{\"url\":\"https://x.example/a\",\"title\":\"Bridge\",\"text\":\"" + FormatsTest.STORY + "\"}\n{\"html\":\"<p>"
                        + FormatsTest.OTHER + "</p>\"}\n").getBytes(StandardCharsets.UTF_8),
                gz.toByteArray(),
                ("{\"status\": \"ok\", \"articles\": [\n  {\"headline\": \"Bridge\", \"content\": \"" + FormatsTest.STORY
                        + "\", \"source\": {\"name\": \"Courier\"}, \"authors\": [\"A\", {\"name\": \"B\"}]},\n  {\"html\": \"<p>"
                        + FormatsTest.OTHER + "</p>\"}\n]}\n[{\"text\": \"" + FormatsTest.FRENCH + "\"}]\n")
                        .getBytes(StandardCharsets.UTF_8),
                (",title,publication,date,content\r\n0,Bridge,Courier,2021-03-04,\""
                        + FormatsTest.STORY.replace("bridge", "\"\"bridge\"\",\n")
                        + "\"\r\n1,Port,Times,,\"" + FormatsTest.OTHER + "\"\r\n").getBytes(StandardCharsets.UTF_8),
                archive(true),
                archive(false),
                parquet(),
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Parquet file of two articles, one with nested columns, written by DuckDB. */
    private static byte[] parquet() throws IOException {
        Path f = DIR.resolve("seed.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES ('Bridge', '" + FormatsTest.STORY.replace("'", "''") + "', {'name': 'Courier'}, "
                    + "['A', 'B']), ('Port', '" + FormatsTest.OTHER.replace("'", "''") + "', NULL, NULL)) AS t(title, content, source, "
                    + "authors)) TO '" + f + "' (FORMAT parquet)");
        } catch (SQLException e) {
            throw new IOException(e);
        }
        return Files.readAllBytes(f);
    }

    /** A ZIP, or a gzipped TAR, of a page, a JSON Lines file and a gzipped page. */
    private static byte[] archive(boolean zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("news/bridge.txt", ("Old bridge to close\n\n" + FormatsTest.STORY).getBytes(StandardCharsets.UTF_8));
        files.put("news/items.jsonl", ("{\"title\":\"Le pont\",\"text\":\"" + FormatsTest.FRENCH + "\"}\n")
                .getBytes(StandardCharsets.UTF_8));
        files.put("news/port.txt.gz", ArchivesTest.gzip(FormatsTest.OTHER.getBytes(StandardCharsets.UTF_8)));
        return zip ? ArchivesTest.zip(files) : ArchivesTest.gzip(ArchivesTest.tar(files, false));
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<Integer> which = Arbitraries.integers().between(0, SEEDS.length - 1);
        Arbitrary<List<int[]>> edits = Arbitraries.integers().between(0, 3).flatMap(kind ->
                Combinators.combine(Arbitraries.integers().between(0, 1 << 20), Arbitraries.integers().between(0, 255))
                        .as((pos, val) -> new int[] {kind, pos, val})).list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(which, edits).as((w, es) -> {
            byte[] b = SEEDS[w].clone();
            for (int[] e : es) {
                if (b.length == 0) break;
                int p = e[1] % b.length;
                switch (e[0]) {
                    case 0 -> b[p] = (byte) e[2];
                    case 1 -> b = Arrays.copyOf(b, p);
                    case 2 -> { byte[] n = new byte[b.length + 1]; System.arraycopy(b, 0, n, 0, p); n[p] = (byte) e[2]; System.arraycopy(b,
                            p, n, p + 1, b.length - p); b = n; }
                    default -> { int len = Math.min(64, b.length - p); byte[] n = new byte[b.length + len]; System.arraycopy(b, 0, n, 0, p
                            + len); System.arraycopy(b, p, n, p + len, b.length - p); b = n; }
                }
            }
            byte[] out = new byte[b.length + 1];
            out[0] = (byte) w.intValue(); // remember the format for the file name
            System.arraycopy(b, 0, out, 1, b.length);
            return out;
        });
    }

    @Property
    void mutatedFilesOfEveryFormatNeverBreakTheReader(@ForAll("mutated") byte[] tagged) throws IOException {
        byte[] content = Arrays.copyOfRange(tagged, 1, tagged.length);
        check(NAMES[tagged[0]], content);
    }

    @Property
    void randomBytesUnderAnyNameNeverBreakTheReader(@ForAll byte[] content, @ForAll("names") String name) throws IOException {
        check(name, content);
    }

    @Provide
    Arbitrary<String> names() { return Arbitraries.of(NAMES); }

    private static void check(String name, byte[] content) throws IOException {
        Path f = DIR.resolve("in-" + INPUTS.incrementAndGet() + "-" + name);
        Files.write(f, content);
        Ingestor in = new Ingestor(new Ingestor.Settings(1 << 20, Duration.ofSeconds(2), Duration.ofSeconds(10)));
        Collected c = Collected.run(in, List.of(f.toString()));
        for (Article a : c.articles) {
            assertTrue(0 <= a.bodyStart() && a.bodyStart() <= a.bodyEnd() && a.bodyEnd() <= a.text().length(), a.id());
            for (Span s : a.boilerplate()) assertTrue(s.end() <= a.text().length() && a.text().substring(s.start(), s.end())
                    .equals(s.text()), a.id());
        }
        for (var r : c.rejections) assertTrue(r.path().contains(f.getFileName().toString()) && !r.reason().isBlank(), r.toString());
        ARTICLES.addAndGet(c.articles.size());
        REJECTIONS.addAndGet(c.rejections.size());
        Files.deleteIfExists(f);
    }

    @AfterContainer
    static void report() {
        System.out.printf("reader fuzzing: %d inputs, %d articles, %d rejections, no exception escaped%n", INPUTS.get(), ARTICLES.get(),
                REJECTIONS.get());
    }
}
