package org.storytrace.nlp.ner;

import static org.junit.jupiter.api.Assertions.*;

import java.util.stream.Collectors;
import org.storytrace.core.doc.ArticleStage;
import org.storytrace.core.doc.ArticleStageContract;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.doc.SentenceSplitter;
import org.storytrace.core.entity.Mention;
import org.storytrace.core.entity.Mentions;
import org.storytrace.core.model.Article;

/** The name finder keeps the contract of every article stage, on real news text. */
class NameFinderContractTest extends ArticleStageContract {
    @Override protected ArticleStage stage() { return new NameFinder(); }

    @Override protected Document prepare(Article a) { return new SentenceSplitter().apply(super.prepare(a)); }

    @Override protected void checkOffsets(Document d) {
        Article a = d.article();
        int prev = 0;
        for (Mention m : d.expect(Mentions.LAYER).list()) {
            assertTrue(m.start() >= prev && m.end() <= a.text().length(), a.id() + ": " + m);
            assertEquals(a.text().substring(m.start(), m.end()), m.text(), a.id() + ": the mention's text is the text at its offsets");
            prev = m.end();
        }
        assertTrue(d.has(Layers.SENTENCES));
    }

    @Override protected String describe(Document d) {
        return d.expect(Mentions.LAYER).list().stream().map(Mention::toString).collect(Collectors.joining("\n"));
    }
}
