package org.storytrace.core.doc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.model.Article;

/**
 * The properties every article stage keeps, checked on real news text (the news pool) and on awkward
 * text: it adds exactly the layers it declares and only needs those it requires, the same document gives
 * the same layers every time and on four threads at once, and no state leaks from one document to the
 * next. A concrete stage's test extends this and says how to compare its layers and check their offsets
 * (Lucene's BaseTokenStreamTestCase, for the deep tier's stages).
 */
public abstract class ArticleStageContract {
    /** The stage under test. */
    protected abstract ArticleStage stage();

    /** A document carrying what the stage requires (the engine gives tokens; add earlier stages' layers here). */
    protected Document prepare(Article a) { return Document.of(a).with(Layers.TOKENS, TokenLayer.of(a)); }

    /** Fails unless the stage's layers in {@code d} have their offsets inside the article's body, in order. */
    protected abstract void checkOffsets(Document d);

    /** A comparable summary of the stage's layers in {@code d} (their values as text, say). */
    protected abstract String describe(Document d);

    protected static List<Article> realTexts(int n) throws Exception {
        List<Article> out = new ArrayList<>();
        List<String> docs = TestCorpora.newsPool(n);
        for (int i = 0; i < docs.size(); i++) out.add(article("news-" + i, docs.get(i)));
        for (String odd : new String[] {"", " ", "...", "\u201c\u201d", "A.", "word", "Dr.\n\nMr.", "x".repeat(5000),
                "\u0627\u0644\u0643\u0627\u0638\u0645\u064a \u0642\u0627\u0644.",
                "Line one\r\nLine two\r\n", "\"Quote.\" \"Another.\""}) {
            out.add(article("odd-" + out.size(), odd));
        }
        return out;
    }

    protected static Article article(String id, String text) {
        return new Article(id, id, text, null, null, null, null, null, 0, text.length(), List.of(), "text", "UTF-8", null, null, null);
    }

    @Test
    void theStageAddsWhatItDeclaresAndKeepsItsOffsetsInsideTheText() throws Exception {
        ArticleStage s = stage();
        for (Article a : realTexts(200)) {
            Document in = prepare(a);
            for (Layer<?> l : s.requires()) assertTrue(in.has(l), "prepare() gives the required " + l);
            Document out = s.apply(in);
            for (Layer<?> l : s.adds()) assertTrue(out.has(l), s.name() + " adds " + l + " to " + a.id());
            for (Layer<?> l : in.layers()) assertTrue(out.has(l), s.name() + " keeps " + l);
            assertEquals(in.layers().size() + s.adds().size(), out.layers().size(), s.name() + " adds only what it declares");
            checkOffsets(out);
        }
    }

    @Test
    void theSameDocumentGivesTheSameLayersEveryTimeAndOnFourThreads() throws Exception {
        ArticleStage s = stage();
        List<Article> texts = realTexts(120);
        List<String> once = new ArrayList<>();
        for (Article a : texts) once.add(describe(s.apply(prepare(a))));
        // again in reverse order: nothing leaks from one document to the next
        for (int i = texts.size() - 1; i >= 0; i--) assertEquals(once.get(i), describe(s.apply(prepare(texts.get(i)))), texts.get(i).id());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> f = new ArrayList<>();
            for (Article a : texts) f.add(pool.submit(() -> describe(s.apply(prepare(a)))));
            for (int i = 0; i < texts.size(); i++) assertEquals(once.get(i), f.get(i).get(), "on four threads: " + texts.get(i).id());
        } finally {
            pool.shutdownNow();
        }
    }
}
