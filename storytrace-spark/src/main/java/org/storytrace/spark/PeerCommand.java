package org.storytrace.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
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

/**
 * {@code PeerCommand mllib|lucene CORPUS.jsonl OUT.tsv}: a peer as its users would run it, as a whole
 * process, for {@code scripts/bench-command.sh} to time next to {@code storytrace analyze}: read the JSON
 * Lines file, lower-case and split each {@code text} into words, and write every pair of articles whose word
 * 3-shingle sets are near duplicates (Jaccard at least 0.5) to OUT. {@code mllib}: Spark MLlib's
 * {@code MinHashLSH.approxSimilarityJoin} in local[2]; {@code lucene}: a Lucene index of
 * {@code MinHashFilter} tokens queried with each article's own. The peers do less than storytrace does (no
 * page cleaning, no passages, no stories, no report), so the ratio is conservative.
 */
public final class PeerCommand {
    private PeerCommand() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[0].equals("mllib") || args[0].equals("lucene"))) {
            System.err.println("usage: PeerCommand mllib|lucene CORPUS.jsonl OUT.tsv");
            System.exit(2);
        }
        List<String> ids = new ArrayList<>(), texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) continue;
                JsonNode o = json.readTree(line);
                String text = o.path("text").asText(o.path("html").asText(""));
                ids.add(o.hasNonNull("id") ? o.get("id").asText() : "line-" + no);
                texts.add(words(text));
            }
        }
        List<long[]> pairs;
        if (args[0].equals("mllib")) {
            List<int[]> features = new ArrayList<>(texts.size());
            for (String t : texts) {
                String[] w = t.split(" ");
                TreeSet<Integer> idx = new TreeSet<>();
                for (int k = 0; k + 3 <= w.length; k++) idx.add((w[k] + " " + w[k + 1] + " " + w[k + 2]).hashCode() & 0xFFFFFF);
                features.add(idx.stream().mapToInt(Integer::intValue).toArray());
            }
            pairs = mllib(features);
        } else {
            pairs = lucene(texts);
        }
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            for (long[] p : pairs) w.write(ids.get((int) p[0]) + "\t" + ids.get((int) p[1]) + "\n");
        }
        System.out.println(args[0] + ": " + ids.size() + " articles, " + pairs.size() + " near-duplicate pairs");
    }

    /** Lower-cased words separated by single spaces. */
    static String words(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (!inWord && b.length() > 0) b.append(' ');
                b.append(Character.toLowerCase(c));
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return b.toString();
    }

    /**
     * Pairs {@code (i < j)} that Spark MLlib's {@code MinHashLSH} (8 tables, local[2]) joins at Jaccard
     * distance below 0.5, over per-article sorted feature indexes below 2^24 (shingle hashes).
     */
    static List<long[]> mllib(List<int[]> features) {
        // the self-join of 100k rows cannot be broadcast in local mode; a sort-merge join is what a cluster would run
        SparkSession spark = SparkSession.builder().master("local[2]").appName("peer-mllib").config("spark.ui.enabled", "false")
                .config("spark.sql.autoBroadcastJoinThreshold", "-1").getOrCreate();
        try {
            List<Row> rows = new ArrayList<>(features.size());
            for (int i = 0; i < features.size(); i++) {
                int[] ix = features.get(i);
                if (ix.length == 0) continue;
                double[] ones = new double[ix.length];
                Arrays.fill(ones, 1.0);
                rows.add(RowFactory.create(i, Vectors.sparse(1 << 24, ix, ones)));
            }
            StructType schema = new StructType().add("id", DataTypes.IntegerType).add("features", new VectorUDT());
            Dataset<Row> df = spark.createDataFrame(rows, schema);
            MinHashLSHModel model = new MinHashLSH().setNumHashTables(8).setInputCol("features").setOutputCol("hashes").setSeed(1).fit(df);
            List<long[]> out = new ArrayList<>();
            for (Row r : model.approxSimilarityJoin(df, df, 0.5, "d").filter("datasetA.id < datasetB.id")
                    .selectExpr("datasetA.id as a", "datasetB.id as b").collectAsList()) {
                out.add(new long[] {r.getInt(0), r.getInt(1)});
            }
            return out;
        } finally {
            spark.stop();
        }
    }

    /**
     * Pairs {@code (i < j)} found by querying a Lucene index of {@code MinHashFilter} tokens (128 hashes of word 3-shingles) with each
     * text's own, half of them to match.
     */
    static List<long[]> lucene(List<String> texts) throws IOException {
        Analyzer analyzer = new Analyzer() {
            @Override protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new WhitespaceTokenizer();
                ShingleFilter sh = new ShingleFilter(t, 3, 3);
                sh.setOutputUnigrams(false);
                return new TokenStreamComponents(t, new MinHashFilter(sh, 1, 128, 1, true));
            }
        };
        List<long[]> out = new ArrayList<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (int i = 0; i < texts.size(); i++) {
                    Document d = new Document();
                    d.add(new StoredField("id", i));
                    d.add(new TextField("mh", texts.get(i), Field.Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader r = DirectoryReader.open(dir)) {
                IndexSearcher s = new IndexSearcher(r);
                for (int i = 0; i < texts.size(); i++) {
                    List<String> toks = new ArrayList<>();
                    try (TokenStream ts = analyzer.tokenStream("mh", new StringReader(texts.get(i)))) {
                        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                        ts.reset();
                        while (ts.incrementToken()) toks.add(term.toString());
                        ts.end();
                    }
                    if (toks.isEmpty()) continue;
                    BooleanQuery.Builder q = new BooleanQuery.Builder();
                    for (String t : toks) q.add(new ConstantScoreQuery(new TermQuery(new Term("mh", t))), BooleanClause.Occur.SHOULD);
                    q.setMinimumNumberShouldMatch((toks.size() + 1) / 2);
                    for (ScoreDoc sd : s.search(q.build(), 1000).scoreDocs) {
                        int j = r.storedFields().document(sd.doc).getField("id").numericValue().intValue();
                        if (j > i) out.add(new long[] {i, j});
                    }
                }
            }
        }
        return out;
    }
}
