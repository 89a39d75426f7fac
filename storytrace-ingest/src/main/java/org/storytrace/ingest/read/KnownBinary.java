package org.storytrace.ingest.read;

import java.nio.charset.StandardCharsets;

/**
 * Files that are no format storytrace reads but that people hand it among their articles, known by their first bytes, so
 * the rejection says what the file is and what to do instead of "binary data": documents (PDF, Word, OpenDocument), and
 * archives and compressions that are not read here (7z, RAR, Zstandard). An Office document is a ZIP, and would otherwise
 * be read as one, each XML part an article.
 */
public final class KnownBinary {
    private KnownBinary() { }

    /** The reason to reject a file beginning with {@code head}, or null when it is none of these. */
    public static String of(byte[] head) {
        if (Magic.startsWith(head, "%PDF-")) return "a PDF document, which is not read: extract its text first (pdftotext, for one)";
        if (Magic.startsWith(head, "7z\u00bc\u00af\u0027\u001c")) {
            return "a 7z archive, which is not read: unpack it, or pack it as ZIP or TAR";
        }
        if (Magic.startsWith(head, "Rar!\u001a\u0007")) return "a RAR archive, which is not read: unpack it, or pack it as ZIP or TAR";
        if (Magic.startsWith(head, "\u0028\u00b5\u002f\u00fd")) {
            return "Zstandard data, which is not read: unpack it (zstd -d), or use gzip, bzip2 or xz";
        }
        if (ArchiveReader.isZip(head) && head.length > 30) {
            // a ZIP's first local header: name length at 26, the name at 30
            int n = (head[26] & 0xff) | (head[27] & 0xff) << 8;
            String first = head.length >= 30 + n ? new String(head, 30, n, StandardCharsets.ISO_8859_1) : "";
            if (first.equals("[Content_Types].xml") || first.startsWith("word/") || first.startsWith("ppt/") || first.startsWith("xl/")) {
                return "an Office document (Word, Excel or PowerPoint), which is not read: save it as text or HTML";
            }
            if (first.equals("mimetype") && new String(head, StandardCharsets.ISO_8859_1).contains("application/vnd.oasis.opendocument")) {
                return "an OpenDocument file, which is not read: save it as text or HTML";
            }
        }
        return null;
    }
}
