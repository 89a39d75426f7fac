package org.storytrace.ingest.read;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.storytrace.core.model.Rejection;

/**
 * Reads the files a ZIP or TAR archive holds (a {@code .tar.gz}, {@code .tgz} or {@code .tar.bz2} once its compression
 * is undone by the caller), each in turn, through the caller's own detection: a ZIP of HTML pages, a tarball of a crawl's
 * WARC files or a ZIP holding one big JSON Lines file are read as if they lay in a folder. It is a stream over the
 * archive (Apache Commons Compress), so standard input and archives inside archives work too, and nothing is unpacked
 * to disk.
 *
 * <p>An entry is named {@code ARCHIVE!/PATH} (the notation of {@code jar:} URLs), so its rejections and duplicates say
 * where it lies; its article's id is its own file name without the extension, as for a file in a folder. Folders,
 * links, hidden files and the metadata that archivers add ({@code __MACOSX/}, {@code .DS_Store}, {@code ._name},
 * {@code Thumbs.db}) are skipped and counted. An entry that cannot be unpacked (encrypted, an unsupported ZIP method) is rejected alone;
 * an archive that breaks off is rejected saying after how many files it broke, keeping the files before it. Archives nest up
 * to {@value #MAX_DEPTH} deep. An entry larger than the byte limit is rejected by the reader of its format, as a file
 * would be; the archive is then read on past it, decompressing what is skipped.
 */
public final class ArchiveReader {
    /** Archives within archives deeper than this are rejected: nesting is a zip bomb's trick, and no export needs it. */
    public static final int MAX_DEPTH = 4;

    /** Reads one entry through the caller's detection; {@code depth} is the entry's nesting, for the next archive. */
    @FunctionalInterface
    public interface Entries {
        void read(Input entry, InputStream content, int depth) throws IOException;
    }

    private ArchiveReader() { }

    /** A ZIP archive by its first bytes: a local file header, or the end record of an empty archive. */
    public static boolean isZip(byte[] head) {
        return Magic.startsWith(head, "PK\u0003\u0004") || Magic.startsWith(head, "PK\u0005\u0006");
    }

    /** A TAR archive (POSIX ustar, GNU or pax) by the magic at byte 257 of its first header. */
    public static boolean isTar(byte[] head) {
        if (head.length < 263) return false;
        return new String(head, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar");
    }

    /** Whether {@code head} begins an archive this reader reads. */
    public static boolean isArchive(byte[] head) { return isZip(head) || isTar(head); }

    /**
     * Reads the archive {@code in} (whose first bytes are {@code head}), handing each file it holds to {@code each};
     * {@code depth} is the archive's own nesting (0 for a file named on the command line).
     */
    public static void read(Input archive, InputStream in, byte[] head, int depth, Sink sink, Entries each) {
        if (depth >= MAX_DEPTH) {
            sink.rejected(new Rejection(archive.name(), null, "an archive nested more than " + MAX_DEPTH + " deep; not read"));
            return;
        }
        boolean zip = isZip(head);
        // stored ZIP entries followed by a data descriptor (what some streaming zippers write) are read too
        ArchiveInputStream<?> a = zip ? new ZipArchiveInputStream(in, "UTF-8", true, true) : new TarArchiveInputStream(in);
        int entries = 0; // files handed on
        while (true) {
            ArchiveEntry e;
            try {
                e = a.getNextEntry();
            } catch (IOException x) {
                sink.rejected(new Rejection(archive.name(), null, broken(zip, x, entries)));
                return;
            }
            if (e == null) return;
            if (e.isDirectory()) continue;
            String path = e.getName();
            if (e instanceof TarArchiveEntry t && (t.isSymbolicLink() || t.isLink() || t.isCharacterDevice() || t.isBlockDevice()
                    || t.isFIFO() || !t.isFile())) {
                sink.skipped("links and special files in archives");
                continue;
            }
            if (isMetadata(path)) { sink.skipped("hidden and metadata files in archives"); continue; }
            Input entry = Input.entry(archive, path);
            if (!a.canReadEntryData(e)) {
                sink.rejected(new Rejection(entry.name(), null, "cannot be unpacked (encrypted, or packed by a method that is not "
                        + "supported)"));
                continue;
            }
            entries++;
            try {
                each.read(entry, new Unclosable(a), depth + 1);
            } catch (IOException x) {
                // the caller's reader gave up on the archive's stream: what comes after cannot be trusted
                sink.rejected(new Rejection(entry.name(), null, (x instanceof EOFException ? "truncated: " : "")
                        + x.getMessage() + "; the archive's later entries were not read"));
                return;
            }
        }
    }

    private static String broken(boolean zip, IOException x, int entries) {
        String m = x.getMessage();
        String after = entries == 0 ? "" : " after " + entries + (entries == 1 ? " file" : " files");
        return (zip ? "broken ZIP" : "broken TAR") + " data" + after + (x instanceof EOFException ? " (it breaks off)" : "")
                + (m == null ? "" : ": " + m);
    }

    /**
     * What archivers and file managers add beside the files: macOS resource forks ({@code __MACOSX/}, {@code ._name}) and
     * folder settings ({@code .DS_Store}), other hidden files, Windows' thumbnail caches and folder settings.
     */
    static boolean isMetadata(String path) {
        if (path.startsWith("__MACOSX/") || path.contains("/__MACOSX/")) return true;
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.startsWith(".") || name.equalsIgnoreCase("Thumbs.db") || name.equalsIgnoreCase("desktop.ini");
    }

    /** An entry's stream, which the format readers may close (Jackson does) without closing the archive. */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) { super(in); }
        @Override public void close() { }
    }
}
