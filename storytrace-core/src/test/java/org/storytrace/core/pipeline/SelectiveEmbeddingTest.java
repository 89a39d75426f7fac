package org.storytrace.core.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.text.Tokens;

/** Embeddings are spent only where the lexical evidence leaves the decision open. */
class SelectiveEmbeddingTest {
    /** A deterministic bag-of-words embedder that counts its calls. */
    static final class CountingEmbedder implements Embedder {
        final AtomicInteger calls = new AtomicInteger();
        @Override public float[] embed(String text) {
            calls.incrementAndGet();
            float[] v = new float[64];
            Tokens t = new Tokens().tokenize(text);
            for (int i = 0; i < t.size(); i++) v[(int) (t.hash(i) >>> 58)] += 1;
            double n = 0;
            for (float x : v) n += x * x;
            for (int i = 0; i < v.length; i++) v[i] /= (float) Math.max(1e-9, Math.sqrt(n));
            return v;
        }
        @Override public int dimensions() { return 64; }
        @Override public String describe() { return "bag of words, for tests"; }
    }

    private static List<StoryGrouper.Item> items(int n) throws Exception {
        List<String> docs = TestCorpora.newsPool(n);
        List<StoryGrouper.Item> items = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            String d = docs.get(i);
            items.add(new StoryGrouper.Item("d" + i, d.substring(0, Math.min(50, d.length())), d, 0, d.length(), null, null));
        }
        return items;
    }

    @Test
    void aLargeCollectionEmbedsOnlyTheItemsOfCloseCalls() throws Exception {
        List<StoryGrouper.Item> items = items(1500);
        CountingEmbedder e = new CountingEmbedder();
        StoryGrouper g = new StoryGrouper();
        StoryGrouper.Grouping with = g.group(items, List.of(), e);
        assertEquals(e.calls.get(), with.embedded(), "each item embedded at most once");
        assertTrue(with.embedded() > 0 && with.embedded() < items.size(), "only some items: " + with.embedded() + " of " + items.size());
        // semantics were consulted exactly on the close calls: pairs whose lexical score lies within the band
        int consulted = 0;
        for (StoryGrouper.Pair p : g.lastPairs()) {
            double lexical = g.score(new StoryGrouper.Evidence(p.lexical(), p.names(), p.headlines(), -1, p.reuse()), null, null);
            boolean close = Math.abs(lexical - g.settings().storyThreshold()) < g.settings().semanticBand();
            assertEquals(close, p.semantic() > -1, "pair " + p + " consulted only if a close call");
            if (close) consulted++;
        }
        assertTrue(consulted > 0 && consulted < g.lastPairs().size() / 4, consulted + " of " + g.lastPairs().size()
                + " pairs are close calls");
        StoryGrouper.Grouping without = g.group(items, List.of());
        assertEquals(0, without.embedded());
    }

    @Test
    void aSmallCollectionWeighsEveryPairSemantically() throws Exception {
        List<StoryGrouper.Item> items = items(40);
        CountingEmbedder e = new CountingEmbedder();
        StoryGrouper.Grouping g = new StoryGrouper().group(items, List.of(), e);
        assertEquals(items.size(), g.embedded());
        assertEquals(items.size(), e.calls.get());
    }
}
