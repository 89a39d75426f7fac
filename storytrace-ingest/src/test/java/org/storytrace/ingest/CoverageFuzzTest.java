package org.storytrace.ingest;

import static org.junit.jupiter.api.Assertions.*;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.storytrace.core.model.Article;

/**
 * Coverage-guided fuzzing of the readers with Jazzer. In the normal suite it replays its inputs corpus;
 * with JAZZER_FUZZ=1 it explores new inputs, guided by coverage, for at most {@code maxDuration}:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl storytrace-ingest -am test -Dtest=CoverageFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CoverageFuzzTest {
    private static final String[] NAMES = {"page.txt", "page.html", "crawl.warc", "feed.rss", "items.jsonl", "page.txt.gz", "export.json",
            "news.csv", "pages.zip", "pages.tar.gz"};

    @FuzzTest(maxDuration = "60s")
    void readersNeverThrowAndKeepOffsetsInsideTheText(byte[] data) throws IOException {
        if (data.length == 0) return;
        Path dir = Files.createTempDirectory("storytrace-jazzer");
        try {
            Path f = dir.resolve(NAMES[(data[0] & 0xff) % NAMES.length]);
            Files.write(f, Arrays.copyOfRange(data, 1, data.length));
            Ingestor in = new Ingestor(new Ingestor.Settings(1 << 20, Duration.ofSeconds(2), Duration.ofSeconds(10)));
            Collected c = Collected.run(in, List.of(f.toString()));
            for (Article a : c.articles) assertTrue(0 <= a.bodyStart() && a.bodyStart() <= a.bodyEnd() && a.bodyEnd() <= a.text().length());
            Files.deleteIfExists(f);
        } finally {
            Files.deleteIfExists(dir);
        }
    }
}
