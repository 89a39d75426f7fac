package org.storytrace.core.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;

/** The same input gives the same links and stories whatever the number of threads. */
class DeterminismTest {
    /** 900 news-pool articles, and 300 that reprint paragraphs of earlier ones among their own. */
    private static List<Article> corpus() throws Exception {
        List<String> docs = TestCorpora.newsPool(1200);
        Random rnd = new Random(3);
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            String text = docs.get(i);
            if (i >= 900) {
                String source = docs.get(rnd.nextInt(900));
                int from = source.indexOf(' ', rnd.nextInt(Math.max(1, source.length() / 2)));
                int to = source.indexOf(' ', Math.min(source.length() - 1, Math.max(0, from) + 400));
                if (from > 0 && to > from) text = text + "\n\n" + source.substring(from, to);
            }
            String title = text.substring(0, Math.min(60, text.length()));
            out.add(new Article("a" + (10000 + i), "a" + i, text, title, LocalDate.of(2020, 1, 1).plusDays(i % 40), null, null, null,
                    0, text.length(), List.of(), "text", "UTF-8", null, null, "eng"));
        }
        return out;
    }

    @Test
    void linksAndStoriesDoNotDependOnTheThreadCount() throws Exception {
        List<Article> articles = corpus();
        Linker one = new Linker();
        List<Link> sequential = new ArrayList<>();
        for (Article a : articles) sequential.addAll(one.add(a));
        sequential = one.pruneCommon(sequential);
        assertTrue(sequential.size() >= 250, "the reprints are found: " + sequential.size());

        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            Linker many = new Linker();
            List<Link> parallel = new ArrayList<>();
            // batches of uneven size, as a reader hands them on
            for (int from = 0; from < articles.size(); from += 257) {
                List<Article> batch = articles.subList(from, Math.min(articles.size(), from + 257));
                parallel.addAll(pool.submit(() -> many.addAll(batch, true)).get());
            }
            parallel = many.pruneCommon(parallel);
            assertEquals(sequential, parallel);

            // the same with signatures alone on disk and the rest of each fingerprint made again from its article
            Path sigFile = Files.createTempFile("storytrace-signatures", ".bin");
            int[] rebuilt = {0};
            try (FingerprintStore sigs = FingerprintStore.signaturesOnDisk(sigFile, i -> {
                synchronized (rebuilt) { rebuilt[0]++; }
                Fingerprint full = one.fingerprint(articles.get(i));
                return new Fingerprint(full.id(), full.bodyChars(), full.tokens(), full.starts(), full.ends(), new int[0], new long[0]);
            })) {
                Linker light = new Linker(Linker.Settings.defaults(), sigs);
                List<Link> fromSignatures = new ArrayList<>();
                for (int from = 0; from < articles.size(); from += 300) {
                    List<Article> batch = articles.subList(from, Math.min(articles.size(), from + 300));
                    fromSignatures.addAll(pool.submit(() -> light.addAll(batch, true)).get());
                }
                assertEquals(sequential, light.pruneCommon(fromSignatures));
                assertTrue(rebuilt[0] > 0, "candidates of earlier batches are made again from their articles");
                assertTrue(sigs.memoryBytes() <= 1 << 18, "the heap holds a write buffer only: " + sigs.memoryBytes());
                assertEquals(articles.size() * (long) one.fingerprint(articles.get(0)).signature().length * 4, Files.size(sigFile),
                        "a signature a record, nothing else");
                Fingerprint f = sigs.get(7), g = one.fingerprint(articles.get(7));
                assertArrayEquals(g.tokens(), f.tokens());
                assertArrayEquals(g.signature(), f.signature(), "the stored signature, not the rebuilt one (empty)");
                assertArrayEquals(g.signature(), sigs.signature(7));
                int made = rebuilt[0];
                assertArrayEquals(g.tokens(), sigs.get(7).tokens());
                assertEquals(made, rebuilt[0], "a fingerprint read again soon is not made again");
                int last = articles.size() - 1;
                assertArrayEquals(one.fingerprint(articles.get(last)).signature(), sigs.signature(last), "read back from the write buffer");
                Fingerprint shorter = new Fingerprint("short", 1, new long[0], new int[0], new int[0], new int[] {1, 2}, new long[0]);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sigs.add(shorter));
                assertTrue(e.getMessage().contains("short"), e.getMessage());
            }
            assertFalse(Files.exists(sigFile), "the store removes its file when closed");

            List<StoryGrouper.Item> items = new ArrayList<>();
            for (Article a : articles) items.add(new StoryGrouper.Item(a.id(), a.title(), a.text(), 0, a.text().length(), a.published(),
                    null));
            final List<Link> links = sequential;
            StoryGrouper.Grouping g1 = new StoryGrouper(StoryGrouper.Settings.defaults(), false).group(items, links);
            StoryGrouper.Grouping g4 = pool.submit(() -> new StoryGrouper(StoryGrouper.Settings.defaults(), true).group(items, links))
                    .get();
            assertArrayEquals(g1.story(), g4.story());
            assertArrayEquals(g1.topic(), g4.topic());
            int stories = Arrays.stream(g1.story()).max().orElse(0) + 1;
            assertTrue(stories > 300 && stories < items.size(), "stories group some articles but not all: " + stories);
        } finally {
            pool.shutdown();
        }
    }
}
