package org.storytrace.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Real newswire text for benchmarks: the news-pool documents with their TimeML tags stripped. */
public final class NewsPool {
    private NewsPool() {}

    /** The folder, from -Dstorytrace.newsPool or ../shared/corpora/news-pool relative to the working directory. */
    public static Path folder() {
        String p = System.getProperty("storytrace.newsPool");
        if (p != null) return Path.of(p);
        for (String c : new String[] {"../shared/corpora/news-pool", "../../shared/corpora/news-pool"}) {
            if (Files.isDirectory(Path.of(c))) return Path.of(c);
        }
        throw new IllegalStateException("news-pool not found: run from the repository root or set -Dstorytrace.newsPool=DIR");
    }

    public static List<String> texts(int max) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder())) {
            for (Path f : s.sorted().limit(max).toList()) {
                String xml = Files.readString(f, StandardCharsets.UTF_8);
                int t = xml.indexOf("<TEXT>"), e = xml.indexOf("</TEXT>");
                out.add((t >= 0 && e > t ? xml.substring(t + 6, e) : xml).replaceAll("<[^>]+>", "").strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
