package org.storytrace.core.quote;

import static org.junit.jupiter.api.Assertions.*;

import java.util.stream.Collectors;
import org.storytrace.core.doc.ArticleStage;
import org.storytrace.core.doc.ArticleStageContract;
import org.storytrace.core.doc.Document;
import org.storytrace.core.entity.Mentions;
import org.storytrace.core.model.Article;

/** The quote stage keeps the contract of every article stage, on real news text (no names: speakers are then words). */
class QuoteFinderContractTest extends ArticleStageContract {
    @Override protected ArticleStage stage() { return new QuoteFinder(); }

    @Override protected Document prepare(Article a) { return super.prepare(a).with(Mentions.LAYER, Mentions.NONE); }

    @Override protected void checkOffsets(Document d) {
        Article a = d.article();
        int prev = a.bodyStart();
        for (Quote q : d.expect(Quotes.LAYER).list()) {
            assertTrue(q.start() >= prev && q.end() <= a.bodyEnd(), a.id() + ": " + q);
            assertEquals(a.text().substring(q.start(), q.end()), q.text());
            if (q.hasSpeaker()) assertEquals(a.text().substring(q.speakerStart(), q.speakerEnd()), q.speaker(), a.id()
                    + ": speaker offsets");
            if (q.hasCue()) assertEquals(a.text().substring(q.cueStart(), q.cueEnd()), q.cue(), a.id() + ": cue offsets");
            prev = q.end();
        }
    }

    @Override protected String describe(Document d) {
        return d.expect(Quotes.LAYER).list().stream().map(Quote::toString).collect(Collectors.joining("\n"));
    }
}
