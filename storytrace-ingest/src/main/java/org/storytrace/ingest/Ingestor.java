package org.storytrace.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.storytrace.core.doc.TokenLayer;
import org.storytrace.core.index.LongIntMap;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Duplicate;
import org.storytrace.core.model.Rejection;
import org.storytrace.core.text.Tokens;
import org.storytrace.ingest.decode.TextDecoder;
import org.storytrace.ingest.read.ArchiveReader;
import org.storytrace.ingest.read.FeedPages;
import org.storytrace.ingest.read.Input;
import org.storytrace.ingest.read.CsvReader;
import org.storytrace.ingest.read.JsonDocumentReader;
import org.storytrace.ingest.read.KnownBinary;
import org.storytrace.ingest.read.Magic;
import org.storytrace.ingest.read.JsonLinesReader;
import org.storytrace.ingest.read.Limits;
import org.storytrace.ingest.read.Page;
import org.storytrace.ingest.read.ParquetReader;
import org.storytrace.ingest.read.Parsed;
import org.storytrace.ingest.read.Sink;
import org.storytrace.ingest.read.WarcPages;

/**
 * The ingest stage's front door. Resolves what the user named (files, folders, globs, {@code -} for
 * standard input, {@code http(s)} feed URLs) into inputs, detects each input's format by content (and
 * extension), reads it with the matching reader and hands on articles, rejections and exact duplicates,
 * one at a time. A bad input never stops the run.
 *
 * <p>Formats: plain text and HTML pages, generic XML, WARC and WET (gzipped or not), RSS and Atom feeds,
 * JSON Lines, JSON documents of articles (arrays, indented objects, API responses), CSV and TSV tables with a header
 * row, Parquet files ({@link ParquetReader}); any of them but Parquet compressed with gzip, bzip2 or xz, and ZIP and
 * TAR archives of them ({@link ArchiveReader}: each file
 * of an archive goes through the same detection, named {@code ARCHIVE!/PATH}). Exact
 * duplicates (same canonical URL, or the same normalised body) are reported, not handed on, so a rerun over the same
 * inputs adds nothing. Not thread-safe.
 */
public final class Ingestor implements AutoCloseable {
    /** Settings, checked when built. */
    /**
     * @param threads pages processed at once (extraction, cleaning, language); what the listener sees, and
     *                in what order, does not depend on it
     */
    public record Settings(long maxBytes, Duration fetchTimeout, Duration pageBudget, int threads) {
        public Settings {
            if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, was " + threads);
            if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be >= 1, was " + maxBytes);
            if (fetchTimeout.isNegative() || fetchTimeout.isZero()) throw new IllegalArgumentException("fetchTimeout must be positive, was "
                    + fetchTimeout);
            if (pageBudget.isNegative() || pageBudget.isZero()) throw new IllegalArgumentException("pageBudget must be positive, was "
                    + pageBudget);
        }
        public Settings(long maxBytes, Duration fetchTimeout, Duration pageBudget) { this(maxBytes, fetchTimeout, pageBudget,
                Runtime.getRuntime().availableProcessors()); }
        public Settings(long maxBytes, Duration fetchTimeout) { this(maxBytes, fetchTimeout, Duration.ofSeconds(20)); }
        public Settings withThreads(int n) { return new Settings(maxBytes, fetchTimeout, pageBudget, n); }
        public Settings(long maxBytes) { this(maxBytes, Duration.ofSeconds(30)); }
        public static Settings defaults() { return new Settings(10L * 1024 * 1024); }
    }

    /** Receives what ingest finds. */
    public interface Listener {
        void accepted(Article article);

        /**
         * An article with the tokens of its body, made once on a processing thread ({@link TokenLayer#of}):
         * callers that need them override this and save tokenising again. By default calls {@link #accepted(Article)}.
         */
        default void accepted(Article article, TokenLayer tokens) { accepted(article); }
        void rejected(Rejection rejection);
        default void duplicate(Duplicate duplicate) { }
    }

    private final Settings settings;
    private final TextDecoder decoder = new TextDecoder();
    private final PageProcessor processor = new PageProcessor();
    private final WarcPages warc;
    private final FeedPages feeds;
    private final JsonLinesReader jsonl;
    private final JsonDocumentReader json;
    private final CsvReader csv;
    private final ParquetReader parquet;
    // what the duplicate check and the ids need of every accepted article, in primitive maps keyed by 64-bit
    // hashes (about 40 bytes an article instead of three boxed maps' 200): its id by number, and the number
    // by id, canonical URL and body key. Ids that share a hash are told apart by comparing them; URLs and
    // bodies are known by their 64-bit hashes alone, as the body key always was (a false match is about one
    // in ten million at a million articles)
    private final List<String> acceptedIds = new ArrayList<>();
    private final LongIntMap byId = new LongIntMap(1024), byUrl = new LongIntMap(1024), byBody = new LongIntMap(1024);
    private final Map<String, Integer> skipped = new TreeMap<>();

    public Ingestor(Settings settings) {
        this.settings = settings;
        this.warc = new WarcPages(settings.maxBytes());
        this.feeds = new FeedPages(settings.maxBytes(), settings.fetchTimeout());
        this.jsonl = new JsonLinesReader(settings.maxBytes());
        this.json = new JsonDocumentReader(settings.maxBytes());
        this.csv = new CsvReader(settings.maxBytes());
        this.parquet = new ParquetReader(settings.maxBytes());
    }

    public Ingestor() { this(Settings.defaults()); }

    /** Records skipped by design so far (WARC requests, redirects, non-HTML responses), by kind. */
    public Map<String, Integer> skipped() { return Map.copyOf(skipped); }

    /** The inputs named by {@code specs}, in order (folders walked in sorted order); problems become rejections. */
    public List<Input> resolve(List<String> specs, Consumer<Rejection> rejected) {
        List<Input> out = new ArrayList<>();
        for (String spec : specs) {
            if (spec.equals("-")) { out.add(Input.stdin()); continue; }
            String lower = spec.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                try { out.add(Input.url(URI.create(spec))); } catch (IllegalArgumentException e) { rejected.accept(new Rejection(spec, null,
                        "not a valid URL: " + e.getMessage())); }
                continue;
            }
            if (spec.indexOf('*') >= 0 || spec.indexOf('?') >= 0 || spec.indexOf('[') >= 0) {
                List<Path> matched = glob(spec, rejected);
                if (matched.isEmpty()) rejected.accept(new Rejection(spec, null, "no file matches this pattern"));
                matched.forEach(p -> out.add(Input.file(p)));
                continue;
            }
            walk(Path.of(spec), rejected).forEach(p -> out.add(Input.file(p)));
        }
        return out;
    }

    /** Files under a path: the file itself, or every non-hidden regular file below a folder. */
    public List<Path> walk(Path root, Consumer<Rejection> rejected) {
        List<Path> out = new ArrayList<>();
        if (!Files.exists(root)) { rejected.accept(new Rejection(root.toString(), null, "no such file or folder")); return out; }
        if (Files.isRegularFile(root)) { out.add(root); return out; }
        if (!Files.isDirectory(root)) { rejected.accept(new Rejection(root.toString(), null,
                "not a regular file (a pipe, socket or device), not read")); return out; }
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && dir.getFileName().toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }
                @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (file.getFileName().toString().startsWith(".")) return FileVisitResult.CONTINUE;
                    if (attrs.isRegularFile()) out.add(file);
                    else if (attrs.isSymbolicLink()) rejected.accept(new Rejection(file.toString(), null,
                            "a link to a file that does not exist (it vanished or was never there)"));
                    else rejected.accept(new Rejection(file.toString(), null, "not a regular file (a pipe, socket or device), not read"));
                    return FileVisitResult.CONTINUE;
                }
                @Override public FileVisitResult visitFileFailed(Path file, IOException e) {
                    rejected.accept(new Rejection(file.toString(), null, e instanceof FileSystemLoopException
                            ? "a folder link that loops back on itself" : "cannot be read: " + describe(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            rejected.accept(new Rejection(root.toString(), null, "cannot be listed: " + describe(e)));
        }
        out.sort(null);
        return out;
    }

    private List<Path> glob(String spec, Consumer<Rejection> rejected) {
        int cut = 0;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '*' || c == '?' || c == '[') break;
            if (c == '/') cut = i + 1;
        }
        Path base = Path.of(cut == 0 ? "." : spec.substring(0, cut));
        PathMatcher m = base.getFileSystem().getPathMatcher("glob:" + spec.substring(cut));
        List<Path> out = new ArrayList<>();
        for (Path p : walk(base, rejected)) if (m.matches(base.relativize(p))) out.add(p);
        return out;
    }

    /** Resolves {@code specs} and reads every input they name, handing everything on to {@code listener}. */
    public void readAll(List<String> specs, Listener listener) {
        for (Input i : resolve(specs, listener::rejected)) read(i, listener);
    }

    /** Reads one input, handing on what it holds. */
    public void read(Input input, Listener listener) {
        Window sink = new Window(listener);
        try {
            readInto(input, sink);
        } finally {
            sink.finishAll();
        }
    }

    private void readInto(Input input, Sink sink) {
        if (input.isUrl()) {
            byte[] bytes = feeds.fetch(input, sink);
            if (bytes != null) readBytes(input, bytes, sink);
            return;
        }
        inputStart = bytesRead.get();
        try (InputStream raw = new Counting(input.open())) {
            if (input.isFile() && Files.size(input.path()) == 0) {
                sink.rejected(new Rejection(input.name(), null, "the file is empty"));
                return;
            }
            readStream(input, raw, 0, sink);
        } catch (IOException e) {
            sink.rejected(unreadable(input, e));
        }
    }

    private static Rejection unreadable(Input input, IOException e) {
        if (e instanceof Bomb) return new Rejection(input.name(), null, e.getMessage());
        if (e instanceof ZipException) return new Rejection(input.name(), null, "broken compressed data: " + e.getMessage());
        return new Rejection(input.name(), null, (e instanceof EOFException ? "truncated: " : "cannot be read: ") + describe(e));
    }

    /**
     * Reads one file's bytes (a file, standard input or an archive's entry at nesting {@code depth}): detects compression,
     * archives and the format, and hands the content to the reader of its format.
     */
    private void readStream(Input input, InputStream stream, int depth, Sink sink) throws IOException {
        BufferedInputStream in = new BufferedInputStream(stream, 1 << 16);
        in.mark(1 << 15);
        byte[] head = in.readNBytes(4096);
        in.reset();
        if (head.length == 0) { sink.rejected(new Rejection(input.name(), null, "the file is empty")); return; }
        if (Magic.startsWith(head, "WARC/") || (isGzip(head) && Magic.startsWith(gunzipHead(in), "WARC/"))) {
            warc.read(input, in, sink);
            return;
        }
        InputStream content = in;
        byte[] peek = head;
        InputStream unpacked = isGzip(head) ? new GZIPInputStream(in, 1 << 16)
                : isBzip2(head) ? new BZip2CompressorInputStream(in, true)
                : isXz(head) ? new XZCompressorInputStream(in, true)
                : null;
        if (unpacked != null) {
            content = new BufferedInputStream(new Expanding(unpacked), 1 << 16);
            content.mark(1 << 15);
            peek = content.readNBytes(4096);
            content.reset();
            if (Magic.startsWith(peek, "WARC/")) { warc.read(input, content, sink); return; }
        }
        String other = KnownBinary.of(peek);
        if (other != null) {
            sink.rejected(new Rejection(input.name(), null, other));
            return;
        }
        if (ArchiveReader.isArchive(peek)) {
            // an entry that cannot be read is rejected alone; if the archive itself broke there, reading its next entry
            // fails too and the archive reader says so. What a reader left of an entry is read here, through the count of
            // decompressed bytes, rather than skipped by the archive reader, which would inflate a bomb's rest unwatched
            ArchiveReader.read(input, content, peek, depth, sink, (entry, entryContent, d) -> {
                Expanding e = new Expanding(entryContent);
                try {
                    readStream(entry, e, d, sink);
                    byte[] rest = new byte[1 << 16];
                    while (e.read(rest) >= 0) { } // drained, within the bomb's count
                } catch (Bomb b) {
                    throw b; // the archive reader rejects the entry and reads no further
                } catch (IOException x) {
                    sink.rejected(unreadable(entry, x));
                }
            });
            return;
        }
        if (ParquetReader.isParquet(peek)) {
            parquet.read(input, unpacked == null && depth == 0, sink);
            return;
        }
        String start = new String(peek, StandardCharsets.ISO_8859_1).stripLeading();
        if (CsvReader.isCsv(input.name())) {
            csv.read(input, content, sink);
            return;
        }
        if (JsonDocumentReader.isDocument(input.name(), start, content)) {
            json.read(input, content, sink);
            return;
        }
        if (start.startsWith("{") && looksLikeJsonLines(input, start)) {
            jsonl.read(input, content, sink);
            return;
        }
        byte[] bytes;
        try {
            bytes = Limits.readAtMost(content, settings.maxBytes());
        } catch (Limits.TooLarge e) {
            sink.rejected(new Rejection(input.name(), "byte " + settings.maxBytes(), "too large: " + e.getMessage()));
            return;
        }
        readBytes(input, bytes, sink);
    }

    private void readBytes(Input input, byte[] bytes, Sink sink) {
        TextDecoder.Decoded decoded;
        try {
            decoded = decoder.decode(bytes);
        } catch (TextDecoder.UndecodableException e) {
            sink.rejected(new Rejection(input.name(), e.offset() >= 0 ? "byte " + e.offset() : null, e.getMessage()));
            return;
        }
        String text = decoded.text();
        if (text.isBlank()) { sink.rejected(new Rejection(input.name(), null, "holds only white space")); return; }
        String head = text.substring(0, Math.min(text.length(), 2048)).stripLeading();
        String lowerHead = head.toLowerCase(Locale.ROOT);
        if (isFeed(lowerHead)) { feeds.read(input, bytes, sink); return; }
        String format = isXml(head) ? "xml" : isHtml(input, lowerHead) ? "html" : "text";
        String url = input.isUrl() ? input.uri().toString() : null;
        sink.page(new Page(input.name(), null, input.stem(), text, format, decoded.encoding(), url, null, null, null, null, null));
    }

    /**
     * Hands pages to the processing threads and their results to the listener in the order the pages were
     * read: ids, duplicate decisions and listener calls happen on the reading thread, exactly as if the
     * pages were processed one by one. At most {@code 16 * threads} pages are in flight.
     */
    private final class Window implements Sink {
        private final Listener listener;
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        private final int capacity = 16 * settings.threads();

        Window(Listener listener) { this.listener = listener; }

        @Override public void page(Page page) { later(page.origin(), page.position(), () -> page); }

        @Override public void later(String origin, String position, Supplier<Parsed> make) {
            Pending p = new Pending(origin, position);
            p.future = pool().submit(() -> {
                Parsed made = make.get();
                if (made instanceof Parsed.Rejected r) return new Processed(null, r.rejection(), null, null, 0, 0);
                Page page = (Page) made;
                p.page = page;
                p.started = System.nanoTime();
                Article a = processor.process(page, page.name());
                TokenLayer tokens = TokenLayer.of(a);
                return new Processed(page, null, a, tokens, tokens.sequenceKey(), System.nanoTime() - p.started);
            });
            pending.add(p);
            if (pending.size() >= capacity) finishOldest();
        }

        @Override public void rejected(Rejection r) {
            // keep the listener's order: what was read before this rejection is handed on first
            finishAll();
            listener.rejected(r);
        }

        @Override public void skipped(String kind) { skipped.merge(kind, 1, Integer::sum); }

        void finishAll() { while (!pending.isEmpty()) finishOldest(); }

        private void finishOldest() {
            Pending p = pending.poll();
            Processed done;
            try {
                done = await(p);
            } catch (RuntimeException | StackOverflowError e) {
                // a reader bug or a pathological page must not lose the run: report it against this page and go on
                listener.rejected(new Rejection(p.origin, p.position, e instanceof StackOverflowError
                        ? "nested too deeply to process" : "could not be processed: " + e));
                return;
            }
            if (done != null && done.rejection() != null) { listener.rejected(done.rejection()); return; }
            if (done == null) {
                listener.rejected(new Rejection(p.origin, p.position, "took longer than " + settings.pageBudget().toMillis()
                        + " ms to process (the per-document time budget); skipped"));
                return;
            }
            Article a = done.article();
            if (a.bodyEnd() == a.bodyStart()) {
                listener.rejected(new Rejection(p.origin, p.position, "no article text found (only page furniture)"));
                return;
            }
            Page page = done.page();
            String where = p.origin + (p.position == null ? "" : " (" + p.position + ")");
            int sameUrl = a.url() == null ? -1 : byUrl.get(hash(a.url()), -1);
            if (sameUrl >= 0) {
                listener.duplicate(new Duplicate(where, acceptedIds.get(sameUrl), "same canonical URL"));
                return;
            }
            int sameBody = byBody.get(done.bodyKey(), -1);
            if (sameBody >= 0) {
                listener.duplicate(new Duplicate(where, acceptedIds.get(sameBody), "same body"));
                return;
            }
            String id = idFor(page.name());
            if (!id.equals(a.id())) a = a.withId(id);
            register(a, done.bodyKey());
            listener.accepted(a, done.tokens());
        }

        /** The page's result; null when it ran past the page budget (its thread is then written off). */
        private Processed await(Pending p) {
            long budget = settings.pageBudget().toNanos();
            while (true) {
                try {
                    Processed r = p.future.get(20, TimeUnit.MILLISECONDS);
                    return r.nanos() > budget ? null : r;
                } catch (TimeoutException e) {
                    long started = p.started;
                    if (started != 0 && System.nanoTime() - started > budget) {
                        p.future.cancel(true);
                        writeOffStuckThread();
                        return null;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while processing " + p.origin, e);
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) throw re;
                    if (c instanceof Error err) throw err; // out of memory must end the run, not reject a page
                    throw new IllegalStateException(c);
                }
            }
        }
    }

    private final AtomicLong bytesRead = new AtomicLong();
    /** {@link #bytesRead} when the input being read was opened: what it has taken from its file so far is the difference. */
    private long inputStart;

    /**
     * How far decompression may expand an input, after its first {@value #BOMB_FLOOR} bytes: news text compresses three to
     * ten times (gzip, xz, ZIP), a crawl's repeated boilerplate a few times more, and a compression bomb a thousand times
     * (deflate's limit) or more through nesting. Past it the input is rejected, keeping what was read before.
     */
    static final int BOMB_RATIO = 200;
    static final long BOMB_FLOOR = 64L << 20;

    /** An input whose decompressed bytes outgrew {@link #BOMB_RATIO} times its compressed ones. */
    static final class Bomb extends IOException {
        Bomb(String message) { super(message); }
    }

    /**
     * A decompressed stream (gzip, bzip2, xz, an archive's entry) whose bytes are counted against what the input has taken
     * from its file, so that a compression bomb is stopped after about {@link #BOMB_FLOOR} bytes instead of decompressing
     * for hours: the per-file byte limit alone stops reading a file's text, but not the archive reader's skipping past it.
     */
    private final class Expanding extends Counted {
        private long out;

        Expanding(InputStream in) { super(in); }

        @Override void count(long n) throws Bomb {
            out += n;
            long compressed = Math.max(1, bytesRead.get() - inputStart);
            if (out > BOMB_FLOOR && out > BOMB_RATIO * compressed) {
                throw new Bomb("expands more than " + BOMB_RATIO + " times: " + (out >> 20) + " MB from " + Math.max(1, compressed >> 10)
                        + " KB read, a compression bomb; not read further (a file that truly holds that much reads once unpacked)");
            }
        }
    }

    /** Bytes read so far from files and standard input (compressed bytes for gzipped ones): what progress counts. */
    public long bytesRead() { return bytesRead.get(); }

    /** Counts the raw bytes read into {@link #bytesRead}. */
    private final class Counting extends Counted {
        Counting(InputStream in) { super(in); }
        @Override void count(long n) { bytesRead.addAndGet(n); }
    }

    /** A stream that hands the number of every byte read or skipped through it to {@link #count}. */
    private abstract static class Counted extends FilterInputStream {
        Counted(InputStream in) { super(in); }

        abstract void count(long n) throws IOException;

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count(n);
            return n;
        }

        @Override public long skip(long n) throws IOException {
            long k = super.skip(n);
            if (k > 0) count(k);
            return k;
        }
    }

    private static final class Pending {
        final String origin, position;
        Pending(String origin, String position) { this.origin = origin; this.position = position; }
        volatile Page page;
        volatile long started;
        Future<Processed> future;
    }

    /** What a worker made of a record: a rejection, or the page and its article. */
    private record Processed(Page page, Rejection rejection, Article article, TokenLayer tokens, long bodyKey, long nanos) {}

    private ThreadPoolExecutor pool;

    /**
     * The processing threads: daemons with deep stacks (deeply nested markup). A thread stuck on a
     * pathological page cannot be stopped, only abandoned: {@link #writeOffStuckThread} adds one in its place.
     */
    private ThreadPoolExecutor pool() {
        if (pool == null) {
            pool = new ThreadPoolExecutor(settings.threads(), Integer.MAX_VALUE, 30,
                    TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(null, r, "storytrace-page", 64L << 20);
                        t.setDaemon(true);
                        return t;
                    });
        }
        return pool;
    }

    /** Stops the processing threads; reading again starts new ones. */
    @Override public void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }

    private void writeOffStuckThread() {
        pool.setCorePoolSize(pool.getCorePoolSize() + 1);
    }

    /** A hash of the body's normalised words: the same text with other typography or spacing hashes alike. */
    public static long bodyKey(Article a) { return TokenLayer.of(a).sequenceKey(); }

    /**
     * Remembers an article accepted by an earlier run (restored from a store): its id is taken, and its
     * canonical URL or body read again is a duplicate of it. {@code bodyKey} is its {@link #bodyKey} (its tokens'
     * sequence key, which the caller has made already).
     */
    public void remember(Article a, long bodyKey) { register(a, bodyKey); }

    /** Takes the article's id, and makes its canonical URL and body known, for the duplicate check. */
    private void register(Article a, long bodyKey) {
        int number = acceptedIds.size();
        acceptedIds.add(a.id());
        byId.putIfAbsent(hash(a.id()), number);
        if (a.url() != null) byUrl.putIfAbsent(hash(a.url()), number);
        byBody.putIfAbsent(bodyKey, number);
    }

    /** {@code name}, or {@code name-2}, {@code name-3}, ... when an accepted article has it. */
    private String idFor(String name) {
        if (!idTaken(name)) return name;
        int k = 2;
        while (idTaken(name + "-" + k)) k++;
        return name + "-" + k;
    }

    private boolean idTaken(String id) {
        int n = byId.get(hash(id), -1);
        if (n < 0) return false;
        if (acceptedIds.get(n).equals(id)) return true;
        return acceptedIds.contains(id); // two ids with one hash: look it up the slow way
    }

    /** A 64-bit hash of a string (two independent 32-bit halves), for the primitive maps. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x100000001b3L;
        return Tokens.mix(h) ^ ((long) s.hashCode() << 32);
    }

    private static boolean looksLikeJsonLines(Input input, String start) {
        String n = input.name().toLowerCase(Locale.ROOT);
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".jsonl.gz") || n.endsWith(".ndjson.gz")
                || n.endsWith(".json")) return true;
        int nl = start.indexOf('\n');
        String first = (nl < 0 ? start : start.substring(0, nl)).strip();
        return first.endsWith("}");
    }

    static boolean isFeed(String lowerHead) {
        String h = lowerHead.startsWith("<?xml") ? lowerHead.substring(Math.max(0, lowerHead.indexOf("?>") + 2)) : lowerHead;
        h = h.replaceAll("(?s)<!--.*?-->", "").stripLeading();
        h = h.replaceFirst("(?s)^<!doctype[^\\[>]*(\\[.*?\\])?\\s*>", "").stripLeading();
        return h.startsWith("<rss") || h.startsWith("<feed") || h.startsWith("<rdf:rdf");
    }

    /** An XML document that is not XHTML and not a feed. */
    /**
     * XML by its declaration, or the SGML news documents of TREC and the LDC (DUC, TDT, AQUAINT, Gigaword: "&lt;DOC&gt;",
     * "&lt;DOC id=...&gt;", no declaration), which the news-XML reader takes (their {@code DOCNO}, {@code DATE_TIME},
     * {@code HEADLINE}); read as HTML, their ids and dates had become text.
     */
    static boolean isXml(String head) {
        return (head.startsWith("<?xml") || SGML_NEWS.matcher(head).lookingAt()) && !head.toLowerCase(Locale.ROOT).contains("<html");
    }

    private static final Pattern SGML_NEWS = Pattern.compile("<DOC(?:\\s[^>]*)?>\\s*<", Pattern.CASE_INSENSITIVE);

    static boolean isHtml(Input input, String lowerHead) {
        String name = input.name().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) return true;
        return lowerHead.startsWith("<!doctype html") || lowerHead.startsWith("<html") || (lowerHead.startsWith("<")
                && lowerHead.contains("<body"));
    }

    private static boolean isGzip(byte[] b) { return Magic.startsWith(b, "\u001f\u008b"); }

    /** bzip2: "BZh" and the block size digit. */
    private static boolean isBzip2(byte[] b) { return Magic.startsWith(b, "BZh") && b.length >= 4 && b[3] >= '1' && b[3] <= '9'; }

    /** xz: its six-byte magic. */
    private static boolean isXz(byte[] b) { return Magic.startsWith(b, "\u00fd7zXZ\u0000"); }

    private static byte[] gunzipHead(BufferedInputStream in) throws IOException {
        in.mark(1 << 15);
        try {
            return new GZIPInputStream(in, 512).readNBytes(8);
        } catch (IOException e) {
            return new byte[0];
        } finally {
            in.reset();
        }
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "it vanished before it could be read";
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
