package org.storytrace.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.storytrace.core.eval.ClusterMetrics;
import org.storytrace.core.fingerprint.Shingles;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;
import org.storytrace.core.pipeline.FingerprintStore;
import org.storytrace.core.pipeline.Linker;
import org.storytrace.core.pipeline.StoryGrouper;
import org.storytrace.core.pipeline.Threads;
import org.storytrace.core.text.Tokens;
import org.storytrace.ingest.Ingestor;

/**
 * Runs the fast path (ingest, fingerprint, candidates and verified links, stories; no embeddings) over a
 * generated corpus and measures it: articles per second per stage and end to end, memory per article,
 * link precision and recall against the generator's truth and against exact all-pairs Jaccard on a
 * sample, story ARI against the truth, and the process's peak resident memory; next to them the cost of
 * reading the file and hashing each byte once, the floor any pass over the text pays. Every stage runs on
 * the given number of threads (the stages themselves run one after another).
 */
public final class Bench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Bench() {}

    /** Articles handed to the linker at a time: fingerprinting and verification of a batch run in parallel. */
    static final int BATCH = 4096;

    /** The figures, by name, in the order they are printed; every stage on {@code threads} threads. */
    public static Map<String, Double> run(Path corpus, Path truth, int sample, int threads) throws IOException {
        return run(corpus, truth, sample, threads, null);
    }

    /**
     * As {@link #run(Path, Path, int, int)}; with an {@code embedder}, the story stage runs a second time
     * with embeddings on and its rate, end-to-end rate, share of articles embedded and ARI are added.
     */
    public static Map<String, Double> run(Path corpus, Path truth, int sample, int threads, org.storytrace.core.pipeline.Embedder embedder) throws IOException {
        ForkJoinPool pool = new ForkJoinPool(threads);
        Path warm = Files.createTempFile("storytrace-warmup", ".jsonl");
        try {
            // warm the JIT on the first lines, as a long run would be, so the figures are steady-state rates
            try (java.util.stream.Stream<String> lines = Files.lines(corpus, StandardCharsets.UTF_8)) {
                Files.write(warm, (Iterable<String>) lines.limit(WARMUP)::iterator, StandardCharsets.UTF_8);
            }
            Threads.call(pool, () -> measure(warm, truth, Math.min(sample, 200), threads, embedder));
            return Threads.call(pool, () -> measure(corpus, truth, sample, threads, embedder));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } finally {
            pool.shutdown();
            Files.deleteIfExists(warm);
        }
    }

    /** Articles of the warm-up pass. */
    static final int WARMUP = 3000;

    private static Map<String, Double> measure(Path corpus, Path truth, int sample, int threads, org.storytrace.core.pipeline.Embedder embedder) throws IOException {
        Map<String, Double> f = new LinkedHashMap<>();
        Runtime rt = Runtime.getRuntime();
        boolean parallel = threads > 1;
        f.put("threads", (double) threads);
        // the floor: read the file and hash every byte once
        long b0 = System.nanoTime();
        long sink = hashOnce(corpus);
        long b1 = System.nanoTime();
        // ingest
        long t0 = System.nanoTime();
        List<Article> articles = new ArrayList<>();
        Ingestor in = new Ingestor(Ingestor.Settings.defaults().withThreads(threads));
        in.readAll(List.of(corpus.toString()), new Ingestor.Listener() {
            @Override public void accepted(Article a) { articles.add(a); }
            @Override public void rejected(org.storytrace.core.model.Rejection r) { throw new IllegalStateException(r.toString()); }
        });
        long t1 = System.nanoTime();
        int n = articles.size();
        f.put("articles", (double) n);
        f.put("baseline.read_and_hash_once.articles_per_s", n / secs(b0, b1));
        f.put("ingest.articles_per_s", n / secs(t0, t1));
        // fingerprint alone
        Linker probe = new Linker();
        long t2 = System.nanoTime();
        sink += java.util.stream.IntStream.range(0, n).parallel().mapToLong(i -> probe.fingerprint(articles.get(i)).signature()[0]).sum();
        long t3 = System.nanoTime();
        f.put("fingerprint.articles_per_s", n / secs(t2, t3));
        // link: fingerprint, candidates, verification, in batches
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Linker linker = new Linker();
        List<Link> links = new ArrayList<>();
        long t4 = System.nanoTime();
        for (int from = 0; from < n; from += BATCH) links.addAll(linker.addAll(articles.subList(from, Math.min(n, from + BATCH)), parallel));
        linker.compact(); // as the pipeline does at the end of a load
        links = linker.pruneCommon(links);
        long t5 = System.nanoTime();
        f.put("link.articles_per_s", n / secs(t4, t5));
        f.put("link.candidates_verified", (double) linker.candidatesChecked());
        gc();
        long after = rt.totalMemory() - rt.freeMemory();
        f.put("memory.index_bytes_per_article", (double) linker.indexMemoryBytes() / n);
        f.put("memory.linker_heap_bytes_per_article", (double) Math.max(0, after - before) / n);
        // stories
        List<StoryGrouper.Item> items = new ArrayList<>(n);
        for (Article a : articles) items.add(new StoryGrouper.Item(a.id(), a.title(), a.cleanText(), a.bodyStart(), a.bodyEnd(), a.published(), null));
        long t6 = System.nanoTime();
        StoryGrouper.Grouping g = new StoryGrouper(StoryGrouper.Settings.defaults(), parallel).group(items, links);
        long t7 = System.nanoTime();
        f.put("stories.articles_per_s", n / secs(t6, t7));
        double endToEnd = n / (secs(t0, t1) + secs(t4, t5) + secs(t6, t7));
        f.put("end_to_end.articles_per_s", endToEnd);
        f.put("end_to_end.share_of_baseline", endToEnd / (n / secs(b0, b1)));
        // incremental: one article at a time into the index of the first nine tenths
        int head = n - Math.max(1, n / 10);
        Linker inc = new Linker();
        for (int from = 0; from < head; from += BATCH) inc.addAll(articles.subList(from, Math.min(head, from + BATCH)), parallel);
        long[] latency = new long[n - head];
        for (int i = head; i < n; i++) {
            long s0 = System.nanoTime();
            inc.add(articles.get(i));
            latency[i - head] = System.nanoTime() - s0;
        }
        java.util.Arrays.sort(latency);
        f.put("incremental.index_size", (double) head);
        f.put("incremental.add_p50_ms", latency[latency.length / 2] / 1e6);
        f.put("incremental.add_p99_ms", latency[Math.min(latency.length - 1, (int) (latency.length * 0.99))] / 1e6);
        // quality against the truth
        Map<String, JsonNode> truthById = new HashMap<>();
        for (String line : Files.readAllLines(truth, StandardCharsets.UTF_8)) if (!line.isBlank()) { JsonNode t = JSON.readTree(line); truthById.put(t.get("id").asText(), t); }
        Set<String> truePairs = reusePairs(truthById);
        Set<String> found = new HashSet<>();
        for (Link l : links) found.add(pair(l.a(), l.b()));
        int hit = 0;
        for (String p : found) if (truePairs.contains(p)) hit++;
        f.put("links.precision_vs_truth", found.isEmpty() ? 1 : (double) hit / found.size());
        f.put("links.recall_vs_truth", truePairs.isEmpty() ? 1 : (double) hit / truePairs.size());
        f.put("links.recall_vs_exact_jaccard_0.5", exactRecall(articles, found, Math.min(sample, n)));
        int[] truthLabels = new int[n], predicted = new int[n];
        Map<String, Integer> storyIds = new HashMap<>();
        for (int i = 0; i < n; i++) {
            JsonNode t = truthById.get(articles.get(i).id());
            truthLabels[i] = storyIds.computeIfAbsent(t == null ? "?" + i : t.get("story").asText(), k -> storyIds.size());
            predicted[i] = g.story()[i];
        }
        f.put("stories.ari_vs_truth", ClusterMetrics.ari(truthLabels, predicted));
        f.put("stories.nmi_vs_truth", ClusterMetrics.nmi(truthLabels, predicted));
        if (embedder != null) {
            long e0 = System.nanoTime();
            StoryGrouper.Grouping ge = new StoryGrouper(StoryGrouper.Settings.defaults(), parallel).group(items, links, embedder);
            long e1 = System.nanoTime();
            f.put("embeddings.stories.articles_per_s", n / secs(e0, e1));
            f.put("embeddings.end_to_end.articles_per_s", n / (secs(t0, t1) + secs(t4, t5) + secs(e0, e1)));
            f.put("embeddings.share_of_articles_embedded", (double) ge.embedded() / n);
            f.put("embeddings.stories.ari_vs_truth", ClusterMetrics.ari(truthLabels, ge.story()));
        }
        f.put("process.peak_rss_bytes", peakRss());
        if (sink == 42) f.put("unlikely", 0.0);
        return f;
    }

    /**
     * The link stage at scale, streaming: articles are read, fingerprinted, indexed and verified in batches
     * and not kept (the fingerprints go to a file under {@code storeDir} when it is given, else stay on the
     * heap); the last {@code tail} articles are then added one at a time to the index of all the others, to
     * time incremental adds. Prints as it goes; returns the figures.
     */
    public static Map<String, Double> scale(Path corpus, int threads, Path storeDir, int tail) throws IOException {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return Threads.call(pool, () -> measureScale(corpus, threads, storeDir, tail));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } finally {
            pool.shutdown();
        }
    }

    private static Map<String, Double> measureScale(Path corpus, int threads, Path storeDir, int tail) throws IOException {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("threads", (double) threads);
        long lines;
        try (java.util.stream.Stream<String> s = Files.lines(corpus, StandardCharsets.UTF_8)) { lines = s.filter(l -> !l.isBlank()).count(); }
        long head = Math.max(0, lines - tail);
        FingerprintStore store = storeDir == null ? FingerprintStore.inMemory()
                : FingerprintStore.onDisk(Files.createTempFile(Files.createDirectories(storeDir), "fingerprints", ".bin"));
        Linker linker = new Linker(Linker.Settings.defaults(), store);
        List<Article> batch = new ArrayList<>();
        List<Article> last = new ArrayList<>();
        long[] seen = {0}, linksFound = {0};
        boolean parallel = threads > 1;
        long t0 = System.nanoTime();
        new Ingestor(Ingestor.Settings.defaults().withThreads(threads)).readAll(List.of(corpus.toString()), new Ingestor.Listener() {
            @Override public void accepted(Article a) {
                if (seen[0]++ >= head) { last.add(a); return; }
                batch.add(a);
                if (batch.size() == BATCH) {
                    linksFound[0] += linker.addAll(List.copyOf(batch), parallel).size();
                    batch.clear();
                    if (linker.size() % (BATCH * 64) == 0) System.err.printf("  %,d articles indexed, %.0f/s%n", linker.size(), linker.size() / secs(t0, System.nanoTime()));
                }
            }
            @Override public void rejected(org.storytrace.core.model.Rejection r) { throw new IllegalStateException(r.toString()); }
        });
        linksFound[0] += linker.addAll(batch, parallel).size();
        batch.clear();
        linker.compact();
        long t1 = System.nanoTime();
        int n = linker.size();
        f.put("articles_indexed", (double) n);
        f.put("ingest_and_link.articles_per_s", n / secs(t0, t1));
        f.put("links_found", (double) linksFound[0]);
        gc();
        Runtime rt = Runtime.getRuntime();
        f.put("memory.index_bytes_per_article", (double) linker.indexMemoryBytes() / n);
        f.put("memory.fingerprint_heap_bytes_per_article", (double) linker.fingerprintMemoryBytes() / n);
        f.put("memory.heap_used_bytes_per_article", (double) (rt.totalMemory() - rt.freeMemory()) / n);
        long[] latency = new long[last.size()];
        for (int i = 0; i < last.size(); i++) {
            long s0 = System.nanoTime();
            linker.add(last.get(i));
            latency[i] = System.nanoTime() - s0;
        }
        java.util.Arrays.sort(latency);
        if (latency.length > 0) {
            f.put("incremental.index_size", (double) n);
            f.put("incremental.adds", (double) latency.length);
            f.put("incremental.add_p50_ms", latency[latency.length / 2] / 1e6);
            f.put("incremental.add_p99_ms", latency[Math.min(latency.length - 1, (int) (latency.length * 0.99))] / 1e6);
        }
        f.put("process.peak_rss_bytes", peakRss());
        store.close();
        return f;
    }

    /** Reads a file and hashes each byte once (FNV-1a): what any pass over the text costs at least. */
    static long hashOnce(Path file) throws IOException {
        long h = 0xcbf29ce484222325L;
        byte[] buf = new byte[1 << 16];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) for (int i = 0; i < r; i++) h = (h ^ buf[i]) * 0x100000001b3L;
        }
        return h;
    }

    /** Reprint-source pairs, and pairs of reprints of one source whose reused spans overlap in it. */
    static Set<String> reusePairs(Map<String, JsonNode> truth) {
        Set<String> pairs = new HashSet<>();
        Map<String, List<JsonNode>> bySource = new HashMap<>();
        for (JsonNode t : truth.values()) {
            if (t.get("source").isNull()) continue;
            pairs.add(pair(t.get("id").asText(), t.get("source").asText()));
            bySource.computeIfAbsent(t.get("source").asText(), k -> new ArrayList<>()).add(t);
        }
        for (List<JsonNode> rs : bySource.values()) {
            for (int i = 0; i < rs.size(); i++) {
                for (int j = i + 1; j < rs.size(); j++) {
                    if (overlapInSource(rs.get(i), rs.get(j))) pairs.add(pair(rs.get(i).get("id").asText(), rs.get(j).get("id").asText()));
                }
            }
        }
        return pairs;
    }

    private static boolean overlapInSource(JsonNode x, JsonNode y) {
        for (JsonNode a : x.get("spans")) {
            for (JsonNode b : y.get("spans")) {
                int lo = Math.max(a.get("a_start").asInt(), b.get("a_start").asInt()), hi = Math.min(a.get("a_end").asInt(), b.get("a_end").asInt());
                if (hi - lo >= 100) return true;
            }
        }
        return false;
    }

    /** Of the pairs among the first {@code m} articles whose exact 3-shingle Jaccard is at least 0.5, the share linked. */
    static double exactRecall(List<Article> articles, Set<String> found, int m) {
        List<long[]> sets = new ArrayList<>(m);
        Tokens tok = new Tokens();
        for (int i = 0; i < m; i++) {
            Article a = articles.get(i);
            tok.tokenize(a.cleanText(), a.bodyStart(), a.bodyEnd());
            sets.add(Shingles.sortedSet(tok.hashes(), tok.size(), 3));
        }
        long[] similar = Shingles.similarPairs(sets, m, 0.5);
        int pairs = similar.length, hit = 0;
        for (long p : similar) if (found.contains(pair(articles.get((int) (p >>> 32)).id(), articles.get((int) p).id()))) hit++;
        return pairs == 0 ? 1 : (double) hit / pairs;
    }

    public static double jaccard(long[] a, long[] b) { return Shingles.jaccard(a, b); }

    private static String pair(String a, String b) { return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a; }

    private static double secs(long from, long to) { return Math.max(1e-9, (to - from) / 1e9); }

    private static void gc() {
        for (int i = 0; i < 3; i++) { System.gc(); try { Thread.sleep(50); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } }
    }

    /** VmHWM from /proc/self/status in bytes, or -1 where that file does not exist. */
    static double peakRss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) return Double.parseDouble(l.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
