package org.storytrace.ingest;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;
import org.storytrace.core.model.Article;

/** Every input format, read from real files the test builds (WARC written with jwarc, feeds served on 127.0.0.1). */
class FormatsTest {
    @TempDir Path dir;
    private HttpServer server;

    static final String STORY = "The city council voted on Thursday to close the old bridge for two years so that engineers can replace "
            + "its corroded cables and rebuild the deck, a project expected to cost about ninety million crowns.";
    static final String OTHER = "Dockworkers walked off the job at the port on Monday, halting the loading of grain ships and leaving "
            + "more than forty vessels waiting in the outer harbour after talks over pay broke down.";
    static final String FRENCH = "Le conseil municipal a voté jeudi la fermeture du vieux pont pendant deux ans afin que les ingénieurs "
            + "puissent remplacer ses câbles rouillés et reconstruire le tablier.";

    @AfterEach
    void stop() { if (server != null) server.stop(0); }

    private static String html(String title, String body, String extraHead) {
        return "<!DOCTYPE html><html><head><title>" + title + "</title>" + extraHead + "</head><body><article><h1>" + title + "</h1><p>"
                + body
                + "</p><p>" + body.replace("the", "a") + "</p></article></body></html>";
    }

    @Test
    void jsonLinesObjectsBecomeArticlesAndBadLinesAreRejectedByLineNumber() throws Exception {
        Path f = dir.resolve("feed.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"url\":\"https://news.example/2020/08/24/bridge?utm_source=x\",\"title\":\"Bridge to close\",\"text\":\"" + STORY
                        + "\",\"published\":\"2021-03-04\",\"outlet\":\"Valley Courier\",\"author\":\"Ana Ruiz\"}",
                "{\"url\":\"https://port.example/strike\",\"html\":\"" + html("Port strike", OTHER, "").replace("\"", "\\\"") + "\"}",
                "{not json",
                "{\"title\":\"no body\"}",
                "[1, 2]",
                ""));
        Collected c = Collected.run(new Ingestor(), List.of(f.toString()));
        assertEquals(List.of("feed-1", "feed-2"), c.ids());
        Article a = c.articles.get(0);
        assertEquals("Bridge to close", a.title());
        assertEquals("https://news.example/2020/08/24/bridge", a.url(), "tracking parameters are stripped");
        assertEquals(LocalDate.of(2020, 8, 24), a.published(), "a date in the URL path outranks the declared one");
        assertEquals("Valley Courier", a.outlet());
        assertEquals("Ana Ruiz", a.author());
        assertEquals("eng", a.language());
        assertEquals("port.example", c.articles.get(1).outlet(), "the host is the outlet of last resort");
        assertEquals("Port strike", c.articles.get(1).title());
        assertTrue(c.rejections.stream().anyMatch(r -> "line 3".equals(r.position()) && r.reason().contains("not valid JSON")),
                c.rejections.toString());
        assertTrue(c.rejections.stream().anyMatch(r -> "line 4".equals(r.position()) && r.reason().contains("neither")),
                c.rejections.toString());
        assertTrue(c.rejections.stream().anyMatch(r -> "line 5".equals(r.position()) && r.reason().contains("not a JSON object")),
                c.rejections.toString());
    }

    private static String q(String s) { return "\"" + s + "\""; }

    @Test
    void jsonArraysIndentedObjectsAndApiResponsesAreReadAsArticlesWithTheOtherNamesOfTheirFields() throws Exception {
        // an indented array as scrapers write it, with NewsAPI's and schema.org's names for the fields
        Files.writeString(dir.resolve("scraped.json"), "[\n  {\n    \"headline\": \"Bridge to close\",\n    \"content\": " + q(STORY)
                + ",\n    \"publishedAt\": \"2021-03-04T09:30:00Z\",\n    \"source\": {\"id\": null, \"name\": \"Valley Courier\"},\n"
                + "    \"authors\": [\"Ana Ruiz\", {\"name\": \"Li Wei\"}],\n    \"tags\": [\"city\", \"transport\"]\n  },\n"
                + "  {\"title\": \"Port strike\", \"text\": " + q(OTHER) + ", \"body\": \"not this one\",\n"
                + "   \"url\": \"https://port.example/s\"},\n"
                + "  \"a string\",\n  {\"title\": \"no body\"}\n]\n");
        // an API response wrapping its articles; an indented object alone; two indented objects one after the other
        Files.writeString(dir.resolve("api.json"), "{\"status\": \"ok\", \"totalResults\": 1, \"articles\": [{\"title\": \"Le pont\", "
                + "\"description\": \"short\", \"content\": " + q(FRENCH) + "}], \"next\": null}");
        Files.writeString(dir.resolve("one.json"), "{\n  \"id\": \"bridge-story\",\n  \"text\": " + q(STORY.replace("two years",
                "three years")) + "\n}\n{\n  \"text\": " + q(OTHER.replace("Monday", "Friday")) + "\n}\n");
        Collected c = Collected.run(new Ingestor(), List.of(dir.resolve("scraped.json").toString(), dir.resolve("api.json").toString(),
                dir.resolve("one.json").toString()));
        assertEquals(List.of("scraped-1", "scraped-2", "api-1", "bridge-story", "one-2"), c.ids(), c.rejections.toString());
        Article a = c.articles.get(0);
        assertEquals("Bridge to close", a.title());
        assertEquals(STORY, a.text().substring(a.bodyStart(), a.bodyEnd()).strip());
        assertEquals(LocalDate.of(2021, 3, 4), a.published());
        assertEquals("Valley Courier", a.outlet(), "an outlet given as an object with a name");
        assertEquals("Ana Ruiz, Li Wei", a.author(), "authors given as an array");
        Article b = c.articles.get(1);
        assertTrue(b.text().contains("Dockworkers") && !b.text().contains("not this one"), "a field's own name wins over another name");
        assertEquals("fra", c.articles.get(2).language());
        assertTrue(c.rejections.stream().anyMatch(r -> r.path().endsWith("scraped.json") && "element 3".equals(r.position())
                && r.reason().equals("not a JSON object")), c.rejections.toString());
        assertTrue(c.rejections.stream().anyMatch(r -> r.path().endsWith("scraped.json") && "element 4".equals(r.position())
                && r.reason().contains("neither")), c.rejections.toString());
        assertEquals(2, c.rejections.size(), c.rejections.toString());
    }

    @Test
    void crawlersOutputIsReadUnderTheCrawlersOwnFieldNames() throws Exception {
        // news-please's JSON (one file an article), newspaper3k's fields as a script dumps them, one a line
        Files.writeString(dir.resolve("news-please.json"), "{\n  \"authors\": [\"Ana Ruiz\"],\n  \"date_download\": "
                + "\"2021-03-05 10:00:00\",\n  \"date_publish\": \"2021-03-04 09:30:00\",\n  \"description\": \"The council "
                + "voted.\",\n  \"language\": \"en\",\n  \"maintext\": " + q(STORY) + ",\n  \"source_domain\": "
                + "\"valley.example\",\n  \"title\": \"Bridge to close\",\n  \"url\": \"https://valley.example/bridge\"\n}\n");
        Files.writeString(dir.resolve("newspaper.jsonl"), "{\"title\": \"Port strike\", \"text\": " + q(OTHER) + ", \"authors\": "
                + "[\"Li Wei\", \"Sam Okafor\"], \"publish_date\": \"2021-03-06T00:00:00\", \"top_image\": \"x.jpg\"}\n");
        Collected c = Collected.run(new Ingestor(), List.of(dir.resolve("news-please.json").toString(),
                dir.resolve("newspaper.jsonl").toString()));
        assertEquals(List.of("news-please-1", "newspaper-1"), c.ids(), c.rejections.toString());
        Article a = c.articles.get(0);
        assertEquals(LocalDate.of(2021, 3, 4), a.published(), "date_publish, not date_download");
        assertEquals("valley.example", a.outlet());
        assertEquals("Ana Ruiz", a.author());
        assertEquals("Bridge to close", a.title());
        Article b = c.articles.get(1);
        assertEquals(LocalDate.of(2021, 3, 6), b.published());
        assertEquals("Li Wei, Sam Okafor", b.author());
    }

    @Test
    void aJsonDocumentThatBreaksOffKeepsTheArticlesBeforeAndSaysWhereItBroke() throws Exception {
        Path f = dir.resolve("cut.json.gz");
        String json = "[\n  {\"title\": \"Bridge\", \"text\": " + q(STORY) + "},\n  {\"title\": \"Port\", \"text\": \"Dockworkers wal";
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        // text that opens with a bracket is still text; a JSON Lines line that is not JSON names no parser internals
        Files.writeString(dir.resolve("note.txt"), "[Updated] " + OTHER);
        Files.writeString(dir.resolve("bad.jsonl"), "{\"title\": \"broken\"\n{\"content\": " + q(FRENCH) + "}\n");
        Collected c = Collected.run(new Ingestor(), List.of(f.toString(), dir.resolve("note.txt").toString(),
                dir.resolve("bad.jsonl").toString()));
        assertEquals(List.of("cut-1", "note", "bad-2"), c.ids(), c.rejections.toString());
        assertEquals(2, c.rejections.size(), c.rejections.toString());
        assertEquals("[Updated] " + OTHER, c.articles.get(1).text().strip());
        assertTrue(c.rejections.stream().anyMatch(r -> r.path().endsWith("cut.json.gz") && r.position().startsWith("line 3, column ")
                && r.reason().startsWith("not valid JSON: Unexpected end of input")
                && r.reason().endsWith("(the article before it was read)")),
                c.rejections.toString());
        assertTrue(c.rejections.stream().anyMatch(r -> r.path().endsWith("bad.jsonl") && "line 1".equals(r.position())
                && r.reason().contains("line 1, column 1") && !r.reason().contains("Source")), c.rejections.toString());
    }

    @Test
    void csvAndTsvTablesWithAHeaderRowAreReadARowAnArticle() throws Exception {
        // a news dataset's CSV as pandas writes it: an unnamed index column, the text under "content", quoted fields
        // holding commas, doubled quotes and a line break; a row without text
        String quoted = STORY.replace("bridge", "\"\"old\"\" bridge, the one by the port,\nthey said,");
        Files.writeString(dir.resolve("news.csv"), "\uFEFF,id,title,publication,author,date,year,url,content\r\n"
                + "0,17283,Bridge to close,Valley Courier,Ana Ruiz,2021-03-04,2021.0,https://valley.example/b,\"" + quoted + "\"\r\n"
                + "1,17284,Empty,Valley Courier,,2021-03-05,2021.0,,\r\n"
                + "2,17285,Port strike,Harbour Times,,2021-03-06,2021.0,https://harbour.example/s,\"" + OTHER + "\"\r\n");
        Path tsv = dir.resolve("le-monde.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tsv))) {
            out.write(("Title\tText\tLang\nLe pont\t" + FRENCH + "\tfra\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("no-text.csv"), "title,url\nBridge,https://x.example\n");
        Files.writeString(dir.resolve("cut.csv"), "title,text\nBridge,\"" + STORY + "\"\nPort,\"" + OTHER + "\n");
        Collected c = Collected.run(new Ingestor(), List.of(dir.resolve("news.csv").toString(), tsv.toString(),
                dir.resolve("no-text.csv").toString(), dir.resolve("cut.csv").toString()));
        assertEquals(List.of("17283", "17285", "le-monde-1", "cut-1"), c.ids(), c.rejections.toString());
        Article a = c.articles.get(0);
        assertEquals("Bridge to close", a.title());
        assertEquals("Valley Courier", a.outlet(), "publication is the outlet");
        assertEquals("Ana Ruiz", a.author());
        assertEquals(LocalDate.of(2021, 3, 4), a.published());
        assertEquals("declared by the CSV row", a.publishedEvidence());
        assertTrue(a.text().contains("\"old\" bridge, the one by the port,") && a.text().contains("they said,"), a.text());
        assertEquals("fra", c.articles.get(2).language());
        assertTrue(c.rejectedFor("news.csv", "neither"), c.rejections.toString());
        assertTrue(c.rejections.stream().anyMatch(r -> r.path().endsWith("news.csv") && "row 2".equals(r.position())),
                c.rejections.toString());
        assertTrue(c.rejectedFor("no-text.csv", "names no text column") && c.rejectedFor("no-text.csv", "[title, url]"),
                c.rejections.toString());
        assertTrue(c.rejections.stream().anyMatch(r -> r.path().endsWith("cut.csv") && r.reason().startsWith("not valid CSV")
                && r.reason().endsWith("(the row before it was read)")), c.rejections.toString());
        assertEquals(3, c.rejections.size(), c.rejections.toString());
    }

    @Test
    void jsonLinesAreCutAsBytesWithoutLosingCharactersAcrossBuffersOrArticlesWithABadByte() throws Exception {
        // lines long enough that some multi-byte characters straddle the reader's 64 KB buffers
        String accented = "Le conseil a voté jeudi — « fermeture » du pont, 橋 — ";
        StringBuilder body = new StringBuilder();
        while (body.length() < 70_000) body.append(accented).append(STORY).append(' ');
        String text = body.toString().trim();
        byte[] line1 = ("{\"id\":\"long\",\"text\":\"" + text + "\"}\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = ("{\"id\":\"bad-byte\",\"text\":\"" + OTHER + " X\"}\n").getBytes(StandardCharsets.UTF_8);
        int x = indexOf(bad, (byte) 'X');
        bad[x] = (byte) 0xC3; // a lead byte with no continuation: not UTF-8
        byte[] blank = " \t\u3000\r\n".getBytes(StandardCharsets.UTF_8); // an ideographic space is blank too, as String.isBlank says
        byte[] last = ("{\"id\":\"no-newline-at-end\",\"text\":\"" + STORY + "\"}").getBytes(StandardCharsets.UTF_8);
        Path f = dir.resolve("bytes.jsonl");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write(line1);
            out.write(bad);
            out.write(blank);
            out.write(last);
        }
        Collected c = Collected.run(new Ingestor(), List.of(f.toString()));
        assertEquals(List.of("long", "bad-byte", "no-newline-at-end"), c.ids(), c.rejections.toString());
        assertTrue(c.articles.get(0).text().contains("« fermeture » du pont, 橋"), "characters across buffers arrive whole");
        assertFalse(c.articles.get(0).text().contains("\uFFFD"));
        assertTrue(c.articles.get(1).text().contains("\uFFFD"), "a bad byte is read as U+FFFD, the article kept");
        assertEquals(List.of(), c.rejections);
    }

    @Test
    void aJsonLineOverTheLimitIsRejectedInBytesAndTheNextLineIsRead() throws Exception {
        Path f = dir.resolve("limit.jsonl");
        String longText = "é".repeat(40_000); // 40,000 characters, 80,000 bytes
        Files.writeString(f, "{\"id\":\"too-long\",\"text\":\"" + longText + "\"}\n{\"id\":\"fine\",\"text\":\"" + STORY
                + "\"}\n");
        Collected c = Collected.run(new Ingestor(new Ingestor.Settings(64 * 1024)), List.of(f.toString()));
        assertEquals(List.of("fine"), c.ids());
        assertTrue(c.rejections.stream().anyMatch(r -> "line 1".equals(r.position())
                && r.reason().contains("longer than the limit of 65536 bytes")), c.rejections.toString());
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) if (b[i] == x) return i;
        return -1;
    }

    private Path writeWarc(String name, WarcCompression compression) throws IOException {
        return new FormatsTestWarc(dir).write(name, compression);
    }

    @Test
    void warcResponsesAndWetConversionsBecomeArticlesOthersAreSkippedAndCounted() throws Exception {
        for (WarcCompression comp : new WarcCompression[] {WarcCompression.NONE, WarcCompression.GZIP}) {
            Path f = writeWarc(comp == WarcCompression.GZIP ? "crawl.warc.gz" : "crawl.warc", comp);
            Ingestor in = new Ingestor();
            Collected c = Collected.run(in, List.of(f.toString()));
            assertEquals(List.of(), c.rejections, comp.toString());
            assertEquals(3, c.articles.size(), comp + ": " + c.ids());
            assertEquals("https://news.example/a", c.articles.get(0).url());
            assertEquals("warc/html", c.articles.get(0).format());
            assertEquals("fra", c.articles.get(2).language(), "other languages take the fast path and are marked");
            assertEquals(1, in.skipped().get("redirect"));
            assertEquals(1, in.skipped().get("error response"));
            assertEquals(1, in.skipped().get("non-HTML response"));
            assertEquals(1, in.skipped().get("request"));
        }
    }

    @Test
    void aTruncatedWarcKeepsTheRecordsBeforeTheBreakAndSaysWhere() throws Exception {
        Path f = writeWarc("crawl.warc", WarcCompression.NONE);
        byte[] all = Files.readAllBytes(f);
        String s = new String(all, StandardCharsets.ISO_8859_1);
        int cut = s.indexOf("Port strike") + 5; // inside the second HTML response
        Path broken = dir.resolve("broken.warc");
        Files.write(broken, Arrays.copyOf(all, cut));
        Collected c = Collected.run(new Ingestor(), List.of(broken.toString()));
        assertEquals(1, c.articles.size(), c.ids().toString());
        assertEquals(1, c.rejections.size(), c.rejections.toString());
        assertTrue(c.rejections.get(0).position().startsWith("record "), c.rejections.toString());
    }

    private void serve(String path, int delayMs, String type, String body) throws IOException {
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }
        server.createContext(path, ex -> {
            try { Thread.sleep(delayMs); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", type);
            try {
                ex.sendResponseHeaders(200, b.length);
                try (OutputStream o = ex.getResponseBody()) { o.write(b); }
            } catch (IOException gone) {
                // the client gave up (timeout test)
            }
        });
    }

    private String url(String path) { return "http://127.0.0.1:" + server.getAddress().getPort() + path; }

    static String rss() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Valley "
                + "Courier</title><link>https://news.example/</link><description>x</description>"
                + "<item><title>Bridge to close</title><link>https://news.example/bridge</link><pubDate>Thu, 04 Mar 2021 "
                        + "10:00:00 GMT</pubDate>"
                + "<author>ana@news.example (Ana Ruiz)</author><description><![CDATA[<p>" + STORY + "</p>]]></description></item>"
                + "<item><title>Port strike</title><link>https://news.example/strike</link><description>" + OTHER + "</description></item>"
                + "</channel></rss>";
    }

    static String atom() {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Harbour "
                + "Gazette</title><id>urn:x</id><updated>2021-03-05T00:00:00Z</updated>"
                + "<entry><title>Strike strands ships</title><id>urn:1</id><link "
                        + "href=\"https://gazette.example/strike\"/><published>2021-03-05T08:00:00Z</published>"
                + "<updated>2021-03-05T08:00:00Z</updated><author><name>Petra Lind</name></author><content type=\"html\">&lt;p&gt;" + OTHER
                        + " Ships lay at anchor.&lt;/p&gt;</content></entry></feed>";
    }

    @Test
    void rssAndAtomFeedsAreReadFromFilesAndFromUrls() throws Exception {
        Path rssFile = dir.resolve("courier.xml");
        Files.writeString(rssFile, rss());
        serve("/atom", 0, "application/atom+xml", atom());
        Collected c = Collected.run(new Ingestor(), List.of(rssFile.toString(), url("/atom")));
        assertEquals(List.of(), c.rejections);
        assertEquals(3, c.articles.size(), c.ids().toString());
        Article bridge = c.articles.get(0);
        assertEquals("Bridge to close", bridge.title());
        assertEquals("https://news.example/bridge", bridge.url());
        assertEquals(LocalDate.of(2021, 3, 4), bridge.published());
        assertEquals("Valley Courier", bridge.outlet());
        Article atom = c.articles.get(2);
        assertEquals("Strike strands ships", atom.title());
        assertEquals("Petra Lind", atom.author());
        assertEquals("Harbour Gazette", atom.outlet());
        assertEquals(LocalDate.of(2021, 3, 5), atom.published());
        assertTrue(atom.body().contains("Ships lay at anchor"));
    }

    @Test
    void slowAndUnreachableFeedsTimeOutWithAClearReasonAndTheRunGoesOn() throws Exception {
        serve("/slow", 5000, "application/rss+xml", rss());
        serve("/ok", 0, "application/rss+xml", rss());
        Ingestor in = new Ingestor(new Ingestor.Settings(1 << 20, Duration.ofMillis(700)));
        long t0 = System.nanoTime();
        Collected c = Collected.run(in, List.of(url("/slow"), "http://127.0.0.1:1/feed", url("/ok")));
        assertTrue((System.nanoTime() - t0) / 1e9 < 4.5, "bounded by the timeout");
        assertEquals(2, c.articles.size());
        assertTrue(c.rejectedFor("/slow", "timed out"), c.rejections.toString());
        assertTrue(c.rejectedFor("127.0.0.1:1/feed", "cannot be fetched"), c.rejections.toString());
    }

    @Test
    void entityExpansionInAFeedIsRefused() throws Exception {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                + "<rss version=\"2.0\"><channel><title>x</title><item><title>&d;</title><description>&d;</description></item></"
                        + "channel></rss>";
        Path f = dir.resolve("bomb.rss");
        Files.writeString(f, bomb);
        Collected c = Collected.run(new Ingestor(), List.of(f.toString()));
        assertEquals(0, c.articles.size());
        assertTrue(c.rejectedFor("bomb.rss", "not a readable RSS or Atom feed"), c.rejections.toString());
    }

    @Test
    void gzippedPagesGlobsAndStandardInputAreRead() throws Exception {
        Path sub = dir.resolve("pages");
        Files.createDirectories(sub);
        Files.writeString(sub.resolve("bridge.txt"), "Old bridge to close\n\n" + STORY + "\n");
        Files.writeString(sub.resolve("notes.md"), "Port strike halts grain ships\n\n" + OTHER + "\n");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(sub.resolve("french.txt.gz")))) {
            o.write(("Le vieux pont fermera\n\n" + FRENCH + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Collected c = Collected.run(new Ingestor(), List.of(sub + "/*.t*"));
        assertEquals(List.of("bridge", "french"), c.ids());
        assertEquals("fra", c.articles.get(1).language());
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(("{\"title\":\"From a pipe\",\"text\":\"" + OTHER + "\"}\n")
                    .getBytes(StandardCharsets.UTF_8)));
            Collected piped = Collected.run(new Ingestor(), List.of("-"));
            assertEquals(List.of("stdin-1"), piped.ids());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void aGzipBombIsStoppedAtTheSizeBudget() throws Exception {
        Path f = dir.resolve("bomb.txt.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
            byte[] zeros = new byte[1 << 20];
            Arrays.fill(zeros, (byte) 'a');
            for (int i = 0; i < 200; i++) o.write(zeros); // 200 MB of text in about 200 KB
        }
        Collected c = Collected.run(new Ingestor(new Ingestor.Settings(5L << 20)), List.of(f.toString()));
        assertEquals(0, c.articles.size());
        assertTrue(c.rejectedFor("bomb.txt.gz", "too large"), c.rejections.toString());
    }

    @Test
    void exactDuplicatesAreRecordedNotProcessedTwiceSoARerunAddsNothing() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Old bridge to close\n\n" + STORY + "\n");
        Files.writeString(dir.resolve("b.txt"), "Old bridge to close\n\n" + STORY.replace("'", "’").replace(" ", "  ") + "\n");
        Path jl = dir.resolve("c.jsonl");
        Files.writeString(jl, "{\"url\":\"https://x.example/s?utm_medium=rss\",\"text\":\"" + OTHER
                + "\"}\n{\"url\":\"https://x.example/s#top\",\"text\":\"" + OTHER + " More.\"}\n");
        Ingestor in = new Ingestor();
        Collected first = Collected.run(in, List.of(dir.toString()));
        assertEquals(List.of("a", "c-1"), first.ids());
        assertEquals(2, first.duplicates.size(), first.duplicates.toString());
        assertTrue(first.duplicates.stream().anyMatch(d -> d.of().equals("a") && d.reason().equals("same body")));
        assertTrue(first.duplicates.stream().anyMatch(d -> d.of().equals("c-1") && d.reason().equals("same canonical URL")));
        Collected again = Collected.run(in, List.of(dir.toString()));
        assertEquals(List.of(), again.ids(), "a rerun over the same inputs adds nothing");
    }
}
