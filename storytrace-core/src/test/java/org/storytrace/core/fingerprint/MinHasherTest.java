package org.storytrace.core.fingerprint;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.text.Tokens;

class MinHasherTest {
    private final MinHasher hasher = new MinHasher(128, 3);

    private int[] sig(String text) {
        Tokens t = new Tokens().tokenize(text);
        return hasher.signature(t.hashes(), t.size());
    }

    private static Set<Long> shingles(String text) {
        Tokens t = new Tokens().tokenize(text);
        Set<Long> s = new HashSet<>();
        for (int i = 0; i + 3 <= t.size(); i++) s.add(MinHasher.shingleHash(t.hashes(), i, 3));
        return s;
    }

    @Test
    void estimatesTheJaccardSimilarityOfRealNewsText() throws Exception {
        List<String> docs = TestCorpora.newsPool(40);
        double worst = 0;
        for (int i = 0; i < docs.size(); i++) {
            String a = docs.get(i);
            // a reprint that drops its second half and adds a paragraph from another article
            String b = a.substring(0, a.length() / 2) + "\n" + docs.get((i + 1) % docs.size()).substring(0, Math.min(600, docs.get((i
                    + 1) % docs.size()).length()));
            Set<Long> sa = shingles(a), sb = shingles(b);
            Set<Long> inter = new HashSet<>(sa);
            inter.retainAll(sb);
            Set<Long> union = new HashSet<>(sa);
            union.addAll(sb);
            double exact = (double) inter.size() / union.size();
            double est = MinHasher.similarity(sig(a), sig(b));
            worst = Math.max(worst, Math.abs(exact - est));
        }
        assertTrue(worst < 0.15, "estimate within 0.15 of exact Jaccard on every pair, worst " + worst);
    }

    @Test
    void identicalAndUnrelatedTexts() throws Exception {
        List<String> docs = TestCorpora.newsPool(2);
        assertEquals(1.0, MinHasher.similarity(sig(docs.get(0)), sig(docs.get(0).toUpperCase())));
        assertTrue(MinHasher.similarity(sig(docs.get(0)), sig(docs.get(1))) < 0.1);
    }

    @Test
    void rejectsBadSettings() {
        var e = assertThrows(IllegalArgumentException.class, () -> new MinHasher(100, 3));
        assertTrue(e.getMessage().contains("100"));
        assertThrows(IllegalArgumentException.class, () -> new MinHasher(128, 0));
    }
}
