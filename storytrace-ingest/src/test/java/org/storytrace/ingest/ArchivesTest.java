package org.storytrace.ingest;

import static org.junit.jupiter.api.Assertions.*;
import static org.storytrace.ingest.FormatsTest.FRENCH;
import static org.storytrace.ingest.FormatsTest.OTHER;
import static org.storytrace.ingest.FormatsTest.STORY;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.core.model.Rejection;

/**
 * ZIP and TAR archives (gzipped, bzip2'd or xz'd) and bzip2 and xz files, built by the test with the JDK's zipper and Apache
 * Commons Compress: read as if their files lay in a folder, with their metadata skipped and every fault named by entry.
 */
class ArchivesTest {
    @TempDir Path dir;

    private static final String JSONL = "{\"title\":\"Port strike\",\"text\":\"" + OTHER + "\"}\n"
            + "{\"title\":\"Le pont\",\"text\":\"" + FRENCH + "\"}\n";

    /** A ZIP of {@code entries} in their order (a null value: a folder), by the JDK's zipper. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getValue() != null) z.write(e.getValue());
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    /** A TAR of {@code entries} in their order, with a symbolic link after them when {@code link}. */
    static byte[] tar(Map<String, byte[]> entries, boolean link) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(b)) {
            for (var e : entries.entrySet()) {
                TarArchiveEntry te = new TarArchiveEntry(e.getKey());
                te.setSize(e.getValue().length);
                t.putArchiveEntry(te);
                t.write(e.getValue());
                t.closeArchiveEntry();
            }
            if (link) {
                TarArchiveEntry symlink = new TarArchiveEntry("./latest.txt", TarArchiveEntry.LF_SYMLINK);
                symlink.setLinkName("bridge.txt");
                t.putArchiveEntry(symlink);
                t.closeArchiveEntry();
            }
        }
        return b.toByteArray();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(b)) { o.write(bytes); }
        return b.toByteArray();
    }

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    private static Map<String, byte[]> pages() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("news/", null);
        m.put("news/bridge.txt", utf8("Old bridge to close\n\n" + STORY + "\n"));
        m.put("news/2020/port.html", utf8("<!DOCTYPE html><html><head><title>Port strike</title></head><body><article><p>" + OTHER
                + "</p></article></body></html>"));
        m.put("news/feed.jsonl", utf8(JSONL));
        m.put("__MACOSX/news/._bridge.txt", new byte[] {0, 5, 22, 7, 0, 2, 0, 0});
        m.put("news/.DS_Store", new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1'});
        return m;
    }

    @Test
    void aZipOfPagesIsReadAsAFolderWithIdsFromTheFileNamesAndItsMetadataSkipped() throws Exception {
        Path z = Files.write(dir.resolve("crawl.zip"), zip(pages()));
        Ingestor in = new Ingestor();
        Collected c = Collected.run(in, List.of(z.toString()));
        assertEquals(List.of("bridge", "port", "feed-2"), c.ids(), "feed-1 repeats port's body: a duplicate");
        assertEquals(List.of(), c.rejections);
        assertEquals(1, c.duplicates.size(), c.duplicates.toString());
        assertEquals(z + "!/news/feed.jsonl (line 1)", c.duplicates.get(0).path(), "a duplicate says where in the archive it lies");
        assertEquals("fra", c.articles.get(2).language());
        assertEquals(2, in.skipped().get("hidden and metadata files in archives"), in.skipped().toString());
    }

    @Test
    void tarballsGzippedBzippedOrXzdAndBzipAndXzFilesAreRead() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("./bridge.txt", utf8("Old bridge to close\n\n" + STORY + "\n"));
        m.put("./feed.jsonl", utf8(JSONL));
        byte[] tar = tar(m, true);
        Files.write(dir.resolve("a.tar.gz"), gzip(tar));
        ByteArrayOutputStream bz = new ByteArrayOutputStream();
        try (OutputStream o = new BZip2CompressorOutputStream(bz)) { o.write(utf8("Port strike halts grain ships\n\n" + OTHER + "\n")); }
        Files.write(dir.resolve("port.txt.bz2"), bz.toByteArray());
        ByteArrayOutputStream xz = new ByteArrayOutputStream();
        try (OutputStream o = new XZCompressorOutputStream(xz)) { o.write(utf8("Le vieux pont fermera\n\n" + FRENCH + "\n")); }
        Files.write(dir.resolve("pont.txt.xz"), xz.toByteArray());
        Ingestor in = new Ingestor();
        Collected c = Collected.run(in, List.of(dir.resolve("a.tar.gz").toString(), dir.resolve("port.txt.bz2").toString(),
                dir.resolve("pont.txt.xz").toString()));
        assertEquals(List.of("bridge", "feed-1", "feed-2"), c.ids(), c.rejections.toString());
        assertEquals(dir.resolve("a.tar.gz") + "!/bridge.txt", c.articles.get(0).path(), "tar's ./ is not part of the name");
        assertEquals(2, c.duplicates.size(), "port.txt.bz2 and pont.txt.xz repeat the feed's bodies: " + c.duplicates);
        assertEquals(1, in.skipped().get("links and special files in archives"), in.skipped().toString());

        Collected xzTar = Collected.run(new Ingestor(), List.of(Files.write(dir.resolve("b.txz"), xzOf(tar)).toString()));
        assertEquals(List.of("bridge", "feed-1", "feed-2"), xzTar.ids());
    }

    private static byte[] xzOf(byte[] bytes) throws IOException {
        ByteArrayOutputStream xz = new ByteArrayOutputStream();
        try (OutputStream o = new XZCompressorOutputStream(xz)) { o.write(bytes); }
        return xz.toByteArray();
    }

    @Test
    void archivesInsideArchivesAreReadToAFixedDepthAndAZipComesThroughStandardInput() throws Exception {
        byte[] inner = zip(Map.of("bridge.txt", utf8("Old bridge to close\n\n" + STORY + "\n")));
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("inner.zip", inner);
        outer.put("more/port.tar.gz", gzip(tar(Map.of("port.txt", utf8("Port strike\n\n" + OTHER + "\n")), false)));
        Path z = Files.write(dir.resolve("outer.zip"), zip(outer));
        Collected c = Collected.run(new Ingestor(), List.of(z.toString()));
        assertEquals(List.of("bridge", "port"), c.ids(), c.rejections.toString());
        assertEquals(z + "!/more/port.tar.gz!/port.txt", c.articles.get(1).path());

        byte[] deep = utf8("Old bridge to close\n\n" + STORY + "\n");
        String name = "bridge.txt";
        for (int level = 0; level < 5; level++) {
            deep = zip(Map.of(name, deep));
            name = "level" + level + ".zip";
        }
        Collected tooDeep = Collected.run(new Ingestor(), List.of(Files.write(dir.resolve("deep.zip"), deep).toString()));
        assertEquals(List.of(), tooDeep.ids());
        assertEquals(1, tooDeep.rejections.size(), tooDeep.rejections.toString());
        assertTrue(tooDeep.rejections.get(0).reason().contains("nested more than 4 deep"), tooDeep.rejections.toString());

        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(zip(pages())));
            assertEquals(List.of("bridge", "port", "feed-2"), Collected.run(new Ingestor(), List.of("-")).ids());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void aBrokenArchiveKeepsTheFilesBeforeTheBreakAndEachBadEntryIsRejectedAlone() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("bridge.txt", utf8("Old bridge to close\n\n" + STORY + "\n"));
        m.put("photo.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1});
        byte[] big = new byte[6 << 20];
        Arrays.fill(big, (byte) 'a');
        m.put("huge.txt", big);
        m.put("port.txt", utf8("Port strike\n\n" + OTHER + "\n"));
        m.put("last.txt", utf8("Le vieux pont\n\n" + FRENCH + "\n"));
        byte[] whole = zip(m);
        Path z = Files.write(dir.resolve("set.zip"), whole);
        Collected c = Collected.run(new Ingestor(new Ingestor.Settings(5L << 20)), List.of(z.toString()));
        assertEquals(List.of("bridge", "port", "last"), c.ids(), c.rejections.toString());
        assertTrue(c.rejectedFor("set.zip!/photo.jpg", "binary data"), c.rejections.toString());
        assertTrue(c.rejectedFor("set.zip!/huge.txt", "too large"), "a zip bomb's entry meets the byte limit: " + c.rejections);

        // cut inside the last entry: the files before it are kept, the archive says where it broke
        int cut = indexOf(whole, utf8("last.txt")) + 20;
        Path broken = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(whole, cut));
        Collected b = Collected.run(new Ingestor(new Ingestor.Settings(5L << 20)), List.of(broken.toString()));
        assertEquals(List.of("bridge", "port"), b.ids(), b.rejections.toString());
        Rejection end = b.rejections.get(b.rejections.size() - 1);
        assertEquals(broken.toString(), end.path());
        assertTrue(end.reason().startsWith("broken ZIP data after 5 files"), end.reason());
    }

    @Test
    void anEncryptedEntryIsRejectedByNameAndTheOthersAreRead() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream zo = new ZipOutputStream(b)) {
            byte[] secret = utf8("Old bridge to close\n\n" + STORY + "\n");
            ZipEntry stored = new ZipEntry("secret.txt"); // stored, its size in its header: a stream can step over it
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(secret.length);
            CRC32 crc = new CRC32();
            crc.update(secret);
            stored.setCrc(crc.getValue());
            zo.putNextEntry(stored);
            zo.write(secret);
            zo.closeEntry();
            zo.putNextEntry(new ZipEntry("port.txt"));
            zo.write(utf8("Port strike\n\n" + OTHER + "\n"));
            zo.closeEntry();
        }
        byte[] z = b.toByteArray();
        // set the "encrypted" flag of the first entry's local header (bit 0 of the general purpose flags at offset 6)
        z[6] |= 1;
        Collected c = Collected.run(new Ingestor(), List.of(Files.write(dir.resolve("locked.zip"), z).toString()));
        assertEquals(List.of("port"), c.ids(), c.rejections.toString());
        assertTrue(c.rejectedFor("locked.zip!/secret.txt", "cannot be unpacked"), c.rejections.toString());
    }

    @Test
    void aCompressionBombIsStoppedOnceItExpandsTwoHundredFoldInAnArchiveOrAlone() throws Exception {
        // a TAR entry of 100 MB of one letter, gzipped to about 100 KB, then a real page: the entry is over the byte limit,
        // and stepping past it would decompress all of it; the count of decompressed bytes stops the archive there
        Path tgz = dir.resolve("bomb.tar.gz");
        byte[] mb = new byte[1 << 20];
        Arrays.fill(mb, (byte) 'a');
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(tgz)))) {
            TarArchiveEntry big = new TarArchiveEntry("big.txt");
            big.setSize(100L << 20);
            t.putArchiveEntry(big);
            for (int i = 0; i < 100; i++) t.write(mb);
            t.closeArchiveEntry();
            byte[] page = utf8("Old bridge to close\n\n" + STORY + "\n");
            TarArchiveEntry p = new TarArchiveEntry("bridge.txt");
            p.setSize(page.length);
            t.putArchiveEntry(p);
            t.write(page);
            t.closeArchiveEntry();
        }
        Collected c = Collected.run(new Ingestor(new Ingestor.Settings(5L << 20)), List.of(tgz.toString()));
        assertTrue(c.rejections.stream().anyMatch(r -> r.path().endsWith("bomb.tar.gz!/big.txt") && r.reason().contains(
                "a compression bomb") && r.reason().contains("later entries were not read")), c.rejections.toString());
        assertEquals(List.of(), c.ids());

        // a JSON Lines file of 100 MB of blank lines, gzipped: no line is too long, so only the count stops it
        Path jl = dir.resolve("blank.jsonl.gz");
        Arrays.fill(mb, (byte) '\n');
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(jl))) {
            o.write(utf8("{\"title\":\"Port strike\",\"text\":\"" + OTHER + "\"}\n"));
            for (int i = 0; i < 100; i++) o.write(mb);
        }
        Collected blank = Collected.run(new Ingestor(), List.of(jl.toString()));
        assertEquals(List.of("blank-1"), blank.ids(), "the article before the bomb is kept");
        assertTrue(blank.rejectedFor("blank.jsonl.gz", "a compression bomb"), blank.rejections.toString());

        // ordinary text at an ordinary ratio is never stopped: 70 MB of varied lines, gzipped (about 6 to 1)
        Path ok = dir.resolve("many.jsonl.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(ok))) {
            for (int i = 0; i < 20_000; i++) {
                o.write(utf8("{\"id\":\"r" + i + "\",\"text\":\"" + STORY.replace("bridge", "bridge " + i) + " " + OTHER + " " + i * 7919L
                        + " " + FRENCH.substring(0, 1 + i % 120) + "\"}\n"));
            }
        }
        Ingestor big = new Ingestor();
        Collected many = Collected.run(big, List.of(ok.toString()));
        assertEquals(List.of(), many.rejections.stream().filter(r -> r.reason().contains("bomb")).toList());
    }

    @Test
    void documentsAndArchivesThatAreNotReadAreNamedWithWhatToDoInsteadOfBinaryData() throws Exception {
        Map<String, byte[]> docx = new LinkedHashMap<>();
        docx.put("[Content_Types].xml", utf8("<?xml version=\"1.0\"?><Types/>"));
        docx.put("word/document.xml", utf8("<?xml version=\"1.0\"?><w:document><w:body><w:p><w:r><w:t>" + STORY
                + "</w:t></w:r></w:p></w:body></w:document>"));
        Files.write(dir.resolve("report.docx"), zip(docx));
        Files.write(dir.resolve("report.pdf"), utf8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n"));
        Files.write(dir.resolve("pages.7z"), new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c, 0, 4, 1, 2, 3, 4});
        Files.write(dir.resolve("pages.rar"), new byte[] {'R', 'a', 'r', '!', 0x1a, 0x07, 1, 0, 5, 6});
        Files.write(dir.resolve("feed.jsonl.zst"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 4, 0, 1, 2});
        Files.writeString(dir.resolve("bridge.txt"), "Old bridge to close\n\n" + STORY + "\n");
        Collected c = Collected.run(new Ingestor(), List.of(dir.toString()));
        assertEquals(List.of("bridge"), c.ids(), c.rejections.toString());
        assertTrue(c.rejectedFor("report.docx", "an Office document"), c.rejections.toString());
        assertTrue(c.rejectedFor("report.pdf", "a PDF document"), c.rejections.toString());
        assertTrue(c.rejectedFor("pages.7z", "a 7z archive"), c.rejections.toString());
        assertTrue(c.rejectedFor("pages.rar", "a RAR archive"), c.rejections.toString());
        assertTrue(c.rejectedFor("feed.jsonl.zst", "Zstandard data"), c.rejections.toString());
        assertEquals(5, c.rejections.size(), "one line each, not one for each part of the Word file: " + c.rejections);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        int last = -1;
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
            last = i;
            break;
        }
        return last;
    }
}
