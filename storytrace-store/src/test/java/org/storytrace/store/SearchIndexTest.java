package org.storytrace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.model.Article;
import org.storytrace.core.text.Tokens;

/** The search index against an index an older version wrote. */
class SearchIndexTest {
    @TempDir Path tmp;

    private static Article article(String id, String text) {
        return new Article(id, id, text, null, LocalDate.of(2024, 3, 4), null, null, null, 0, text.length(), List.of(), "text", "UTF-8",
                null, null, "eng");
    }

    @Test
    void anIndexWrittenBeforeTheIdDocValuesAndTheFoldedWordsIsReadWithItsOwnWordsAndRebuiltByAWriter() throws Exception {
        Path dir = tmp.resolve("index");
        // what session 7 wrote: the id stored, no doc values, StandardAnalyzer's words, the sequence recorded in the commit
        try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(new StandardAnalyzer()))) {
            Document d = new Document();
            d.add(new StringField("id", "old-1", Field.Store.YES));
            d.add(new LongPoint("seq", 1));
            d.add(new TextField("body", "U.S. dockworkers strike in the port of Valmora", Field.Store.NO));
            w.addDocument(d);
            w.setLiveCommitData(Map.of("storytrace.seq", "1").entrySet());
            w.commit();
        }
        try (SearchIndex reader = new SearchIndex(dir, "test", false)) {
            // "U.S." is one term of StandardAnalyzer ("u.s") and two of the folded words: found only with the index's own words
            assertEquals(List.of("old-1"), reader.search("U.S. dockworkers", null, null, null, 10));
        }
        try (SearchIndex index = new SearchIndex(dir, "test", true)) {
            assertEquals(0, index.committedSeq(), "written with other words: the store must index every article again");
            index.add(List.of(article("old-1", "U.S. dockworkers strike in the port of Valmora"), article("new-2",
                    "the dockworkers strike spreads beyond Valmora")), 1);
            index.commit(2, false);
            assertEquals(2, index.committedSeq());
            assertEquals(List.of("new-2", "old-1"), index.search("dockworkers", null, null, null, 10).stream().sorted().toList(),
                    "each article once, old and new");
            assertEquals(List.of("old-1"), index.search("U.S. dockworkers", null, null, null, 10));
            assertEquals(true, index.complete());
        }
        try (SearchIndex reader = new SearchIndex(dir, "test", false)) {
            assertEquals(List.of("old-1"), reader.search("u.s. DOCKWORKERS", null, null, null, 10),
                    "read with the words it was written with");
            assertEquals(List.of("new-2"), reader.search("\"strike spreads\" -\"U.S.\"", null, null, null, 10));
        }
    }

    @Test
    void foldedWordsAreTheEnginesTokensFoldedAndFindAccentsAndCaseAlike() throws Exception {
        List<String> texts = new ArrayList<>(List.of("U.S. GDP grew 3.5% in Q2; al-Kadhimi's office, e-mail a.b@c.org, https://x.y/z?q=1",
                "서울 ١٢٣ بغداد Ünïcödé ÉTÉ straße İstanbul 😀 don't rock'n'roll Asa\u2019ib 'quoted' it's' ", "The THE the Und und", ""));
        try (var files = Files.list(TestCorpora.root().resolve("seeds"))) {
            for (Path f : files.sorted().toList()) texts.add(Files.readString(f));
        }
        int compared = 0;
        for (String text : texts) {
            Tokens engine = new Tokens().tokenize(text);
            List<String> words = tokens(SearchIndex.WORDS, "body", text);
            assertEquals(engine.size(), words.size(),
                    "as many words as the engine reads in " + text.substring(0, Math.min(40, text.length())));
            for (int i = 0; i < engine.size(); i++) {
                String[] w = words.get(i).split(" ");
                assertEquals(engine.start(i) + "-" + engine.end(i), w[2], "offsets of " + engine.surface(i));
                assertEquals(Tokens.hashOf(engine.surface(i)), Tokens.hashOf(w[0]),
                        "the engine's word " + engine.surface(i) + " as " + w[0]);
                assertEquals(w[0], w[0].toLowerCase(Locale.ROOT));
            }
            compared += words.size();
        }
        assertEquals(true, compared > 2_500, "the seeds were read: " + compared + " tokens");
        assertEquals(List.of("kazemi", "dont", "ete", "asaib"), terms("KAZÉMI don't ÉTÉ Asa\u2019ib"));
        // written without spaces: a word a character, as StandardTokenizer cuts them; other scripts keep their runs
        assertEquals(List.of("北", "京", "市", "東", "京", "ひ", "ら", "カタカナ"), terms("北京市 東京ひらカタカナ"));
        // no term longer than Lucene takes: a run of 600 letters is cut in pieces
        assertEquals(List.of(255, 255, 90), terms("x".repeat(600)).stream().map(String::length).toList());
        assertEquals(List.of("kadh*"), List.of(SearchIndex.WORDS.normalize("body", "KADH*").utf8ToString()));
        try (SearchIndex index = new SearchIndex(tmp.resolve("folded"), "test", true)) {
            index.add(List.of(article("a", "Mustafa al-KAZÉMI met the Ayatollah"), article("b", "Kazemi's rivals")), 1);
            index.commit(2);
            assertEquals(List.of("a"), index.search("kazemi", null, null, null, 10), "case and accents folded on both sides");
            assertEquals(List.of("a"), index.search("\"al Kazémi\"", null, null, null, 10));
            assertEquals(List.of("a", "b"), index.search("kaz*", null, null, null, 10).stream().sorted().toList(),
                    "a prefix is folded too");
        }
    }

    @Test
    void phrasesInBodiesWithoutPositionsFindWhatLuceneFindsWithThem() throws Exception {
        // real pages: the seeds and the bundled example, each paragraph an article, so that words meet without their phrase
        Map<String, Article> articles = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        try (var seeds = Files.list(TestCorpora.root().resolve("seeds")); var example = Files.list(Path.of("../examples/corpus"))) {
            files.addAll(seeds.sorted().toList());
            files.addAll(example.filter(f -> f.toString().endsWith(".txt")).sorted().toList());
        }
        for (Path f : files) {
            String[] paragraphs = Files.readString(f).split("\\n\\s*\\n");
            for (int k = 0; k < paragraphs.length; k++) {
                if (paragraphs[k].isBlank()) continue;
                String id = f.getFileName() + "#" + k;
                articles.put(id, article(id, paragraphs[k]));
            }
        }
        Path positional = tmp.resolve("positional");
        try (IndexWriter w = new IndexWriter(FSDirectory.open(positional), new IndexWriterConfig(SearchIndex.WORDS))) {
            for (Article a : articles.values()) {
                Document d = new Document();
                d.add(new StringField("id", a.id(), Field.Store.YES));
                d.add(new TextField("body", a.text(), Field.Store.NO));
                w.addDocument(d);
            }
        }
        List<String> queries = List.of("\"prime minister\"", "\"the protesters\" -Kadhimi", "\"in Baghdad\" | \"in Basra\"",
                "-\"Tahrir Square\" protest*", "\"Popular Mobilization\" (Iran | Iraq)", "\"of the\"", "Iran -\"Iran-backed\"",
                "\"said on\" -(\"on Sunday\" | \"on Monday\")", "\"al-Kadhimi\"", "\"port strike\"", "\"no such phrase here\"");
        try (SearchIndex index = new SearchIndex(tmp.resolve("folded-phrases"), "test", true);
             IndexReader reader = DirectoryReader.open(FSDirectory.open(positional))) {
            index.add(new ArrayList<>(articles.values()), 1);
            index.commit(articles.size());
            IndexSearcher lucene = new IndexSearcher(reader);
            SimpleQueryParser parser = new SimpleQueryParser(SearchIndex.WORDS, "body");
            parser.setDefaultOperator(BooleanClause.Occur.MUST);
            int found = 0;
            for (String q : queries) {
                Set<String> expected = new TreeSet<>();
                for (ScoreDoc sd : lucene.search(parser.parse(q), 10_000).scoreDocs) {
                    expected.add(lucene.storedFields().document(sd.doc).get("id"));
                }
                List<String> hits = index.search(q, null, null, null, 10_000, ids -> {
                    Map<String, Article> byId = new HashMap<>();
                    for (String id : ids) byId.put(id, articles.get(id));
                    return byId;
                });
                assertEquals(expected, new TreeSet<>(hits), q);
                assertEquals(hits.size(), new HashSet<>(hits).size(), "each hit once: " + q);
                found += hits.size();
                if (q.equals("\"port strike\"")) assertEquals(true, hits.size() < index.search(q, null, null, null, 10_000).size(),
                        "unchecked, the phrase's words alone find more");
            }
            assertEquals(true, found > 50, "the queries find something: " + found);
        }
    }

    private static List<String> terms(String text) throws IOException {
        return tokens(SearchIndex.WORDS, "body", text).stream().map(t -> t.substring(0, t.indexOf(' '))).toList();
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
    void theStandardWordsAreStandardAnalyzersTokenForToken() throws Exception {
        // real pages (the seeds, HTML and all) and the cases where word boundaries are subtle; an index written with
        // StandardAnalyzer before is read with these words, so every term, position and offset must match
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
                assertEquals(expected, tokens(SearchIndex.STANDARD_WORDS, field, text),
                        "tokens of " + text.substring(0, Math.min(40, text.length())));
                compared += expected.size();
            }
            assertEquals(standard.normalize("body", text), SearchIndex.STANDARD_WORDS.normalize("body", text));
        }
        assertEquals(true, compared > 5_000, "the seeds were read: " + compared + " tokens");
    }
}
