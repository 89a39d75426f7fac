package org.storytrace.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.storytrace.core.doc.Document;
import org.storytrace.core.eval.ClusterMetrics;
import org.storytrace.core.fingerprint.Shingles;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Story;
import org.storytrace.core.pipeline.Embedder;
import org.storytrace.core.text.Tokens;
import org.storytrace.engine.Engine;
import org.storytrace.engine.EngineSettings;
import org.storytrace.engine.Progress;
import org.storytrace.engine.Results;
import org.storytrace.engine.output.OutputFolder;
import org.storytrace.engine.output.Outputs;

/**
 * Runs the engine over a generated corpus and measures it, the way {@code storytrace analyze} runs it:
 * read and link (one streaming pass), group into stories, write the outputs; articles per second for
 * each and end to end, heap bytes an article for what grows with the collection, incremental add
 * latency, link precision and recall against the generator's truth and against exact all-pairs Jaccard
 * on a sample, story ARI against the truth, and the process's peak resident memory; next to them the cost
 * of reading the file and hashing each byte once, the floor any pass over the text pays. These are the
 * engine's figures inside one process; {@code scripts/bench-command.sh} times the command itself as a
 * separate process next to the peers.
 */
public final class Bench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Bench() {}

    /** The figures, by name, in the order they are printed; every stage on {@code threads} threads. */
    public static Map<String, Double> run(Path corpus, Path truth, int sample, int threads) throws IOException {
        return run(corpus, truth, sample, threads, null);
    }

    /**
     * As {@link #run(Path, Path, int, int)}; with an {@code embedder}, the story stage runs a second time
     * with embeddings on and its rate, end-to-end rate and ARI are added.
     */
    public static Map<String, Double> run(Path corpus, Path truth, int sample, int threads, Embedder embedder) throws IOException {
        Path warm = Files.createTempFile("storytrace-warmup", ".jsonl");
        try {
            // warm the JIT on the first lines, as a long run would be, so the figures are steady-state rates
            try (Stream<String> lines = Files.lines(corpus, StandardCharsets.UTF_8)) {
                Files.write(warm, (Iterable<String>) lines.limit(WARMUP)::iterator, StandardCharsets.UTF_8);
            }
            measure(warm, truth, Math.min(sample, 200), threads, embedder);
            return measure(corpus, truth, sample, threads, embedder);
        } finally {
            Files.deleteIfExists(warm);
        }
    }

    /** Articles of the warm-up pass. */
    static final int WARMUP = 3000;

    private static Map<String, Double> measure(Path corpus, Path truth, int sample, int threads, Embedder embedder) throws IOException {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("threads", (double) threads);
        // the floor: read the file and hash every byte once
        long b0 = System.nanoTime();
        long sink = hashOnce(corpus);
        long b1 = System.nanoTime();
        EngineSettings settings = EngineSettings.builder().threads(threads).build();
        Path out = Files.createTempDirectory("storytrace-bench-out");
        List<Link> links;
        List<Story> stories;
        List<String> ids = new ArrayList<>();
        List<Article> firstArticles = new ArrayList<>();
        int n;
        try (Engine engine = Engine.builder(settings).build()) {
            long t0 = System.nanoTime();
            engine.ingest(List.of(corpus.toString()), null);
            long t1 = System.nanoTime();
            // measured once everything is read, before the story stage seals the linker and lets its indexes go
            long indexHeap = engine.indexMemoryBytes(), indexMapped = engine.indexMappedBytes();
            Results r = engine.results();
            long t2 = System.nanoTime();
            Outputs.writeAll(r, OutputFolder.prepare(out));
            long t3 = System.nanoTime();
            n = r.articleCount();
            f.put("articles", (double) n);
            f.put("baseline.read_and_hash_once.articles_per_s", n / secs(b0, b1));
            f.put("ingest_and_link.articles_per_s", n / secs(t0, t1));
            f.put("stories.articles_per_s", n / secs(t1, t2));
            f.put("write.articles_per_s", n / secs(t2, t3));
            f.put("end_to_end.articles_per_s", n / secs(t0, t3));
            f.put("end_to_end.share_of_baseline", (n / secs(t0, t3)) / (n / secs(b0, b1)));
            f.put("memory.index_bytes_per_article", (double) indexHeap / n);
            f.put("disk.index_mapped_bytes_per_article", (double) indexMapped / n);
            f.put("disk.work_bytes_per_article", (double) engine.workBytes() / n);
            links = r.links();
            stories = r.stories();
            for (Document d : r.documents()) {
                ids.add(d.id());
                if (firstArticles.size() < Math.max(sample, n)) firstArticles.add(d.article());
            }
            if (embedder != null) {
                try (Engine withEmbeddings = Engine.builder(settings).embedder(embedder).build()) {
                    long e0 = System.nanoTime();
                    withEmbeddings.ingest(List.of(corpus.toString()), null);
                    long e1 = System.nanoTime();
                    Results re = withEmbeddings.results();
                    long e2 = System.nanoTime();
                    f.put("embeddings.stories.articles_per_s", n / secs(e1, e2));
                    f.put("embeddings.end_to_end.articles_per_s", n / secs(e0, e2));
                    f.put("embeddings.stories.ari_vs_truth", ari(truth, ids, re.stories()));
                }
            }
        } finally {
            OutputFolder.deleteTree(out);
        }
        // incremental: one article at a time into an engine holding the first nine tenths
        int head = n - Math.max(1, n / 10);
        try (Engine inc = Engine.builder(settings).build()) {
            inc.addAll(firstArticles.subList(0, head));
            inc.results();
            long[] latency = new long[n - head];
            for (int i = head; i < n; i++) {
                long s0 = System.nanoTime();
                inc.addAll(List.of(firstArticles.get(i)));
                latency[i - head] = System.nanoTime() - s0;
            }
            Arrays.sort(latency);
            f.put("incremental.index_size", (double) head);
            f.put("incremental.add_p50_ms", latency[latency.length / 2] / 1e6);
            f.put("incremental.add_p99_ms", latency[Math.min(latency.length - 1, (int) (latency.length * 0.99))] / 1e6);
        }
        // quality against the truth
        Map<String, JsonNode> truthById = readTruth(truth);
        Set<String> truePairs = reusePairs(truthById);
        Set<String> found = new HashSet<>();
        for (Link l : links) found.add(pair(l.a(), l.b()));
        int hit = 0;
        for (String p : found) if (truePairs.contains(p)) hit++;
        f.put("links.precision_vs_truth", found.isEmpty() ? 1 : (double) hit / found.size());
        f.put("links.recall_vs_truth", truePairs.isEmpty() ? 1 : (double) hit / truePairs.size());
        f.put("links.recall_vs_exact_jaccard_0.5", exactRecall(firstArticles, found, Math.min(sample, n)));
        f.put("stories.ari_vs_truth", ari(truth, ids, stories));
        f.put("process.peak_rss_bytes", peakRss());
        if (sink == 42) f.put("unlikely", 0.0);
        return f;
    }

    private static Map<String, JsonNode> readTruth(Path truth) throws IOException {
        Map<String, JsonNode> truthById = new HashMap<>();
        for (String line : Files.readAllLines(truth, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) { JsonNode t = JSON.readTree(line); truthById.put(t.get("id").asText(), t); }
        }
        return truthById;
    }

    /** Story ARI of {@code stories} over the articles {@code ids} against the generator's truth. */
    private static double ari(Path truth, List<String> ids, List<Story> stories) throws IOException {
        Map<String, JsonNode> truthById = readTruth(truth);
        Map<String, Integer> storyOf = new HashMap<>();
        for (int s = 0; s < stories.size(); s++) for (String id : stories.get(s).articles()) storyOf.put(id, s);
        int n = ids.size();
        int[] want = new int[n], got = new int[n];
        Map<String, Integer> storyIds = new HashMap<>();
        for (int i = 0; i < n; i++) {
            JsonNode t = truthById.get(ids.get(i));
            want[i] = storyIds.computeIfAbsent(t == null ? "?" + i : t.get("story").asText(), k -> storyIds.size());
            got[i] = storyOf.get(ids.get(i));
        }
        return ClusterMetrics.ari(want, got);
    }

    /**
     * The engine at scale, streaming, as {@code analyze} runs it: read, link, group and write the outputs
     * (to {@code outDir}, or a temporary folder), with the work files under {@code workDir} when given;
     * then the last {@code tail} articles added one at a time. Prints as it goes; returns the figures.
     */
    public static Map<String, Double> scale(Path corpus, int threads, Path workDir, int tail) throws IOException {
        return scale(corpus, threads, workDir, tail, false);
    }

    /** As {@link #scale(Path, int, Path, int)}, with the candidate indexes' postings on disk when {@code indexOnDisk}. */
    public static Map<String, Double> scale(Path corpus, int threads, Path workDir, int tail, boolean indexOnDisk) throws IOException {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("threads", (double) threads);
        Path out = Files.createTempDirectory(workDir == null ? Path.of(System.getProperty("java.io.tmpdir"))
                : Files.createDirectories(workDir), "out");
        EngineSettings settings = EngineSettings.builder().threads(threads).workDir(workDir).indexOnDisk(indexOnDisk).build();
        try (Engine engine = Engine.builder(settings).build()) {
            long t0 = System.nanoTime();
            engine.ingest(List.of(corpus.toString()), new Progress() {
                long last = System.nanoTime();
                @Override public void update(long articles, long bytes) {
                    long now = System.nanoTime();
                    if (now - last < 10_000_000_000L) return;
                    last = now;
                    System.err.printf("  %,d articles read and linked, %.0f/s%n", articles, articles / secs(t0, now));
                }
            });
            long t1 = System.nanoTime();
            // measured once everything is read, before the story stage seals the linker and lets its indexes go
            long indexHeap = engine.indexMemoryBytes(), indexMapped = engine.indexMappedBytes();
            Results r = engine.results();
            long t2 = System.nanoTime();
            Outputs.writeAll(r, OutputFolder.prepare(out));
            long t3 = System.nanoTime();
            int n = r.articleCount();
            f.put("articles", (double) n);
            f.put("ingest_and_link.articles_per_s", n / secs(t0, t1));
            f.put("stories.articles_per_s", n / secs(t1, t2));
            f.put("write.articles_per_s", n / secs(t2, t3));
            f.put("end_to_end.articles_per_s", n / secs(t0, t3));
            f.put("links_found", (double) r.links().size());
            f.put("stories", (double) r.stories().size());
            f.put("memory.index_bytes_per_article", (double) indexHeap / n);
            f.put("disk.index_mapped_bytes_per_article", (double) indexMapped / n);
            f.put("disk.work_bytes_per_article", (double) engine.workBytes() / n);
            gc();
            Runtime rt = Runtime.getRuntime();
            f.put("memory.heap_used_bytes_per_article", (double) (rt.totalMemory() - rt.freeMemory()) / n);
            int adds = Math.min(tail, n);
            long[] latency = new long[adds];
            for (int i = 0; i < adds; i++) {
                Article a = engine.document(n - adds + i).article().withId("again-" + i);
                long s0 = System.nanoTime();
                engine.addAll(List.of(a));
                latency[i] = System.nanoTime() - s0;
            }
            Arrays.sort(latency);
            if (latency.length > 0) {
                f.put("incremental.index_size", (double) n);
                f.put("incremental.adds", (double) latency.length);
                f.put("incremental.add_p50_ms", latency[latency.length / 2] / 1e6);
                f.put("incremental.add_p99_ms", latency[Math.min(latency.length - 1, (int) (latency.length * 0.99))] / 1e6);
            }
        } finally {
            OutputFolder.deleteTree(out);
        }
        f.put("process.peak_rss_bytes", peakRss());
        return f;
    }

    /** Reads a file and hashes each byte once (FNV-1a): what any pass over the text costs at least. */
    static long hashOnce(Path file) throws IOException {
        long h = 0xcbf29ce484222325L;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
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
                int lo = Math.max(a.get("a_start").asInt(), b.get("a_start").asInt()), hi = Math.min(a.get("a_end").asInt(), b.get("a_end")
                        .asInt());
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
        for (int i = 0; i < 3; i++) { System.gc(); try { Thread.sleep(50); } catch (InterruptedException e) { Thread.currentThread()
                .interrupt(); } }
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
