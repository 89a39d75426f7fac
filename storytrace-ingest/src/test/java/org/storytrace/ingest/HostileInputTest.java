package org.storytrace.ingest;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;

/**
 * The hostile inputs a crawler meets, each next to a good file: no crash, no hang, bounded memory, a
 * rejection that names the input (and where inside it, when that can be told), and the good file still read.
 */
class HostileInputTest {
    @TempDir Path dir;

    private static final String GOOD = "Old bridge to close\n\n" + FormatsTest.STORY + "\n";

    private Collected runWithGood(Ingestor in, Path hostile) throws IOException {
        Path good = dir.resolve("zz-good.txt");
        Files.writeString(good, GOOD);
        Collected c = Collected.run(in, List.of(hostile.toString(), good.toString()));
        assertTrue(c.ids().contains("zz-good"), "the good file is still read: " + c.ids() + " " + c.rejections);
        return c;
    }

    private static byte[] gzip(byte[] b) throws IOException {
        var bo = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(bo)) { o.write(b); }
        return bo.toByteArray();
    }

    @Test
    void aTruncatedGzipFileIsRejectedAsTruncated() throws Exception {
        byte[] gz = gzip((GOOD + FormatsTest.OTHER.repeat(50)).getBytes(StandardCharsets.UTF_8));
        Path f = dir.resolve("cut.txt.gz");
        Files.write(f, Arrays.copyOf(gz, gz.length / 2));
        Collected c = runWithGood(new Ingestor(), f);
        assertTrue(c.rejectedFor("cut.txt.gz", "truncated") || c.rejectedFor("cut.txt.gz", "broken compressed data"),
                c.rejections.toString());
    }

    @Test
    void aTruncatedWarcGzKeepsTheEarlierRecords() throws Exception {
        byte[] all = Files.readAllBytes(new FormatsTestWarc(dir).write("crawl.warc.gz", WarcCompression.GZIP));
        for (int cut : new int[] {all.length - 1, all.length * 2 / 3, all.length / 3, 10}) {
            Path f = dir.resolve("cut-" + cut + ".warc.gz");
            Files.write(f, Arrays.copyOf(all, cut));
            Collected c = runWithGood(new Ingestor(), f);
            assertTrue(c.rejections.stream().anyMatch(r -> r.path().endsWith(f.getFileName().toString())), "cut at " + cut + ": "
                    + c.rejections);
        }
    }

    @Test
    void aWrongContentLengthInAWarcRecordIsRejectedWithItsRecordNumber() throws Exception {
        Path f = new FormatsTestWarc(dir).write("crawl.warc", WarcCompression.NONE);
        String s = Files.readString(f, StandardCharsets.ISO_8859_1);
        int third = s.indexOf("WARC/1.", s.indexOf("WARC/1.", s.indexOf("WARC/1.") + 1) + 1);
        int at = s.indexOf("Content-Length: ", third) + "Content-Length: ".length();
        int end = s.indexOf('\r', at);
        int len = Integer.parseInt(s.substring(at, end));
        for (int wrong : new int[] {len + 37, len - 37}) {
            Path g = dir.resolve("wrong-" + wrong + ".warc");
            Files.writeString(g, s.substring(0, at) + wrong + s.substring(end), StandardCharsets.ISO_8859_1);
            Collected c = runWithGood(new Ingestor(), g);
            assertTrue(c.rejections.stream().anyMatch(r -> r.path().endsWith(g.getFileName().toString()) && r.position() != null
                    && r.position().startsWith("record")),
                    "length " + wrong + ": " + c.rejections);
        }
    }

    @Test
    void invalidUtf8AndMixedEncodingsAreDecodedNotFatal() throws Exception {
        Path f = dir.resolve("mixed.txt");
        byte[] a = ("Café owners protest new rules\n\n" + FormatsTest.STORY + " Le maire a déclaré").getBytes(StandardCharsets.UTF_8);
        byte[] b = " que la ville ouvrira un nouveau pont près de la gare.".getBytes(StandardCharsets.ISO_8859_1);
        byte[] both = Arrays.copyOf(a, a.length + b.length + 2);
        System.arraycopy(b, 0, both, a.length, b.length);
        both[both.length - 2] = (byte) 0xC3; // a lone lead byte
        both[both.length - 1] = '\n';
        Files.write(f, both);
        Collected c = runWithGood(new Ingestor(), f);
        assertTrue(c.ids().contains("mixed"), c.rejections.toString());
        assertNotEquals("UTF-8", c.articles.get(0).encoding());
    }

    @Test
    void htmlNestedThousandsOfLevelsDeepIsReadWithoutCrashOrStall() throws Exception {
        Path f = dir.resolve("deep.html");
        Files.writeString(f, "<html><body>" + "<div><span>".repeat(60_000) + "<p>" + FormatsTest.OTHER + "</p>"
                + "</span></div>".repeat(60_000) + "</body></html>");
        Collected c = runWithGood(new Ingestor(), f);
        assertTrue(c.ids().contains("deep"), c.rejections.toString());
        assertTrue(c.articles.get(0).body().contains("Dockworkers walked off the job"));
    }

    @Test
    void aHugeSingleLineFileIsRefusedWithoutReadingItWhole() throws Exception {
        Path f = dir.resolve("line.txt");
        try (OutputStream o = Files.newOutputStream(f)) {
            byte[] chunk = "word ".repeat(200_000).getBytes(StandardCharsets.US_ASCII); // 1 MB
            for (int i = 0; i < 200; i++) o.write(chunk); // 200 MB on one line
        }
        Runtime rt = Runtime.getRuntime();
        Collected c = runWithGood(new Ingestor(), f);
        assertTrue(c.rejectedFor("line.txt", "too large"), c.rejections.toString());
        assertTrue(rt.totalMemory() - rt.freeMemory() < 400L << 20, "memory stayed bounded");
    }

    @Test
    void aPageThatExceedsItsTimeBudgetIsSkippedAndTheRunGoesOn() throws Exception {
        Path f = dir.resolve("slow.html");
        Files.writeString(f, "<html><body>" + ("<p>" + FormatsTest.OTHER + "</p>").repeat(20_000) + "</body></html>");
        Ingestor in = new Ingestor(new Ingestor.Settings(50L << 20, Duration.ofSeconds(5), Duration.ofMillis(5)));
        Collected c = Collected.run(in, List.of(f.toString()));
        assertTrue(c.rejectedFor("slow.html", "time budget"), c.rejections.toString());
        Files.writeString(dir.resolve("next.txt"), GOOD);
        Ingestor roomy = new Ingestor(new Ingestor.Settings(50L << 20, Duration.ofSeconds(5), Duration.ofSeconds(20)));
        assertEquals(List.of("next"), Collected.run(roomy, List.of(dir.resolve("next.txt").toString())).ids());
    }

    @Test
    void pipesAreNotOpenedAndPermissionProblemsAreNamed() throws Exception {
        Path fifo = dir.resolve("pipe.txt");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor());
        Collected c = runWithGood(new Ingestor(), dir);
        assertTrue(c.rejectedFor("pipe.txt", "not a regular file"), c.rejections.toString());
        // permission cannot be denied to root (CI runs as root): the wording is checked on the exception itself
        assertEquals("permission denied", Ingestor.describe(new AccessDeniedException("x.txt")));
    }
}
