package org.storytrace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.model.Article;

/** The search index against an index an older version wrote. */
class SearchIndexTest {
    @TempDir Path tmp;

    private static Article article(String id, String text) {
        return new Article(id, id, text, null, LocalDate.of(2024, 3, 4), null, null, null, 0, text.length(), List.of(), "text", "UTF-8",
                null, null, "eng");
    }

    @Test
    void anIndexWrittenBeforeTheIdDocValuesTakesNewArticlesAndFindsBoth() throws Exception {
        Path dir = tmp.resolve("index");
        // what session 7 wrote: the id stored, no doc values, the sequence recorded in the commit
        try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(new StandardAnalyzer()))) {
            Document d = new Document();
            d.add(new StringField("id", "old-1", Field.Store.YES));
            d.add(new LongPoint("seq", 1));
            d.add(new TextField("body", "dockworkers strike in the port of Valmora", Field.Store.NO));
            w.addDocument(d);
            w.setLiveCommitData(Map.of("storytrace.seq", "1").entrySet());
            w.commit();
        }
        try (SearchIndex index = new SearchIndex(dir, "test", true)) {
            assertEquals(1, index.committedSeq());
            index.add(List.of(article("new-2", "the dockworkers strike spreads beyond Valmora")), 2);
            index.commit(2, false);
            assertEquals(List.of("new-2", "old-1"), index.search("dockworkers", null, null, null, 10).stream().sorted().toList(),
                    "new articles are indexed beside the old and both are found");
            assertEquals(true, index.complete());
        }
    }

    /** Every token an analyzer makes of {@code text}: term, position increment, offsets and type. */
    private static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + " +" + inc.getPositionIncrement() + " " + offset.startOffset() + "-" + offset.endOffset() + " "
                        + type.type());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void theIndexsWordsAreStandardAnalyzersTokenForToken() throws Exception {
        // real pages (the seeds, HTML and all) and the cases where word boundaries are subtle; an index written with
        // StandardAnalyzer before must read the same, so every term, position and offset must match
        List<String> texts = new ArrayList<>(List.of("U.S. GDP grew 3.5% in Q2; al-Kadhimi's office, e-mail a.b@c.org, https://x.y/z?q=1",
                "北京市 東京 서울 ١٢٣ بغداد Ünïcödé ÉTÉ straße İstanbul 😀 don't rock'n'roll", "x".repeat(300) + " tail",
                "The THE the Und und", ""));
        try (var files = Files.list(TestCorpora.root().resolve("seeds"))) {
            for (Path f : files.sorted().toList()) texts.add(Files.readString(f));
        }
        StandardAnalyzer standard = new StandardAnalyzer();
        int compared = 0;
        for (String text : texts) {
            for (String field : List.of("title", "body")) {
                List<String> expected = tokens(standard, field, text);
                assertEquals(expected, tokens(SearchIndex.WORDS, field, text),
                        "tokens of " + text.substring(0, Math.min(40, text.length())));
                compared += expected.size();
            }
            assertEquals(standard.normalize("body", text), SearchIndex.WORDS.normalize("body", text));
        }
        assertEquals(true, compared > 5_000, "the seeds were read: " + compared + " tokens");
    }
}
