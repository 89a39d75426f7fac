package org.storytrace.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.storytrace.core.model.Article;

/**
 * The store's full-text index (Lucene): one document an article, with its title and body analysed for
 * search (the engine's words, folded: {@link FoldedWords}; the body without word positions, its phrases
 * checked on each hit: {@link Phrases}), its id, outlet and publication day for filters. Derived from the database: it records in its
 * commit the last article (by the store's sequence) it holds, and the store indexes what it lacks on open.
 * The writer's instance adds and commits; a reader's instance only searches. Thread-safe.
 */
final class SearchIndex implements AutoCloseable {
    private static final String SEQ = "storytrace.seq";
    private final Path dir;
    private final String store;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private SearcherManager searchers;
    /** Indexing runs beside the caller (the engine's stage thread), one batch after another; commit waits for it. */
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "storytrace-search-index");
        t.setDaemon(true);
        return t;
    });
    private final ArrayDeque<Future<?>> pending = new ArrayDeque<>();
    /** A writer's index found written with other words and emptied: it holds nothing until the store indexes every article again. */
    private boolean rebuilding;

    SearchIndex(Path dir, String store, boolean write) {
        this.dir = dir;
        this.store = store;
        try {
            if (write) Files.createDirectories(dir);
            this.directory = write || Files.isDirectory(dir) ? FSDirectory.open(dir) : null;
            this.writer = write ? new IndexWriter(directory, new IndexWriterConfig(WORDS)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64)
                    // a flushed segment stays as its files instead of being copied (checksummed on the way) into one
                    // compound file: about a sixth less of the indexing's time; merges still pack small merged segments
                    .setUseCompoundFile(false)) : null;
            if (writer != null) {
                String words = wordsOnDisk();
                if (words != null && !words.equals(WORDS_NAME)) {
                    // written with other words: its terms would not match what searches look for; indexed again
                    System.err.println("storytrace: store " + store + ": its search index in " + dir
                            + " was written with older word rules; every article is indexed again (once)");
                    writer.deleteAll();
                    rebuilding = true;
                }
                searchers = new SearcherManager(writer, null);
            }
            else if (directory != null && DirectoryReader.indexExists(directory)) searchers = new SearcherManager(directory, null);
        } catch (IOException e) {
            throw new Store.StoreException("store " + store + ": its search index in " + dir + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /**
     * How titles, bodies and queries are cut into terms: the engine's words, folded ({@link FoldedWords}). Shared: an
     * analyzer is thread-safe and keeps its token streams per thread.
     */
    static final Analyzer WORDS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) { return new TokenStreamComponents(new FoldedWords()); }

        @Override
        protected TokenStream normalize(String field, TokenStream in) { return new FoldedWords.Fold(in); }
    };
    /** The name of {@link #WORDS}, kept in each commit ({@link #WORDS_KEY}): an index written with other words is rebuilt. */
    static final String WORDS_NAME = "folded-1"; // and the body without positions
    private static final String WORDS_KEY = "storytrace.words";
    /**
     * The words of indexes written before {@link #WORDS} (no {@link #WORDS_KEY} in their commit): what Lucene's
     * {@code StandardAnalyzer()} does (Unicode word boundaries, tokens up to 255 characters, lower case) without its
     * stop filter. A store opened only to read searches such an index with them until a writer rebuilds it.
     */
    static final Analyzer STANDARD_WORDS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer words = new StandardTokenizer();
            return new TokenStreamComponents(words, new LowerCaseFilter(words));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) { return new LowerCaseFilter(in); }
    };
    static final long COMMIT_EVERY_MS = 5_000;
    static final String TITLE = "title", BODY = "body";
    /**
     * The body's words with their counts but not their places: places were half of the index's cost (Lucene alone
     * over 100k generated bodies, one thread: 16.3 s with, 8.3 s without) and 62% of its size. A phrase searched in
     * the body is checked on each hit instead ({@link Phrases}); titles keep their places.
     */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_NOT_STORED);
    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        BODY_TYPE.freeze();
    }
    /** The most hits a search with a phrase in the body checks; a phrase of common words may miss hits after them. */
    static final int MAX_CHECKED = 5_000;
    /** The article id as doc values, read for each hit. */
    private static final String ID_VALUES = "id_value";
    /** The first article of a batch that failed to be indexed: no commit records an article from it on (the next open indexes them). */
    private volatile long failedFrom = Long.MAX_VALUE;
    private long lastCommit = System.nanoTime();

    /** Removes the articles numbered above {@code seq} (a catch-up then adds them again, once). */
    synchronized void deleteAfter(long seq) {
        while (!pending.isEmpty()) await(pending.poll());
        try {
            writer.deleteDocuments(LongPoint.newRangeQuery("seq", seq + 1, Long.MAX_VALUE));
        } catch (IOException e) {
            throw new UncheckedIOException("store " + store + ": cannot update its search index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The words named in the last commit: null for an index written before they were named (or none). */
    private String wordsOnDisk() throws IOException {
        if (!DirectoryReader.indexExists(directory)) return null;
        try (DirectoryReader r = DirectoryReader.open(directory)) {
            return r.getIndexCommit().getUserData().getOrDefault(WORDS_KEY, "standard");
        }
    }

    /** The last article (store sequence number) of the last commit; 0 for none (or an index being written again). */
    synchronized long committedSeq() {
        if (rebuilding) return 0;
        try {
            if (!DirectoryReader.indexExists(directory)) return 0;
            try (DirectoryReader r = DirectoryReader.open(directory)) {
                String v = r.getIndexCommit().getUserData().get(SEQ);
                return v == null ? 0 : Long.parseLong(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds articles numbered {@code firstSeq}, {@code firstSeq + 1}, ... (visible to searches after {@link #commit}); returns at once. */
    synchronized void add(List<Article> articles, long firstSeq) {
        while (pending.size() > 2) await(pending.poll());
        pending.add(indexer.submit(() -> addNow(articles, firstSeq)));
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    private void addNow(List<Article> articles, long firstSeq) {
        if (firstSeq >= failedFrom) return; // behind already: the next open catches up from there
        try {
            long seq = firstSeq;
            for (Article a : articles) {
                Document d = new Document();
                d.add(new StringField("id", a.id(), Field.Store.YES));
                // a field of its own: an index written before it existed has "id" without doc values, and Lucene refuses
                // to give a field doc values it did not have
                d.add(new SortedDocValuesField(ID_VALUES, new BytesRef(a.id())));
                d.add(new LongPoint("seq", seq++));
                if (a.creditedOutlet() != null) d.add(new StringField("outlet", a.creditedOutlet(), Field.Store.NO));
                if (a.published() != null) d.add(new IntPoint("day", (int) a.published().toEpochDay()));
                if (a.title() != null) d.add(new TextField(TITLE, a.title(), Field.Store.NO));
                d.add(new Field(BODY, body(a), BODY_TYPE));
                writer.addDocument(d); // each article once: the store numbers them, and a batch lost with a killed run was never committed
            }
        } catch (IOException | RuntimeException e) {
            // the articles are in the database already: searching lags behind until the next open indexes them again
            if (failedFrom == Long.MAX_VALUE) {
                System.err.println("storytrace: store " + store + ": cannot add to its search index in " + dir
                        + " (searches miss the articles from number " + firstSeq + " on until the store is opened again): "
                        + e.getMessage());
            }
            failedFrom = Math.min(failedFrom, firstSeq);
        }
    }

    /** Whether every article added was indexed (else searches miss some until the store is opened again). */
    boolean complete() { return failedFrom == Long.MAX_VALUE; }

    /** Makes what was added durable and searchable, recording {@code throughSeq} as the last article held. */
    synchronized void commit(long throughSeq) { commit(throughSeq, true); }

    /**
     * Makes what was added searchable, recording {@code throughSeq} as the last article held; durable now when
     * {@code durable}, else at the latest {@value #COMMIT_EVERY_MS} ms after the last durable commit or on close. A
     * server that saves an update for every few posts would otherwise write and sync a new commit point (and merge
     * the tiny segments it leaves) several times a second; the database holds the articles durably, and an index
     * left behind by a crash is brought level on the next open.
     */
    synchronized void commit(long throughSeq, boolean durable) {
        while (!pending.isEmpty()) await(pending.poll());
        try {
            // never past a batch that failed: the index would claim articles it lacks
            writer.setLiveCommitData(Map.of(SEQ, Long.toString(Math.min(throughSeq, failedFrom - 1)), WORDS_KEY, WORDS_NAME).entrySet());
            long now = System.nanoTime();
            if (durable || rebuilding || now - lastCommit >= COMMIT_EVERY_MS * 1_000_000L) {
                writer.commit();
                lastCommit = now;
                rebuilding = false;
            }
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("store " + store + ": cannot commit its search index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Ids of the articles that best match {@code text} (words, "phrases", -exclusions, a|b, prefix*; empty for all),
     * published between {@code from} and {@code to} (either may be null) by {@code outlet} (null for any), best first.
     * A phrase in the body is checked on each hit's article ({@code articles}: given hits' ids, those articles by id; null:
     * the hits of the phrase's words are taken as they are), at most {@link #MAX_CHECKED} hits.
     */
    List<String> search(String text, LocalDate from, LocalDate to, String outlet, int limit,
            Function<List<String>, Map<String, Article>> articles) {
        if (searchers == null) return List.of();
        try {
            // the writer's commit refreshes its searchers, so a search never pays for opening the segments that posts
            // add; a store opened only to read looks for another process's commits
            if (writer == null) searchers.maybeRefresh();
            IndexSearcher s = searchers.acquire();
            try {
                Analyzer words = writer != null ? WORDS : wordsOf(s);
                Query parsed = parse(text, words);
                if (parsed == null) return List.of(); // only operators
                int want = Math.max(1, limit);
                // an index written before the folded words has the body's positions: Lucene runs its phrases itself
                if (words == STANDARD_WORDS || !Phrases.hasPhrase(parsed, BODY)) {
                    return ids(s, s.search(query(parsed, from, to, outlet), want).scoreDocs);
                }
                Query loose = query(Phrases.relax(parsed, BODY), from, to, outlet);
                CharArraySet named = Phrases.wanted(parsed);
                List<String> out = new ArrayList<>();
                ScoreDoc after = null;
                int checked = 0;
                while (out.size() < want && checked < MAX_CHECKED) {
                    int n = Math.min(MAX_CHECKED - checked, Math.max(2 * (want - out.size()), 50));
                    ScoreDoc[] hits = (after == null ? s.search(loose, n) : s.searchAfter(after, loose, n)).scoreDocs;
                    if (hits.length == 0) break;
                    List<String> ids = ids(s, hits);
                    Map<String, Article> found = articles == null ? Map.of() : articles.apply(ids);
                    for (int k = 0; k < ids.size() && out.size() < want; k++) {
                        Article a = found.get(ids.get(k)); // none: taken as Lucene found it
                        if (a == null || Phrases.matches(parsed, Phrases.words(words, fields(a), named))) out.add(ids.get(k));
                    }
                    checked += hits.length;
                    after = hits[hits.length - 1];
                    if (hits.length < n) break;
                }
                return out;
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("store " + store + ": cannot search its index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@link #search(String, LocalDate, LocalDate, String, int, Function)} taking the hits of a phrase's words as they are. */
    List<String> search(String text, LocalDate from, LocalDate to, String outlet, int limit) {
        return search(text, from, to, outlet, limit, null);
    }

    /** The text of an article the index reads as its body. */
    private static String body(Article a) { return a.text().substring(a.bodyStart(), a.bodyEnd()); }

    /** An article's analysed fields by name, as {@link #addNow} indexes them (a missing title as null). */
    private static Map<String, String> fields(Article a) {
        Map<String, String> f = new HashMap<>();
        f.put(TITLE, a.title());
        f.put(BODY, body(a));
        return f;
    }

    /** The words a reader's index was written with (a writer rewrites an index written with others, in its own). */
    private static Analyzer wordsOf(IndexSearcher s) throws IOException {
        if (s.getIndexReader() instanceof DirectoryReader r
                && r.getIndexCommit().getUserData().get(WORDS_KEY) == null) return STANDARD_WORDS;
        return WORDS;
    }

    /** The words asked for as a query over titles and bodies; null for nothing but operators; all articles for none. */
    private static Query parse(String text, Analyzer words) {
        if (text == null || text.isBlank()) return new MatchAllDocsQuery();
        // the operators the pages name; no fuzzy words or sloppy phrases (~), which the phrase check does not know
        int flags = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.OR_OPERATOR
                | SimpleQueryParser.PREFIX_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PRECEDENCE_OPERATORS
                | SimpleQueryParser.ESCAPE_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR;
        SimpleQueryParser parser = new SimpleQueryParser(words, Map.of(TITLE, 2f, BODY, 1f), flags);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser.parse(text);
    }

    private static Query query(Query parsed, LocalDate from, LocalDate to, String outlet) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(parsed, BooleanClause.Occur.MUST);
        if (outlet != null) q.add(new TermQuery(new Term("outlet", outlet)), BooleanClause.Occur.FILTER);
        if (from != null || to != null) {
            int lo = from == null ? Integer.MIN_VALUE : (int) from.toEpochDay(), hi = to == null ? Integer.MAX_VALUE
                    : (int) to.toEpochDay();
            q.add(IntPoint.newRangeQuery("day", lo, hi), BooleanClause.Occur.FILTER);
        }
        return q.build();
    }

    /**
     * The ids of hits, from the id's doc values: reading them costs a look-up, where the stored field costs the
     * decompression of a block of stored documents for every hit (most of a search, measured under load). Segments
     * written before the doc values existed are read from the stored field.
     */
    private static List<String> ids(IndexSearcher s, ScoreDoc[] hits) throws IOException {
        String[] ids = new String[hits.length];
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        // hits by segment, then by document: one doc-values iterator a segment, moved forward only
        Integer[] order = new Integer[hits.length];
        for (int k = 0; k < hits.length; k++) order[k] = k;
        Arrays.sort(order, Comparator.comparingInt(k -> hits[k].doc));
        StoredFields stored = null;
        int leafIndex = -1;
        SortedDocValues dv = null;
        LeafReaderContext leaf = null;
        for (int k : order) {
            int doc = hits[k].doc;
            int li = ReaderUtil.subIndex(doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                leaf = leaves.get(li);
                dv = leaf.reader().getSortedDocValues(ID_VALUES);
            }
            if (dv != null && dv.advanceExact(doc - leaf.docBase)) {
                ids[k] = dv.lookupOrd(dv.ordValue()).utf8ToString();
            } else {
                if (stored == null) stored = s.storedFields();
                ids[k] = stored.document(doc).get("id");
            }
        }
        return new ArrayList<>(Arrays.asList(ids));
    }


    @Override public synchronized void close() {
        indexer.shutdown();
        try {
            indexer.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (searchers != null) searchers.close();
            if (writer != null) writer.close();
            if (directory != null) directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
