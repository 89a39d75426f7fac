package org.storytrace.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One thing to read: a file, an {@code http(s)} URL, standard input, or a file inside an archive ({@code entry}: its
 * path in the archive; {@code name} is then {@code ARCHIVE!/PATH}, and its bytes come from the archive's stream).
 */
public record Input(String name, Path path, URI uri, String entry) {
    public Input(String name, Path path, URI uri) { this(name, path, uri, null); }

    public static Input file(Path p) { return new Input(p.toString(), p, null); }
    public static Input url(URI u) { return new Input(u.toString(), null, u); }
    public static Input stdin() { return new Input("-", null, null); }
    /** The file at {@code path} inside {@code archive} (which may itself lie in an archive). */
    public static Input entry(Input archive, String path) {
        String p = path;
        while (p.startsWith("./") || p.startsWith("/")) p = p.substring(p.startsWith("/") ? 1 : 2); // tar's "./a.html", "/a.html"
        return new Input(archive.name() + "!/" + p, null, null, p);
    }

    public boolean isFile() { return path != null; }
    public boolean isUrl() { return uri != null; }
    public boolean isEntry() { return entry != null; }
    public boolean isStdin() { return path == null && uri == null && entry == null; }

    /** The file name without its extension (or "stdin", or the URL's last path segment, or an entry's file name). */
    public String stem() {
        String n = entry != null ? entry.substring(Math.max(entry.lastIndexOf('/'), entry.lastIndexOf('\\')) + 1)
                : path != null ? path.getFileName().toString()
                : uri != null ? (uri.getPath() == null || uri.getPath().isEmpty() ? uri.getHost() : uri.getPath().replaceAll(".*/", ""))
                : "stdin";
        if (n == null || n.isEmpty()) n = "feed";
        return stemOf(n);
    }

    private static final List<String> COMPRESSED = List.of(".gz", ".bz2", ".xz");
    private static final Set<String> EXTENSIONS = Set.of("txt", "text", "html", "htm", "xhtml", "shtml", "xml", "jsonl",
            "ndjson", "json", "warc", "wet", "arc", "rss", "atom", "md", "parquet");

    /**
     * A file name without its extension: a {@code .gz}, {@code .bz2} or {@code .xz} first, then one extension, either a known one
     * ({@code .txt}, {@code .html}, {@code .jsonl}, {@code .ndjson}, {@code .warc}, ...) or up to four
     * letters. A dot followed by digits or a longer word is part of the name:
     * {@code malaysia.airlines.flight.13.txt} is {@code malaysia.airlines.flight.13}.
     */
    public static String stemOf(String fileName) {
        String n = fileName;
        String lower = n.toLowerCase(Locale.ROOT);
        for (String compressed : COMPRESSED) {
            if (lower.endsWith(compressed) && n.length() > compressed.length()) {
                n = n.substring(0, n.length() - compressed.length());
                break;
            }
        }
        int dot = n.lastIndexOf('.');
        if (dot <= 0 || dot == n.length() - 1) return n;
        String ext = n.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (EXTENSIONS.contains(ext)) return n.substring(0, dot);
        if (ext.length() > 4) return n;
        for (int i = 0; i < ext.length(); i++) if (!Character.isLetter(ext.charAt(i))) return n;
        return n.substring(0, dot);
    }

    /** Opens a file or standard input (URLs are fetched by the feed reader, with timeouts; entries come from their archive). */
    public InputStream open() throws IOException {
        if (path != null) return Files.newInputStream(path);
        if (entry != null) throw new IllegalStateException("an archive entry is read from its archive's stream: " + name);
        if (uri == null) return System.in;
        throw new IllegalStateException("open a URL through FeedReader, not Input.open(): " + uri);
    }
}
