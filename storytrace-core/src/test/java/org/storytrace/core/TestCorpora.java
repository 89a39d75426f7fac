package org.storytrace.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Access to ../shared/corpora for tests (the location can be overridden with -Dstorytrace.corpora). */
public final class TestCorpora {
    private TestCorpora() {}

    public static Path root() {
        String p = System.getProperty("storytrace.corpora");
        Path dir = p != null ? Path.of(p) : Path.of("../../shared/corpora");
        if (!Files.isDirectory(dir)) dir = Path.of("../shared/corpora");
        if (!Files.isDirectory(dir)) throw new IllegalStateException("shared corpora not found at " + dir.toAbsolutePath()
                + " (set -Dstorytrace.corpora)");
        return dir;
    }

    /** The plain text of the first {@code n} news-pool documents (TimeML tags stripped), in file-name order. */
    public static List<String> newsPool(int n) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root().resolve("news-pool"))) {
            for (Path f : s.sorted().limit(n).toList()) {
                String xml = Files.readString(f, StandardCharsets.UTF_8);
                int t = xml.indexOf("<TEXT>"), e = xml.indexOf("</TEXT>");
                String text = t >= 0 && e > t ? xml.substring(t + 6, e) : xml;
                out.add(text.replaceAll("<[^>]+>", "").strip());
            }
        }
        return out;
    }

    /**
     * A reprint of a wire story as an outlet makes it: one paragraph after the first dropped, the rest reordered, under the
     * outlet's own line ("From our news services, outlet N.").
     */
    public static String reprint(List<String> paragraphs, int outlet, Random random) {
        List<String> kept = new ArrayList<>(paragraphs);
        kept.remove(1 + random.nextInt(kept.size() - 1));
        Collections.shuffle(kept.subList(1, kept.size()), random);
        return "From our news services, outlet " + outlet + ".\n\n" + String.join("\n\n", kept);
    }
}
