package org.storytrace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load benchmark for {@code storytrace serve}, not a test: concurrent clients on loopback mixing story
 * reads, searches and article posts for a while against a running server; prints, for each kind of request,
 * how many, a second, p50 / p99 latency and errors. The story ids come from the server's own list, the
 * search words from its story titles, the posted articles from a JSON Lines file (each posted once).
 */
public final class LoadBench {
    /** How the load is made. */
    public record Settings(String url, int clients, Duration duration, double reads, double searches, Path posts, long seed) {
        public Settings {
            if (clients < 1) throw new IllegalArgumentException("clients must be at least 1, was " + clients);
            if (reads < 0 || searches < 0 || reads
                    + searches > 1) throw new IllegalArgumentException("reads and searches are shares that add up to at most 1");
        }
    }

    /** What one kind of request did. */
    public record Figures(String kind, long count, double perSecond, double p50Millis, double p99Millis, long errors) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadBench() {}

    public static List<Figures> run(Settings s, PrintStream log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(Math.max(4, s.clients() / 4))).build();
        List<String> stories = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int page = 0; page < 20; page++) {
            JsonNode p = get(http, s.url() + "/api/stories?size=500&page=" + page);
            for (JsonNode st : p.path("stories")) {
                stories.add(st.path("id").asText());
                for (String w : st.path("title").asText("").split("[^\\p{L}]+")) if (w.length() >= 5
                        && words.size() < 5000) words.add(w.toLowerCase(Locale.ROOT));
            }
            if (p.path("stories").size() < 500) break;
        }
        if (stories.isEmpty()) throw new IllegalStateException(s.url() + " serves no stories: ingest some first");
        if (words.isEmpty()) words.add("the");
        List<String> posts = s.posts() == null ? List.of() : Files.readAllLines(s.posts(), StandardCharsets.UTF_8);
        log.printf("load: %d clients for %d s against %s (%d stories, %d search words, %d articles to post)%n", s.clients(), s.duration()
                .toSeconds(), s.url(),
                stories.size(), words.size(), posts.size());
        String[] kinds = {"story", "search", "post"};
        LongList[] lat = {new LongList(), new LongList(), new LongList()};
        AtomicLong[] errors = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
        AtomicInteger nextPost = new AtomicInteger();
        long end = System.nanoTime() + s.duration().toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(s.clients());
        long t0 = System.nanoTime();
        for (int c = 0; c < s.clients(); c++) {
            long seed = s.seed() + c;
            clients.submit(() -> {
                Random r = new Random(seed);
                while (System.nanoTime() < end) {
                    double x = r.nextDouble();
                    int kind = x < s.reads() ? 0 : x < s.reads() + s.searches() ? 1 : 2;
                    HttpRequest req;
                    if (kind == 0) {
                        req = HttpRequest.newBuilder(URI.create(s.url() + "/api/stories/" + stories.get(r.nextInt(stories.size())))).GET()
                                .build();
                    } else if (kind == 1) {
                        String q = words.get(r.nextInt(words.size())) + (r.nextBoolean() ? "" : " " + words.get(r.nextInt(words.size())));
                        req = HttpRequest.newBuilder(URI.create(s.url() + "/api/stories?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                .GET().build();
                    } else {
                        int i = nextPost.getAndIncrement();
                        if (i >= posts.size()) continue; // nothing left to post: the others go on
                        req = HttpRequest.newBuilder(URI.create(s.url() + "/articles")).header("Content-Type", "application/x-ndjson")
                                .POST(HttpRequest.BodyPublishers.ofString(posts.get(i) + "\n")).build();
                    }
                    req = HttpRequest.newBuilder(req, (n, v) -> true).timeout(Duration.ofSeconds(120)).build();
                    long a = System.nanoTime();
                    try {
                        HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        if (resp.statusCode() / 100 != 2) errors[kind].incrementAndGet();
                    } catch (IOException e) {
                        errors[kind].incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    lat[kind].add(System.nanoTime() - a);
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(s.duration().toSeconds() + 300, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Figures> out = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            long[] v = lat[k].toSortedArray();
            out.add(new Figures(kinds[k], v.length, v.length / seconds, pct(v, 0.5), pct(v, 0.99), errors[k].get()));
        }
        return out;
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static JsonNode get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException(url + " answered " + r.statusCode() + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** Latencies from many threads. */
    private static final class LongList {
        private long[] v = new long[1024];
        private int n;

        synchronized void add(long x) {
            if (n == v.length) v = Arrays.copyOf(v, n * 2);
            v[n++] = x;
        }

        synchronized long[] toSortedArray() {
            long[] c = Arrays.copyOf(v, n);
            Arrays.sort(c);
            return c;
        }
    }
}
