package org.storytrace.core.doc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.storytrace.core.model.Article;

/** The sentence stage keeps the contract of every article stage. */
class SentenceSplitterContractTest extends ArticleStageContract {
    @Override protected ArticleStage stage() { return new SentenceSplitter(); }

    @Override protected void checkOffsets(Document d) {
        Article a = d.article();
        Sentences s = d.expect(Layers.SENTENCES);
        TokenLayer t = d.expect(Layers.TOKENS);
        int prev = a.bodyStart();
        for (int i = 0; i < s.size(); i++) {
            assertTrue(s.starts()[i] >= prev && s.ends()[i] <= a.bodyEnd(), a.id() + " sentence " + i);
            prev = s.ends()[i];
        }
        assertEquals(t.size(), s.size() == 0 ? 0 : s.endToken()[s.size() - 1], a.id() + ": every token in a sentence");
    }

    @Override protected String describe(Document d) {
        Sentences s = d.expect(Layers.SENTENCES);
        return Arrays.toString(s.starts()) + Arrays.toString(s.ends()) + Arrays.toString(s.firstToken()) + Arrays.toString(s.endToken());
    }
}
