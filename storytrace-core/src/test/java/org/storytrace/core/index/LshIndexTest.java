package org.storytrace.core.index;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.fingerprint.MinHasher;
import org.storytrace.core.text.Tokens;

class LshIndexTest {
    @Test
    void findsNearDuplicatesAndPartialReprintsButNotUnrelatedArticles() throws Exception {
        List<String> docs = TestCorpora.newsPool(300);
        MinHasher h = new MinHasher(128, 3);
        LshIndex lsh = new LshIndex(32, 4);
        AnchorIndex anchors = new AnchorIndex(5, 8, 2, 1000);
        Tokens t = new Tokens();
        for (int i = 0; i < docs.size(); i++) {
            t.tokenize(docs.get(i));
            lsh.add(i, h.signature(t.hashes(), t.size()));
            anchors.add(i, anchors.anchors(t.hashes(), t.size()));
        }
        IntBuffer out = new IntBuffer();
        int nearFound = 0, partFound = 0, falseHits = 0;
        for (int i = 0; i < 50; i++) {
            String d = docs.get(i);
            String edited = d.replace(" the ", " a ").replace("said", "stated");
            t.tokenize(edited);
            lsh.query(h.signature(t.hashes(), t.size()), -1, out);
            for (int k = 0; k < out.size(); k++) {
                if (out.get(k) == i) nearFound++;
                else falseHits++;
            }
            String part = "Unrelated opening words about the weather today. " + d.substring(0, Math.min(d.length(), 700));
            t.tokenize(part);
            anchors.query(anchors.anchors(t.hashes(), t.size()), -1, out);
            for (int k = 0; k < out.size(); k++) if (out.get(k) == i) partFound++;
        }
        assertTrue(nearFound >= 48, "near-duplicates found: " + nearFound + " of 50");
        assertTrue(partFound >= 45, "partial reprints found by anchors: " + partFound + " of 50");
        assertTrue(falseHits <= 10, "unrelated candidates: " + falseHits);
    }

    @Test
    void thresholdFollowsTheBandShape() {
        assertEquals(Math.pow(1 / 32.0, 1 / 4.0), new LshIndex(32, 4).threshold(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new LshIndex(0, 4));
        assertThrows(IllegalArgumentException.class, () -> new LshIndex(32, 4).add(0, new int[16]));
    }
}
