package org.storytrace.core.time;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import org.storytrace.core.doc.ArticleStage;
import org.storytrace.core.doc.ArticleStageContract;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.doc.TokenLayer;
import org.storytrace.core.model.Article;

/** The article-stage contract for the time tagger, on the news pool dated and undated. */
class TimeTaggerContractTest extends ArticleStageContract {
    @Override protected ArticleStage stage() { return new TimeTagger(); }

    @Override protected Document prepare(Article a) {
        // every other article dated, so both resolutions run
        Article dated = a.id().hashCode() % 2 == 0 ? a : new Article(a.id(), a.path(), a.text(), a.title(), LocalDate.of(1998, 3, 5),
                "test", a.source(),
                a.author(), a.bodyStart(), a.bodyEnd(), a.boilerplate(), a.format(), a.encoding(), a.url(), a.outlet(), a.language());
        return Document.of(dated).with(Layers.TOKENS, TokenLayer.of(dated));
    }

    @Override protected void checkOffsets(Document d) {
        int last = -1;
        Timexes t = d.expect(Timexes.LAYER);
        assertEquals(d.article().published(), t.anchor());
        for (Timex x : t.list()) {
            assertTrue(x.start() >= d.article().bodyStart() && x.end() <= d.article().bodyEnd() && x.start() < x.end(), x.toString());
            assertTrue(x.start() >= last, "in text order, not overlapping: " + x);
            assertEquals(d.article().text().substring(x.start(), x.end()), x.text());
            if (d.article().published() != null) assertTrue(x.value() != null || x.type() == TimexType.TIME, "resolved when dated: " + x);
            last = x.end();
        }
    }

    @Override protected String describe(Document d) { return d.expect(Timexes.LAYER).toString(); }
}
