package org.storytrace.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** One thing to read: a file, an {@code http(s)} URL or standard input. */
public record Input(String name, Path path, URI uri) {
    public static Input file(Path p) { return new Input(p.toString(), p, null); }
    public static Input url(URI u) { return new Input(u.toString(), null, u); }
    public static Input stdin() { return new Input("-", null, null); }

    public boolean isFile() { return path != null; }
    public boolean isUrl() { return uri != null; }
    public boolean isStdin() { return path == null && uri == null; }

    /** The file name without its extension (or "stdin", or the URL's last path segment). */
    public String stem() {
        String n = path != null ? path.getFileName().toString()
                : uri != null ? (uri.getPath() == null || uri.getPath().isEmpty() ? uri.getHost() : uri.getPath().replaceAll(".*/", ""))
                : "stdin";
        if (n == null || n.isEmpty()) n = "feed";
        return stemOf(n);
    }

    private static final Set<String> EXTENSIONS = Set.of("txt", "text", "html", "htm", "xhtml", "shtml", "xml", "jsonl",
            "ndjson", "json", "warc", "wet", "arc", "rss", "atom", "md");

    /**
     * A file name without its extension: a {@code .gz} first, then one extension, either a known one
     * ({@code .txt}, {@code .html}, {@code .jsonl}, {@code .ndjson}, {@code .warc}, ...) or up to four
     * letters. A dot followed by digits or a longer word is part of the name:
     * {@code malaysia.airlines.flight.13.txt} is {@code malaysia.airlines.flight.13}.
     */
    public static String stemOf(String fileName) {
        String n = fileName;
        if (n.toLowerCase(Locale.ROOT).endsWith(".gz") && n.length() > 3) n = n.substring(0, n.length() - 3);
        int dot = n.lastIndexOf('.');
        if (dot <= 0 || dot == n.length() - 1) return n;
        String ext = n.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (EXTENSIONS.contains(ext)) return n.substring(0, dot);
        if (ext.length() > 4) return n;
        for (int i = 0; i < ext.length(); i++) if (!Character.isLetter(ext.charAt(i))) return n;
        return n.substring(0, dot);
    }

    /** Opens a file or standard input (URLs are fetched by the feed reader, with timeouts). */
    public InputStream open() throws IOException {
        if (path != null) return Files.newInputStream(path);
        if (uri == null) return System.in;
        throw new IllegalStateException("open a URL through FeedReader, not Input.open(): " + uri);
    }
}
