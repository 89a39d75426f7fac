package org.storytrace.spark;

import java.io.IOException;
import java.io.StringReader;


import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.storytrace.core.fingerprint.MinHasher;
import org.storytrace.core.fingerprint.Shingles;
import org.storytrace.core.index.IntBuffer;
import org.storytrace.core.index.LshIndex;
import org.storytrace.core.model.Article;
import org.storytrace.core.text.Tokens;
import org.storytrace.ingest.Ingestor;

/**
 * {@code PeerBench CORPUS.jsonl [SAMPLE]}: near-duplicate search (pairs with word 3-shingle Jaccard
 * similarity of at least 0.5) by storytrace's MinHash and LSH, by Spark MLlib's
 * {@code MinHashLSH.approxSimilarityJoin} (local[2]) and by a Lucene index of {@code MinHashFilter} tokens,
 * on the same articles and the same shingles, in one process. Prints each one's time and its recall
 * against exact all-pairs Jaccard on the first SAMPLE articles, and storytrace's speed ratio to each.
 */
public final class PeerBench {
    private PeerBench() {}

    /** Candidates kept when their signature estimate reaches this: about two standard deviations (0.044 at 128 slots) under 0.5, for the estimator's noise. */
    static final double ESTIMATE_FLOOR = 0.4;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) { System.err.println("usage: PeerBench CORPUS.jsonl [SAMPLE]"); System.exit(2); }
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        List<Article> articles = new ArrayList<>();
        Ingestor in = new Ingestor();
        in.readAll(List.of(args[0]), new Ingestor.Listener() {
            @Override public void accepted(Article a) { articles.add(a); }
            @Override public void rejected(org.storytrace.core.model.Rejection r) { }
        });
        int n = articles.size();
        // the shared input: each body's normalised tokens, joined by spaces
        List<String> norm = new ArrayList<>(n);
        List<long[]> shingles = new ArrayList<>(n);
        Tokens tok = new Tokens();
        for (Article a : articles) {
            tok.tokenize(a.cleanText(), a.bodyStart(), a.bodyEnd());
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < tok.size(); i++) {
                if (i > 0) b.append(' ');
                CharSequence w = tok.text().subSequence(tok.start(i), tok.end(i));
                for (int c = 0; c < w.length(); c++) if (Tokens.isWordChar(w.charAt(c))) b.append(Tokens.fold(w.charAt(c)));
            }
            norm.add(b.toString());
            shingles.add(Shingles.sortedSet(tok.hashes(), tok.size(), 3));
        }
        Set<Long> truth = exact(shingles, Math.min(sample, n));
        System.out.printf(Locale.ROOT, "articles %d%nexact_pairs_in_sample %d (first %d articles, Jaccard >= 0.5)%n", n, truth.size(), Math.min(sample, n));

        // storytrace: fingerprint, LSH, candidates filtered by the signature estimate
        long t0 = System.nanoTime();
        // the product's own settings (Linker.Settings.defaults())
        org.storytrace.core.pipeline.Linker.Settings ls = org.storytrace.core.pipeline.Linker.Settings.defaults();
        MinHasher hasher = new MinHasher(ls.numHashes(), ls.shingle());
        LshIndex lsh = new LshIndex(ls.bands(), ls.rows());
        int[][] sig = new int[n][];
        Set<Long> ours = new HashSet<>();
        IntBuffer out = new IntBuffer();
        for (int i = 0; i < n; i++) {
            tok.tokenize(articles.get(i).cleanText(), articles.get(i).bodyStart(), articles.get(i).bodyEnd());
            sig[i] = hasher.signature(tok.hashes(), tok.size());
            lsh.query(sig[i], -1, out);
            for (int k = 0; k < out.size(); k++) if (MinHasher.similarity(sig[i], sig[out.get(k)]) >= ESTIMATE_FLOOR) ours.add(key(out.get(k), i));
            lsh.add(i, sig[i]);
        }
        double tOurs = (System.nanoTime() - t0) / 1e9;
        report("storytrace", tOurs, n, recall(ours, truth), 1);

        // Spark MLlib MinHashLSH
        SparkSession spark = SparkSession.builder().master("local[2]").appName("peers").config("spark.ui.enabled", "false")
                // the self-join of 100k rows cannot be broadcast in local mode; a sort-merge join is what a cluster would run
                .config("spark.sql.autoBroadcastJoinThreshold", "-1").getOrCreate();
        double tSpark;
        Set<Long> sparkPairs = new HashSet<>();
        try {
            long t1 = System.nanoTime();
            List<Row> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int[] idx = java.util.Arrays.stream(shingles.get(i)).mapToInt(h -> (int) ((h >>> 40) & 0xFFFFFF)).distinct().sorted().toArray();
                if (idx.length == 0) continue;
                double[] ones = new double[idx.length];
                java.util.Arrays.fill(ones, 1.0);
                rows.add(RowFactory.create(i, Vectors.sparse(1 << 24, idx, ones)));
            }
            StructType schema = new StructType().add("id", DataTypes.IntegerType).add("features", new VectorUDT());
            Dataset<Row> df = spark.createDataFrame(rows, schema);
            MinHashLSHModel model = new MinHashLSH().setNumHashTables(8).setInputCol("features").setOutputCol("hashes").setSeed(1).fit(df);
            List<Row> joined = model.approxSimilarityJoin(df, df, 0.5, "d").filter("datasetA.id < datasetB.id")
                    .selectExpr("datasetA.id as a", "datasetB.id as b").collectAsList();
            for (Row r : joined) sparkPairs.add(key(r.getInt(0), r.getInt(1)));
            tSpark = (System.nanoTime() - t1) / 1e9;
        } finally {
            spark.stop();
        }
        report("spark_mllib_minhashlsh", tSpark, n, recall(sparkPairs, truth), tSpark / tOurs);

        // Lucene MinHashFilter index
        long t2 = System.nanoTime();
        Analyzer analyzer = new Analyzer() {
            @Override protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new WhitespaceTokenizer();
                ShingleFilter sh = new ShingleFilter(t, 3, 3);
                sh.setOutputUnigrams(false);
                return new TokenStreamComponents(t, new MinHashFilter(sh, 1, 128, 1, true));
            }
        };
        Set<Long> lucenePairs = new HashSet<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (int i = 0; i < n; i++) {
                    Document d = new Document();
                    d.add(new StoredField("id", i));
                    d.add(new TextField("mh", norm.get(i), Field.Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader r = DirectoryReader.open(dir)) {
                IndexSearcher s = new IndexSearcher(r);
                for (int i = 0; i < n; i++) {
                    List<String> toks = minhashTokens(analyzer, norm.get(i));
                    if (toks.isEmpty()) continue;
                    BooleanQuery.Builder q = new BooleanQuery.Builder();
                    for (String t : toks) q.add(new ConstantScoreQuery(new TermQuery(new Term("mh", t))), BooleanClause.Occur.SHOULD);
                    q.setMinimumNumberShouldMatch((toks.size() + 1) / 2);
                    for (ScoreDoc sd : s.search(q.build(), 1000).scoreDocs) {
                        int j = r.storedFields().document(sd.doc).getField("id").numericValue().intValue();
                        if (j != i) lucenePairs.add(key(Math.min(i, j), Math.max(i, j)));
                    }
                }
            }
        }
        double tLucene = (System.nanoTime() - t2) / 1e9;
        report("lucene_minhashfilter", tLucene, n, recall(lucenePairs, truth), tLucene / tOurs);
    }

    private static List<String> minhashTokens(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("mh", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        }
        return out;
    }

    private static void report(String name, double secs, int n, double recall, double storytraceSpeedup) {
        System.out.printf(Locale.ROOT, "%s.seconds %.3f%n%s.articles_per_s %.1f%n%s.recall_vs_exact %.4f%n", name, secs, name, n / secs, name, recall);
        if (!name.equals("storytrace")) System.out.printf(Locale.ROOT, "storytrace_speedup_over_%s %.1f%n", name, storytraceSpeedup);
    }

    private static long key(int a, int b) { return ((long) a << 32) | b; }

    /** Exact all-pairs with Jaccard >= 0.5 among the first {@code m} (prefix-filtered, see {@link Shingles#similarPairs}). */
    private static Set<Long> exact(List<long[]> sets, int m) {
        Set<Long> out = new HashSet<>();
        for (long p : Shingles.similarPairs(sets, m, 0.5)) out.add(key((int) (p >>> 32), (int) p));
        return out;
    }

    private static double recall(Set<Long> found, Set<Long> truth) {
        if (truth.isEmpty()) return 1;
        int hit = 0;
        for (long p : truth) if (found.contains(p)) hit++;
        return (double) hit / truth.size();
    }
}
