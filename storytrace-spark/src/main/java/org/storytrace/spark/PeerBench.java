package org.storytrace.spark;



import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.spark.ml.feature.MinHashLSH;
import org.storytrace.core.fingerprint.MinHasher;
import org.storytrace.core.fingerprint.Shingles;
import org.storytrace.core.index.IntBuffer;
import org.storytrace.core.index.LshIndex;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Rejection;
import org.storytrace.core.pipeline.Linker;
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

    /**
     * Candidates kept when their signature estimate reaches this: about two standard deviations (0.044 at 128 slots) under 0.5, for the
     * estimator's noise.
     */
    static final double ESTIMATE_FLOOR = 0.4;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) { System.err.println("usage: PeerBench CORPUS.jsonl [SAMPLE]"); System.exit(2); }
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        List<Article> articles = new ArrayList<>();
        Ingestor in = new Ingestor();
        in.readAll(List.of(args[0]), new Ingestor.Listener() {
            @Override public void accepted(Article a) { articles.add(a); }
            @Override public void rejected(Rejection r) { }
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
        System.out.printf(Locale.ROOT, "articles %d%nexact_pairs_in_sample %d (first %d articles, Jaccard >= 0.5)%n", n, truth.size(),
                Math.min(sample, n));

        // storytrace: fingerprint, LSH, candidates filtered by the signature estimate
        long t0 = System.nanoTime();
        // the product's own settings (Linker.Settings.defaults())
        Linker.Settings ls = Linker.Settings.defaults();
        MinHasher hasher = new MinHasher(ls.numHashes(), ls.shingle());
        LshIndex lsh = new LshIndex(ls.bands(), ls.rows());
        int[][] sig = new int[n][];
        Set<Long> ours = new HashSet<>();
        IntBuffer out = new IntBuffer();
        for (int i = 0; i < n; i++) {
            tok.tokenize(articles.get(i).cleanText(), articles.get(i).bodyStart(), articles.get(i).bodyEnd());
            sig[i] = hasher.signature(tok.hashes(), tok.size());
            lsh.query(sig[i], -1, out);
            for (int k = 0; k < out.size(); k++) if (MinHasher.similarity(sig[i],
                    sig[out.get(k)]) >= ESTIMATE_FLOOR) ours.add(key(out.get(k), i));
            lsh.add(i, sig[i]);
        }
        double tOurs = (System.nanoTime() - t0) / 1e9;
        report("storytrace", tOurs, n, recall(ours, truth), 1);

        // Spark MLlib MinHashLSH, on the same shingles
        long t1 = System.nanoTime();
        List<int[]> features = new ArrayList<>(n);
        for (long[] sh : shingles) features.add(Arrays.stream(sh).mapToInt(h -> (int) ((h >>> 40) & 0xFFFFFF)).distinct().sorted()
                .toArray());
        Set<Long> sparkPairs = new HashSet<>();
        for (long[] p : PeerCommand.mllib(features)) sparkPairs.add(key((int) p[0], (int) p[1]));
        double tSpark = (System.nanoTime() - t1) / 1e9;
        report("spark_mllib_minhashlsh", tSpark, n, recall(sparkPairs, truth), tSpark / tOurs);

        // Lucene MinHashFilter index, on the same normalised words
        long t2 = System.nanoTime();
        Set<Long> lucenePairs = new HashSet<>();
        for (long[] p : PeerCommand.lucene(norm)) lucenePairs.add(key((int) p[0], (int) p[1]));
        double tLucene = (System.nanoTime() - t2) / 1e9;
        report("lucene_minhashfilter", tLucene, n, recall(lucenePairs, truth), tLucene / tOurs);
    }

    private static void report(String name, double secs, int n, double recall, double storytraceSpeedup) {
        System.out.printf(Locale.ROOT, "%s.seconds %.3f%n%s.articles_per_s %.1f%n%s.recall_vs_exact %.4f%n", name, secs, name, n / secs,
                name, recall);
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
