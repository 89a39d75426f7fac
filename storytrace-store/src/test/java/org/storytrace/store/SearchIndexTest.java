package org.storytrace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
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
}
