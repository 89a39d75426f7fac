package org.storytrace.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

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
        for (String ext : new String[] {".gz", ".warc", ".wet", ".jsonl", ".ndjson", ".json", ".xml", ".rss", ".atom", ".html", ".htm", ".txt"}) {
            if (n.toLowerCase(java.util.Locale.ROOT).endsWith(ext)) n = n.substring(0, n.length() - ext.length());
        }
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** Opens a file or standard input (URLs are fetched by the feed reader, with timeouts). */
    public InputStream open() throws IOException {
        if (path != null) return Files.newInputStream(path);
        if (uri == null) return System.in;
        throw new IllegalStateException("open a URL through FeedReader, not Input.open(): " + uri);
    }
}
