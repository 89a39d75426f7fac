package org.storytrace.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.StageFailure;
import org.storytrace.engine.Engine;
import org.storytrace.engine.Progress;
import org.storytrace.store.Archive;
import org.storytrace.store.Store;

/**
 * {@code storytrace serve}: the JSON API and the web pages over an {@link Archive} (a store and the engine
 * that analyses it), on Javalin. Reads come from the store; {@code POST /articles} ingests through the same
 * engine as {@code storytrace ingest} (one ingest at a time) and answers with each new article's story and links.
 *
 * <p>Safe by default: bound to 127.0.0.1; bound to another address it refuses to start without a token,
 * and with a token every write needs {@code Authorization: Bearer TOKEN}. Request bodies are limited in
 * size. Every page carries a Content-Security-Policy that allows no script and no inline style, and every
 * value a page shows is escaped. Every API error is a JSON body {@code {"error": ..., "status": ...}}.
 */
public final class StoryServer implements AutoCloseable {
    /** How the server listens. */
    public record Config(String host, int port, String token, long maxBodyBytes, Duration postWait) {
        public Config {
            if (postWait == null || postWait.isNegative()) throw new IllegalArgumentException("--post-wait must be 0 or more");
            if (host == null || host.isBlank()) throw new IllegalArgumentException("--host is empty");
            if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be between 0 and 65535, was " + port);
            if (maxBodyBytes < 1) throw new IllegalArgumentException("--max-body must be at least 1 byte, was " + maxBodyBytes);
        }

        public Config(String host, int port, String token, long maxBodyBytes) { this(host, port, token, maxBodyBytes,
                Duration.ofSeconds(30)); }

        public static Config local(int port) { return new Config("127.0.0.1", port, null, 64L << 20); }
    }

    /** A request the server refuses: its status and a message a person can act on. */
    static final class ApiError extends RuntimeException {
        final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Archive archive;
    private final Store store;
    private final Config config;
    private final Pages pages;
    private final Javalin app;
    private final ReentrantLock ingestLock = new ReentrantLock();
    private final AtomicReference<String> status = new AtomicReference<>();
    private final AtomicLong posts = new AtomicLong();
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    /** Filled by the archive's acknowledgement callback with each stored batch: the articles a post added. */
    private final List<Document> ackSink;

    private StoryServer(Archive archive, Config config, List<Document> acked) {
        this.archive = archive;
        this.ackSink = acked;
        this.store = archive.store();
        this.config = config;
        this.pages = new Pages(store);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
        });
        routes();
    }

    /**
     * Opens the store at {@code location} with the engine of {@code builder}, brings its analysis up to date,
     * and returns the server (not yet listening).
     */
    public static StoryServer open(String location, Path indexDir, Engine.Builder builder, Config config) {
        if (!isLoopback(config.host()) && (config.token() == null || config.token().isBlank())) {
            throw new IllegalArgumentException("--host " + config.host()
                    + " is not a loopback address: give a --token that writes must present");
        }
        List<Document> acked = new ArrayList<>();
        Archive archive = Archive.openUnrestored(location, indexDir, builder, batch -> {
            synchronized (acked) { acked.addAll(batch); }
        });
        return new StoryServer(archive, config, acked);
    }

    /**
     * Restores the store's articles into the engine in the background, then brings the analysis up to date
     * if a run left it behind: the pages and the API answer from the store meanwhile; posts are refused
     * with 503 until it is done.
     */
    private void restoreInBackground() {
        long total = store.articleCount();
        Thread t = new Thread(() -> {
            ingestLock.lock();
            try {
                status.set("restoring " + total + " articles");
                // a server stopped while it restores (Ctrl-C, SIGTERM) gives up at the next article: close stops the engine
                archive.restore(n -> status.set("restoring: " + n + " of " + total + " articles"));
                if (!archive.analysisCurrent()) {
                    // a run killed before it saved: the articles after those the saved analysis covers are placed into its
                    // stories, as that run would have placed them, unless so many wait that everything is grouped again
                    status.set("analysing " + total + " articles");
                    archive.catchUp(archive.storedGrouping());
                    archive.engine().preparePlacement();
                } else {
                    status.set("reading the stored stories of " + total + " articles");
                    if (archive.adoptStoredGrouping()) archive.engine().preparePlacement(); // the first post places at once
                }
            } catch (RuntimeException e) {
                restoreFailure = e;
            } finally {
                status.set(null);
                ingestLock.unlock();
            }
        }, "storytrace-restore");
        t.setDaemon(true);
        t.start();
    }

    private volatile RuntimeException restoreFailure;

    /** What the server is loading or ingesting now (null for nothing): what {@code /health} says as {@code ingesting}. */
    String loading() { return status.get(); }

    /** Whether a restore was given up because the server stopped. */
    boolean restoreStopped() { return restoreFailure instanceof CancellationException; }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts listening; returns the port (useful with port 0). */
    public int start() {
        app.start(config.host(), config.port());
        restoreInBackground();
        return app.port();
    }

    /** Waits until the store is restored into the engine and its analysis current (tests, and callers that must write at once). */
    public void awaitReady() throws InterruptedException {
        while (!archive.isRestored() || ingestLock.isLocked()) {
            if (restoreFailure != null) throw restoreFailure;
            Thread.sleep(20);
        }
    }

    public int port() { return app.port(); }

    @Override public void close() {
        // whatever the engine does now (a restore's batch of named-entity runs, an analysis's story stages) gives up at
        // its next article or story instead of finishing: Ctrl-C is answered in a moment, not after the batch in flight
        archive.engine().stop();
        try {
            app.stop();
            // never interrupt the analyser: an interrupt in the middle of file I/O closes the index's files
            synchronized (analysis) {
                closing = true;
                analysis.notifyAll();
            }
            try {
                if (ingestLock.tryLock(120, TimeUnit.SECONDS)) ingestLock.unlock();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } finally {
            archive.close();
        }
    }

    private void routes() {
        app.before(ctx -> {
            long now = System.nanoTime();
            ctx.attribute("t0", now);
            if (ctx.method() == HandlerType.GET) lastRead = now;
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
            if (ctx.method() == HandlerType.POST) authorise(ctx);
        });
        app.after(ctx -> {
            Long t0 = ctx.attribute("t0");
            String route = ctx.endpointHandlerPath();
            if (route == null || route.isEmpty()) route = "unmatched";
            String key = ctx.method() + " " + route + " " + ctx.statusCode();
            requests.computeIfAbsent(key, k -> new LongAdder()).increment();
            if (t0 != null) nanos.computeIfAbsent(ctx.method() + " " + route, k -> new LongAdder()).add(System.nanoTime() - t0);
        });

        // pages
        app.get("/", ctx -> ctx.html(pages.storyList(query(ctx, 25), status.get())));
        app.get("/stories/{id}", ctx -> ctx.html(pages.storyPage(ctx.pathParam("id"), status.get())));
        app.get("/articles/{id}", ctx -> ctx.html(pages.articlePage(ctx.pathParam("id"), status.get())));
        app.get("/entities/{id}", ctx -> ctx.html(pages.entityPage(ctx.pathParam("id"), status.get())));
        app.get("/static/storytrace.css", ctx -> {
            ctx.contentType("text/css; charset=utf-8");
            ctx.header("Cache-Control", "max-age=3600");
            ctx.result(resource("storytrace.css"));
        });

        // API
        app.get("/openapi.json", ctx -> json(ctx, 200, resource("openapi.json")));
        app.get("/health", ctx -> {
            ObjectNode h = JSON.createObjectNode();
            h.put("status", "ok");
            h.put("articles", store.articleCount());
            h.put("stories", store.storyCount());
            h.put("analysis_current", archive.analysisCurrent());
            h.put("ready_for_posts", archive.isRestored());
            h.put("ingesting", status.get());
            json(ctx, 200, h);
        });
        app.get("/metrics", ctx -> {
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
            ctx.result(metrics());
        });
        app.get("/api/stories", ctx -> {
            Store.StoryQuery q = query(ctx, 20);
            Store.StoryPage p = store.stories(q);
            ObjectNode out = JSON.createObjectNode();
            out.put("total", p.total());
            out.put("more", p.more());
            out.put("page", q.page());
            out.put("size", q.size());
            ArrayNode rows = out.putArray("stories");
            for (Store.StoryRow r : p.stories()) rows.add(row(r));
            json(ctx, 200, out);
        });
        app.get("/api/stories/{id}", ctx -> json(ctx, 200, storyJson(ctx.pathParam("id"))));
        app.get("/api/articles/{id}", ctx -> {
            String id = ctx.pathParam("id");
            JsonNode a = JSON.readTree(store.element("articles", id).orElseThrow(() -> new ApiError(404, "no article with id " + id)));
            ObjectNode out = JSON.createObjectNode();
            out.set("article", a);
            store.document(id).ifPresent(d -> out.put("text", d.article().text()));
            out.put("story", store.storyOf(id).orElse(null));
            ArrayNode links = out.putArray("links");
            for (String l : store.elementsOf("links", List.of(id))) links.add(JSON.readTree(l));
            json(ctx, 200, out);
        });
        app.get("/api/entities/{id}", ctx -> {
            String id = ctx.pathParam("id");
            JsonNode e = JSON.readTree(store.element("entities", id).orElseThrow(() -> new ApiError(404, "no entity with id " + id)));
            ObjectNode out = JSON.createObjectNode();
            out.set("entity", e);
            out.set("stories", JSON.valueToTree(store.storiesOfEntity(id)));
            json(ctx, 200, out);
        });
        app.post("/articles", this::postArticles);

        app.exception(Pages.NotFound.class, (e, ctx) -> notFound(ctx, e.getMessage()));
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        // a post in flight when the server is told to stop: what it stored stays stored, the rest is to be sent again
        app.exception(CancellationException.class, (e, ctx) -> error(ctx, 503, "the server is stopping: send again after it restarts"));
        app.exception(Exception.class, (e, ctx) -> error(ctx, 500, "the server failed: " + e));
        app.error(404, ctx -> {
            if (ctx.attribute("answered") == null) notFound(ctx, "nothing at " + ctx.path());
        });
        app.error(413, ctx -> error(ctx, 413, "the request body is larger than the server's limit of " + config.maxBodyBytes() + " bytes"));
    }

    private void notFound(Context ctx, String message) {
        if (ctx.path().startsWith("/api/") || ctx.method() != HandlerType.GET) {
            error(ctx, 404, message);
        } else {
            ctx.attribute("answered", Boolean.TRUE);
            ctx.status(404);
            ctx.html(Pages.layout("Not found", status.get(), "<h1>Not found</h1><p>" + Html.text(message)
                    + "</p><p><a href=\"/\">All stories</a></p>"));
        }
    }

    private static void error(Context ctx, int status, String message) {
        ObjectNode e = JSON.createObjectNode();
        e.put("error", message);
        e.put("status", status);
        json(ctx, status, e);
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.attribute("answered", Boolean.TRUE);
        ctx.status(status);
        ctx.contentType("application/json; charset=utf-8");
        try {
            ctx.result(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void authorise(Context ctx) {
        if (config.token() == null || config.token().isBlank()) return;
        String h = ctx.header("Authorization");
        String given = h != null && h.startsWith("Bearer ") ? h.substring(7).strip() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), config.token().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, "this server takes writes only with its token: send the header Authorization: Bearer TOKEN");
        }
    }

    /**
     * A story with everything the analysis has on it, as the API sends it: the stored elements are copied into the
     * answer as they are, never parsed and written again (a story read is most of a server's work).
     */
    private String storyJson(String id) throws IOException {
        String story = store.element("stories", id).orElseThrow(() -> new Pages.NotFound("no story " + id));
        Store.StoryRow row = store.storyRow(id).orElseThrow(() -> new Pages.NotFound("no story " + id));
        List<String> articles = new ArrayList<>(), entities = new ArrayList<>();
        try (JsonParser p = JSON.getFactory().createParser(story)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("story " + id + " is not an object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                List<String> into = field.equals("articles") ? articles : field.equals("entities") ? entities : null;
                if (into != null && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) into.add(p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
        List<String> quotes = store.elementsOf("quotes", articles);
        Set<String> groups = new LinkedHashSet<>();
        for (String q : quotes) {
            JsonNode g = JSON.readTree(q).get("group");
            if (g != null && !g.isNull()) groups.add(g.asText());
        }
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("story");
            g.writeRawValue(story);
            g.writeFieldName("row");
            g.writeTree(row(row));
            raw(g, "articles", store.elements("articles", articles));
            raw(g, "links", store.linksWithin(articles));
            raw(g, "entities", store.elements("entities", entities));
            raw(g, "quotes", quotes);
            raw(g, "quote_groups", store.elements("quote_groups", new ArrayList<>(groups)));
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void raw(JsonGenerator g, String field, List<String> elements) throws IOException {
        g.writeArrayFieldStart(field);
        for (String e : elements) g.writeRawValue(e);
        g.writeEndArray();
    }

    private static ObjectNode row(Store.StoryRow r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.id());
        o.put("title", r.title());
        o.put("articles", r.size());
        o.put("first_published", r.firstPublished());
        o.put("last_published", r.lastPublished());
        o.put("topic", r.topic());
        o.set("outlets", JSON.valueToTree(r.outlets()));
        return o;
    }

    private static Store.StoryQuery query(Context ctx, int defaultSize) {
        String q = ctx.queryParam("q");
        LocalDate from = date(ctx, "from"), to = date(ctx, "to");
        String outlet = blankToNull(ctx.queryParam("outlet")), entity = blankToNull(ctx.queryParam("entity"));
        int page = integer(ctx, "page", 0), size = integer(ctx, "size", defaultSize);
        if (from != null && to != null && to.isBefore(from)) throw new ApiError(400, "to (" + to + ") is before from (" + from + ")");
        try {
            return new Store.StoryQuery(q, from, to, outlet, entity, page, size);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }

    private static LocalDate date(Context ctx, String name) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ApiError(400, name + " must be a date like 2020-08-23, was '" + v + "'");
        }
    }

    private static int integer(Context ctx, String name, int dflt) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) return dflt;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + " must be a whole number, was '" + v + "'");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StoryServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * {@code POST /articles}: the body is JSON Lines ({@code application/x-ndjson}, one article an object),
     * JSON (one article object, or an array of them), CSV or TSV with a header row ({@code text/csv},
     * {@code text/tab-separated-values}), Parquet ({@code application/vnd.apache.parquet}), WARC ({@code application/warc}),
     * or a ZIP or TAR archive of any of these but Parquet and of
     * pages ({@code application/zip}, {@code application/x-tar}; gzipped: {@code application/gzip}); it is read by the
     * same readers as any input (so a bad record is rejected with its reason and the rest are stored), stored
     * durably, the analysis brought up to date, and the answer lists each new article with its story and links.
     */
    private void postArticles(Context ctx) throws Exception {
        long length = ctx.contentLength();
        if (length > config.maxBodyBytes()) throw new ApiError(413, "the request body (" + length
                + " bytes) is larger than the server's limit of " + config.maxBodyBytes() + " bytes");
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        String ext;
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")
                || type.startsWith("application/x-jsonlines")) ext = ".jsonl";
        else if (type.startsWith("application/json")) ext = ".json";
        else if (type.startsWith("application/warc")) ext = ".warc";
        else if (type.startsWith("text/csv")) ext = ".csv";
        else if (type.startsWith("text/tab-separated-values")) ext = ".tsv";
        else if (type.startsWith("application/zip") || type.startsWith("application/x-zip")) ext = ".zip";
        else if (type.startsWith("application/x-tar")) ext = ".tar";
        else if (type.startsWith("application/gzip") || type.startsWith("application/x-gzip")) ext = ".gz";
        else if (type.startsWith("application/vnd.apache.parquet") || type.startsWith("application/x-parquet")) ext = ".parquet";
        else throw new ApiError(415, "send articles as application/x-ndjson (JSON Lines), application/json, text/csv (a header row, then "
                + "a row an article), application/vnd.apache.parquet, application/warc, or an archive of files (application/zip, "
                + "application/x-tar, application/gzip), "
                + "not '" + type + "'");
        Path tmp = Files.createTempFile("storytrace-post-", ext);
        long bytes;
        try {
            try (InputStream in = ctx.bodyInputStream(); OutputStream out = Files.newOutputStream(tmp)) {
                bytes = copyLimited(in, out, config.maxBodyBytes());
            }
            if (bytes == 0) throw new ApiError(400, "the request body is empty: send one or more articles");
            if (ext.equals(".json")) checkJson(tmp);
            Path named = tmp.resolveSibling("post-" + posts.incrementAndGet() + "-" + tmp.getFileName());
            Files.move(tmp, named);
            tmp = named;
            if (restoreFailure != null) throw new ApiError(500, "the store could not be loaded into the engine: "
                    + restoreFailure.getMessage());
            if (!archive.isRestored()) {
                ctx.header("Retry-After", "30");
                throw new ApiError(503, "the server is still loading the store's articles (" + status.get()
                        + "): posts are taken once it is done; retry shortly");
            }
            Engine.Batch batch;
            List<String> ids = new ArrayList<>();
            long generation;
            ingestLock.lock();
            try {
                synchronized (ackSink) { ackSink.clear(); }
                status.set("ingesting a posted batch");
                batch = archive.ingest(List.of(tmp.toString()), progress());
                synchronized (ackSink) {
                    for (Document d : ackSink) ids.add(d.id());
                    ackSink.clear();
                }
                synchronized (analysis) { generation = ++ingested; }
            } finally {
                status.set(null);
                ingestLock.unlock();
            }
            boolean analysed = batch.added() == 0 || awaitAnalysis(generation, config.postWait().toNanos());
            ObjectNode out = JSON.createObjectNode();
            out.put("added", batch.added());
            // stored either way; when the analysis takes longer than --post-wait, the answer says so (202) and
            // the articles' stories and links appear in the API once it lands
            out.put("analysis", analysed ? "done" : "pending");
            ArrayNode arts = out.putArray("articles");
            for (String id : ids) {
                ObjectNode a = arts.addObject();
                a.put("id", id);
                a.put("story", analysed ? store.storyOf(id).orElse(null) : null);
                ArrayNode links = a.putArray("links");
                if (analysed) for (String l : store.elementsOf("links", List.of(id))) links.add(JSON.readTree(l));
            }
            ArrayNode rej = out.putArray("rejected");
            String inside = tmp + "!/";
            for (var x : batch.rejected()) {
                ObjectNode o = rej.addObject();
                // a file of a posted archive is named by its path in the archive; the temporary file's name means nothing
                if (x.path() != null && x.path().startsWith(inside)) o.put("entry", x.path().substring(inside.length()));
                o.put("position", x.position());
                o.put("reason", x.reason());
            }
            ArrayNode dup = out.putArray("duplicates");
            for (var x : batch.duplicates()) {
                ObjectNode o = dup.addObject();
                String where = x.path().startsWith(inside) ? x.path().substring(inside.length())
                        : x.path().startsWith(tmp.toString()) ? x.path().substring(tmp.toString().length()).strip() : x.path();
                o.put("position", where);
                o.put("duplicate_of", x.of());
                o.put("reason", x.reason());
            }
            out.put("stories", store.storyCount());
            json(ctx, batch.added() == 0 && !batch.rejected().isEmpty() ? 422 : analysed ? 200 : 202, out);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Posts ingested so far, and how many of them the saved analysis covers: guarded by {@link #analysis}. */
    private final Object analysis = new Object();
    private long ingested, analysed;

    /**
     * Waits (at most {@code waitNanos}) until the saved analysis covers the post numbered {@code generation};
     * whether it does. Posts that arrive while an analysis runs are covered by the next one (a group commit),
     * run by a background thread that leaves at least as long idle as its last analysis took, so that under
     * a stream of posts reads keep half the machine.
     */
    private boolean awaitAnalysis(long generation, long waitNanos) throws InterruptedException {
        long deadline = System.nanoTime() + waitNanos;
        synchronized (analysis) {
            wanted = Math.max(wanted, generation);
            if (analyser == null) {
                analyser = new Thread(this::analyseWhileWanted, "storytrace-analysis");
                analyser.setDaemon(true);
                analyser.start();
            }
            analysis.notifyAll();
            while (analysed < generation) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                analysis.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private long wanted;
    private Thread analyser;
    /** When the last read arrived (System.nanoTime()), for the analyser's pacing. */
    private volatile long lastRead = System.nanoTime();

    private boolean closing;

    private void analyseWhileWanted() {
        long lastNanos = 0, lastEnd = System.nanoTime();
        while (true) {
            long target;
            synchronized (analysis) {
                try {
                    while (!closing && wanted <= analysed) analysis.wait();
                    // idle as long as the last analysis ran, while readers are about: a stream of posts leaves them half
                    // the machine; with none (only posts, or one post now and then) the next analysis starts at once
                    long idleUntil = lastEnd + lastNanos;
                    while (!closing && System.nanoTime() - idleUntil < 0 && lastRead - lastEnd > 0) {
                        analysis.wait(Math.max(1, (idleUntil - System.nanoTime()) / 1_000_000));
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closing) return;
                target = ingested;
            }
            long t0 = System.nanoTime();
            ingestLock.lock();
            try {
                status.set("analysing " + store.articleCount() + " articles");
                if (archive.update(Archive.REGROUP_SHARE, Archive.REGROUP_MIN).regrouped()) regroupings.increment();
                sayStageFailures();
                synchronized (analysis) {
                    analysed = Math.max(analysed, target);
                    analysis.notifyAll();
                }
            } catch (CancellationException e) {
                return; // the server is stopping: the articles are stored, the next start analyses them
            } catch (RuntimeException e) {
                analysisFailures.increment();
                System.err.println("storytrace serve: the analysis failed (the articles are stored; the next post tries again): "
                        + e.getMessage());
            } finally {
                status.set(null);
                ingestLock.unlock();
            }
            lastEnd = System.nanoTime();
            lastNanos = lastEnd - t0;
            analyses.increment();
            analysisNanos.add(lastNanos);
        }
    }

    private final LongAdder analyses = new LongAdder(), analysisNanos = new LongAdder(), analysisFailures = new LongAdder();
    private final LongAdder regroupings = new LongAdder();

    private Progress progress() {
        return new Progress() {
            @Override public void start(long totalBytes) { }
            @Override public void update(long articles, long bytes) { status.set("ingesting: " + articles + " articles read"); }
            @Override public void finish(long articles, long bytes) { status.set("ingested " + articles + " articles; analysing"); }
        };
    }

    private static long copyLimited(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buf = new byte[65536];
        long n = 0;
        for (int r; (r = in.read(buf)) > 0; ) {
            n += r;
            if (n > limit) throw new ApiError(413, "the request body is larger than the server's limit of " + limit + " bytes");
            out.write(buf, 0, r);
        }
        return n;
    }

    /** A JSON body (one object or an array of them) as JSON Lines, for the one reader of articles. */
    /**
     * A JSON body that is no JSON, or neither an object nor an array, is the client's mistake (400); the rest is read
     * by the same reader as a JSON file given to {@code analyze} (an array of articles, an article, an API response
     * wrapping its articles), each bad article rejected with its position.
     */
    private static void checkJson(Path file) throws IOException {
        // a pass over the tokens, no tree: the reader that follows makes the articles
        try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
                throw new ApiError(400, "the body must be an article object or an array of them");
            }
            p.skipChildren();
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "the body is not JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Stage failures the engine has seen, said on the error stream once each (the analysis went on without their layers). */
    private int failuresSaid;

    private void sayStageFailures() {
        List<StageFailure> failed = archive.engine().stageFailuresSince(failuresSaid);
        for (StageFailure f : failed) System.err.println("storytrace serve: " + f.message());
        failuresSaid += failed.size();
    }

    /** The Prometheus text format: request counts and seconds by route, and the store's sizes. */
    private String metrics() {
        StringBuilder b = new StringBuilder();
        b.append("# HELP storytrace_articles Articles in the store.\n# TYPE storytrace_articles gauge\nstorytrace_articles ")
                .append(store.articleCount()).append('\n');
        b.append("# HELP storytrace_stories Stories in the saved analysis.\n# TYPE storytrace_stories gauge\nstorytrace_stories ")
                .append(store.storyCount()).append('\n');
        b.append("# HELP storytrace_story_stage_runs Times the story stages ran on a story.\n# TYPE storytrace_story_stage_runs "
                + "counter\nstorytrace_story_stage_runs ")
                .append(archive.engine().storyRuns()).append('\n');
        b.append("# HELP storytrace_stage_failures_total Times a deep-tier stage failed on one article or story (left without its "
                + "layer).\n# TYPE storytrace_stage_failures_total counter\nstorytrace_stage_failures_total ")
                .append(archive.engine().stageFailures().size()).append('\n');
        b.append("# HELP storytrace_analyses_total Analyses run for posts.\n# TYPE storytrace_analyses_total "
                + "counter\nstorytrace_analyses_total ").append(analyses.sum()).append('\n');
        b.append("# HELP storytrace_analysis_seconds_total Time those analyses took.\n# TYPE storytrace_analysis_seconds_total "
                + "counter\nstorytrace_analysis_seconds_total ")
                .append(String.format(Locale.ROOT, "%.3f", analysisNanos.sum() / 1e9)).append('\n');
        b.append("# HELP storytrace_regroupings_total Analyses for posts that grouped every article again (the rest placed them).\n"
                + "# TYPE storytrace_regroupings_total counter\nstorytrace_regroupings_total ").append(regroupings.sum()).append('\n');
        b.append("# HELP storytrace_analysis_failures_total Analyses that failed.\n# TYPE storytrace_analysis_failures_total "
                + "counter\nstorytrace_analysis_failures_total ").append(analysisFailures.sum()).append('\n');
        b.append("# HELP storytrace_http_requests_total HTTP requests by method, route and status.\n# TYPE "
                + "storytrace_http_requests_total counter\n");
        Map<String, LongAdder> sorted = new TreeMap<>(requests);
        for (Map.Entry<String, LongAdder> e : sorted.entrySet()) {
            String[] k = e.getKey().split(" ", 3);
            b.append("storytrace_http_requests_total{method=\"").append(k[0]).append("\",route=\"").append(label(k[1]))
                    .append("\",status=\"").append(k[2]).append("\"} ")
                    .append(e.getValue().sum()).append('\n');
        }
        b.append("# HELP storytrace_http_request_seconds_total Time spent answering, by method and route.\n# TYPE "
                + "storytrace_http_request_seconds_total counter\n");
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(nanos).entrySet()) {
            String[] k = e.getKey().split(" ", 2);
            b.append("storytrace_http_request_seconds_total{method=\"").append(k[0]).append("\",route=\"").append(label(k[1]))
                    .append("\"} ")
                    .append(String.format(Locale.ROOT, "%.6f", e.getValue().sum() / 1e9)).append('\n');
        }
        return b.toString();
    }

    private static String label(String s) { return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"); }
}
