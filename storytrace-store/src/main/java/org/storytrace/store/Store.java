package org.storytrace.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.storytrace.core.doc.Document;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Duplicate;
import org.storytrace.core.model.Rejection;
import org.storytrace.core.text.Tokens;

/**
 * The durable store: every accepted article (its text and the layers the article stages computed) and the
 * latest analysis of them, in one relational database, with a Lucene index for full-text search beside it.
 *
 * <p>Where: a folder (the embedded default) holds {@code store.db}, a SQLite database, and {@code index/};
 * a {@code jdbc:postgresql://} URL names a PostgreSQL database shared by a team, whose search index (derived
 * data, rebuilt from the database when missing) lives in a local folder. The schema is the same on both and
 * changes only through versioned Flyway migrations ({@code db/migration}), applied on open.
 *
 * <p>Nothing lost, nothing doubled: {@link #addArticles} writes a batch in one transaction that is durable
 * when it returns (SQLite with {@code synchronous=FULL}, PostgreSQL's commit), and only then may a caller
 * acknowledge those articles; article ids are unique. The analysis ({@link #saveAnalysis}) is derived: it is
 * written in one transaction, so a reader sees the previous analysis or the next, never half of one, and a
 * run killed before it is written recomputes it from the articles. The search index is committed after the
 * database and records the last article it holds; on open, what it lacks is indexed again.
 *
 * <p>The analysis is kept as the {@code stories.json} contract element by element ({@code sections}: each
 * article, story, link, entity, quote ...), rewritten only where an element changed, plus the tables the
 * pages and the API filter on (stories with their dates and outlets, entities with their spellings).
 *
 * <p>One writer at a time ({@link #openForWriting} takes a lock: a file lock in the folder, an advisory lock
 * on PostgreSQL); readers may open it meanwhile. Thread-safe.
 */
public final class Store implements AutoCloseable {
    /** Turns the engine's documents into the bytes the store keeps and back: the engine's own codec. */
    public interface Codec {
        byte[] encode(Document d);

        Document decode(byte[] bytes);

        /** A document with what a restore needs besides its bytes: the links it brought (null: none kept). */
        default Document decode(byte[] bytes, byte[] links) { return decode(bytes); }

        /** The article of {@link #encode}'s bytes; a codec that can skip the layers says so here. */
        default Article article(byte[] bytes) { return decode(bytes).article(); }
    }

    /** Thrown when the store cannot be opened or used: the message names the store and says what is wrong. */
    public static final class StoreException extends RuntimeException {
        public StoreException(String message, Throwable cause) { super(message, cause); }
    }

    private enum Dialect {
        SQLITE("BLOB"), POSTGRESQL("BYTEA");

        final String blob;

        Dialect(String blob) { this.blob = blob; }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Top-level arrays of the contract whose elements the store keeps row by row. */
    private static final String DUPLICATES = "duplicates";

    private final String location;
    private final Dialect dialect;
    private final String url;
    private final Path indexDir;
    private final Codec codec;
    private final ConnectionPool pool;
    private final boolean writer;
    private FileChannel lockChannel;
    private FileLock fileLock;
    private Connection lockConnection;
    private SearchIndex index;
    private long nextSeq, nextRejection, nextDuplicate;
    private final Set<String> rejectionsSeen = new HashSet<>();
    private final Set<String> duplicatesSeen = new HashSet<>();

    private Store(String location, Path indexDir, Codec codec, boolean writer) {
        this.location = location;
        this.codec = codec;
        this.writer = writer;
        if (location.startsWith("jdbc:postgresql:")) {
            this.dialect = Dialect.POSTGRESQL;
            this.url = location;
            this.indexDir = indexDir != null ? indexDir
                    : Path.of(System.getProperty("java.io.tmpdir"), "storytrace-index-"
                            + Long.toHexString(Tokens.hashOf(location) & Long.MAX_VALUE));
        } else if (location.startsWith("jdbc:")) {
            throw new StoreException("store " + location + ": only a folder or a jdbc:postgresql:// URL can hold a store", null);
        } else {
            Path dir = Path.of(location);
            try {
                if (Files.exists(dir) && !Files.isDirectory(dir)) throw new StoreException("store " + location + " is a file, not a folder",
                        null);
                if (writer) Files.createDirectories(dir);
                else if (!Files.isRegularFile(dir.resolve("store.db"))) throw new StoreException("store " + location
                        + " does not exist (no store.db in it): run storytrace ingest first", null);
            } catch (IOException e) {
                throw new StoreException("store " + location + " cannot be created: " + e.getMessage(), e);
            }
            this.dialect = Dialect.SQLITE;
            this.url = "jdbc:sqlite:" + dir.resolve("store.db").toAbsolutePath();
            this.indexDir = indexDir != null ? indexDir : dir.resolve("index");
        }
        this.pool = new ConnectionPool(this::connect, 64); // a server answers many readers at once: each keeps its connection
    }

    /**
     * Opens (creating it if needed) the store at {@code location} to add articles and analyses: applies any
     * pending migration and takes the writer's lock.
     *
     * @param indexDir where the search index lives; null for the default (the store's folder, or a temporary
     *                 folder named after a PostgreSQL URL)
     * @throws StoreException naming the store and the reason
     */
    public static Store openForWriting(String location, Path indexDir, Codec codec) {
        Store s = new Store(location, indexDir, codec, true);
        try {
            s.lock();
            s.migrate();
            s.loadCounters();
            s.search(); // brought level with the database before anything is added
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Opens an existing store to read it (export, serve's pages); migrations are the writer's job. */
    public static Store openForReading(String location, Path indexDir, Codec codec) {
        Store s = new Store(location, indexDir, codec, false);
        try {
            s.migrate(); // refuses a store newer than this program; a no-op on a current one
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public String location() { return location; }

    /** Pages of write-ahead log (4 KB each) after which SQLite copies it into the database file. */
    static final int WAL_CHECKPOINT_PAGES = 16_384;

    private Connection connect() {
        try {
            Connection c;
            if (dialect == Dialect.SQLITE) {
                Properties p = new Properties();
                p.setProperty("journal_mode", "WAL");
                p.setProperty("synchronous", "FULL");
                p.setProperty("busy_timeout", "30000");
                c = DriverManager.getConnection(url, p);
                // the log is copied into the database every 64 MB instead of SQLite's 4 MB: fewer, larger checkpoints, each
                // with its sync. Durability is the log's (synchronous=FULL syncs it at every commit), not the checkpoint's.
                // 300,000 articles, ingest into a new store: 138.0 s on average over five runs against 141.0 s over two
                // (docs/benchmarks.md, session 31): within this machine's noise, kept because it only saves syncs
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA wal_autocheckpoint = " + WAL_CHECKPOINT_PAGES);
                }
            } else {
                c = DriverManager.getConnection(url);
            }
            return c;
        } catch (SQLException e) {
            throw new StoreException("store " + location + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private void lock() {
        if (dialect == Dialect.SQLITE) {
            Path lockFile = Path.of(location).resolve("write.lock");
            try {
                lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                fileLock = lockChannel.tryLock();
            } catch (IOException | OverlappingFileLockException e) {
                fileLock = null;
            }
            if (fileLock == null) throw new StoreException("store " + location
                    + " is being written by another storytrace process (ingest or serve); wait for it to end", null);
        } else {
            lockConnection = connect();
            try (Statement st = lockConnection.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(7370707)")) {
                rs.next();
                if (!rs.getBoolean(1)) throw new StoreException("store " + location
                        + " is being written by another storytrace process (ingest or serve); wait for it to end", null);
            } catch (SQLException e) {
                throw new StoreException("store " + location + ": cannot take the writer's lock: " + e.getMessage(), e);
            }
        }
    }

    private void migrate() {
        try {
            Flyway.configure(Store.class.getClassLoader())
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration")
                    .placeholders(Map.of("blob", dialect.blob))
                    .loggers(QuietFlywayLog.class.getName())
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("store " + location + ": its schema cannot be brought up to date: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private void loadCounters() {
        try (Connection c = pool.take(); Statement st = c.createStatement()) {
            nextSeq = maxPlusOne(st, "SELECT MAX(seq) FROM articles");
            nextRejection = maxPlusOne(st, "SELECT MAX(seq) FROM rejections");
            nextDuplicate = maxPlusOne(st, "SELECT MAX(seq) FROM duplicates");
            try (ResultSet rs = st.executeQuery("SELECT path, position, reason FROM rejections")) {
                while (rs.next()) rejectionsSeen.add(rs.getString(1) + '\0' + rs.getString(2) + '\0' + rs.getString(3));
            }
            try (ResultSet rs = st.executeQuery("SELECT path, duplicate_of FROM duplicates")) {
                while (rs.next()) duplicatesSeen.add(rs.getString(1) + '\0' + rs.getString(2));
            }
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
    }

    /** The seq of a table's first row; rows are numbered on from it without gaps (a failed batch takes no numbers). */
    private static final long FIRST_SEQ = 1;

    private static long maxPlusOne(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? FIRST_SEQ : v + 1;
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("store " + location + " " + what + ": " + e.getMessage(), e);
    }

    private void ensureWriter() {
        if (!writer) throw new IllegalStateException("store " + location + " was opened for reading");
    }

    /** Articles the store holds. */
    public long articleCount() {
        return count("SELECT COUNT(*) FROM articles");
    }

    private long count(String sql) {
        try (Connection c = pool.take(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
    }

    /**
     * Hands every stored document to {@code sink} in the order they were accepted, {@code batch} at a time, each with
     * the links it brought ({@link #addFoundLinks}) where the store has them.
     */
    public void forEachDocument(int batch, Consumer<List<Document>> sink) {
        try (Connection c = pool.take()) {
            c.setAutoCommit(false); // PostgreSQL streams rows only inside a transaction
            try (PreparedStatement ps = c.prepareStatement("SELECT a.doc, f.links FROM articles a LEFT JOIN found_links f ON f.seq = a.seq "
                    + "ORDER BY a.seq")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Document> out = new ArrayList<>(batch);
                    while (rs.next()) {
                        out.add(codec.decode(rs.getBytes(1), rs.getBytes(2)));
                        if (out.size() >= batch) { sink.accept(out); out = new ArrayList<>(batch); }
                    }
                    if (!out.isEmpty()) sink.accept(out);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
    }

    /**
     * Adds a batch of newly accepted articles in one transaction, durable when this returns: the caller may
     * acknowledge them then. They are queued for the search index too (committed with the next analysis).
     */
    public void addArticles(List<Document> docs) {
        List<byte[]> encoded = new ArrayList<>(docs.size());
        for (Document d : docs) encoded.add(codec.encode(d));
        addArticles(docs, encoded);
    }

    /** {@link #addArticles(List)} with each document's bytes already made by the codec. */
    public synchronized void addArticles(List<Document> docs, List<byte[]> encoded) {
        ensureWriter();
        if (docs.isEmpty()) return;
        long first = nextSeq;
        try {
            batchInOneTransaction("INSERT INTO articles (seq, id, path, url, title, outlet, published, language, doc) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", docs.size(), (ps, k) -> {
                        Article a = docs.get(k).article();
                        ps.setLong(1, first + k);
                        ps.setString(2, a.id());
                        ps.setString(3, a.path());
                        ps.setString(4, a.url());
                        ps.setString(5, a.title());
                        // the outlet the pages show: declared, else the source credited, else the host
                        ps.setString(6, a.creditedOutlet());
                        ps.setString(7, a.published() == null ? null : a.published().toString());
                        ps.setString(8, a.language());
                        ps.setBytes(9, encoded.get(k));
                    });
        } catch (SQLException e) {
            throw failure("could not store " + docs.size() + " articles (first " + docs.get(0).id() + ")", e);
        }
        nextSeq = first + docs.size();
        List<Article> articles = new ArrayList<>(docs.size());
        for (Document d : docs) articles.add(d.article());
        search().add(articles, first);
    }

    /**
     * Keeps the links each of these stored articles brought when it was linked ({@code links.get(i)} for {@code ids.get(i)},
     * the engine's bytes), replacing any kept before; one transaction. The articles are the stored ones numbered from
     * {@code first} on in the order they were stored (0 for the first: the engine's numbers, since it restores them in
     * that order and stores new ones after them), looked up by that number, which is cheap where a look-up by id at a
     * million articles is a random read of the id index for each. A cache for the next restore: an article whose number
     * does not hold its id is skipped (linked again then).
     */
    public synchronized void addFoundLinks(long first, List<String> ids, List<byte[]> links) {
        ensureWriter();
        if (ids.isEmpty()) return;
        try {
            batchInOneTransaction("INSERT INTO found_links (seq, links) SELECT seq, ? FROM articles WHERE seq = ? AND id = ? "
                    + "ON CONFLICT (seq) DO UPDATE SET links = excluded.links", ids.size(), (ps, k) -> {
                        ps.setBytes(1, links.get(k));
                        ps.setLong(2, FIRST_SEQ + first + k);
                        ps.setString(3, ids.get(k));
                    });
        } catch (SQLException e) {
            throw failure("could not keep the links of " + ids.size() + " articles (first " + ids.get(0) + ")", e);
        }
    }

    /** Sets the parameters of row {@code k} of a batch. */
    @FunctionalInterface
    private interface RowParameters {
        void set(PreparedStatement ps, int k) throws SQLException;
    }

    /** Runs {@code sql} once for each of {@code rows} rows, as one batch in one transaction: all of them or, on a failure, none. */
    private void batchInOneTransaction(String sql, int rows, RowParameters row) throws SQLException {
        try (Connection c = pool.take()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int k = 0; k < rows; k++) {
                    row.set(ps, k);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Records rejections not recorded before (the same input rejected again in a later run is not repeated). */
    public synchronized void addRejections(List<Rejection> rs) {
        ensureWriter();
        List<Rejection> fresh = new ArrayList<>();
        for (Rejection r : rs) if (rejectionsSeen.add(r.path() + '\0' + r.position() + '\0' + r.reason())) fresh.add(r);
        nextRejection = insertRows("INSERT INTO rejections (seq, path, position, reason) VALUES (?, ?, ?, ?)", nextRejection, fresh,
                r -> new Object[] {r.path(), r.position(), r.reason()}, "rejections");
    }

    /** Records exact duplicates not recorded before. */
    public synchronized void addDuplicates(List<Duplicate> ds) {
        ensureWriter();
        List<Duplicate> fresh = new ArrayList<>();
        for (Duplicate d : ds) if (duplicatesSeen.add(d.path() + '\0' + d.of())) fresh.add(d);
        nextDuplicate = insertRows("INSERT INTO duplicates (seq, path, duplicate_of, reason) VALUES (?, ?, ?, ?)", nextDuplicate, fresh,
                d -> new Object[] {d.path(), d.of(), d.reason()}, "duplicates");
    }

    /** Inserts rows numbered from {@code seq} in one transaction; returns the next number. */
    private <T> long insertRows(String sql, long seq, List<T> rows, Function<T, Object[]> columns, String what) {
        if (rows.isEmpty()) return seq;
        try (Connection c = pool.take(); PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            long next = seq;
            for (T row : rows) {
                ps.setLong(1, next++);
                Object[] v = columns.apply(row);
                for (int i = 0; i < v.length; i++) ps.setObject(i + 2, v[i]);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
            c.setAutoCommit(true);
            return next;
        } catch (SQLException e) {
            throw failure("could not record " + what, e);
        }
    }

    /** Every rejection recorded, oldest first. */
    public List<Rejection> rejections() {
        List<Rejection> out = new ArrayList<>();
        try (Connection c = pool.take(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT path, "
                + "position, reason FROM rejections ORDER BY seq")) {
            while (rs.next()) out.add(new Rejection(rs.getString(1), rs.getString(2), rs.getString(3)));
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
        return out;
    }

    /** What one {@link #saveAnalysis} rewrote. */
    public record Saved(int elements, int changed, int removed) {}

    /**
     * Replaces the analysis with the one in {@code storiesJson} (a {@code stories.json} the engine wrote for
     * every article of the store), in one transaction: only elements that changed are rewritten. The
     * {@code duplicates} section is the store's own list ({@link #addDuplicates}), kept across runs. Each element is
     * stored as its own bytes: give the document compact, as {@code StoriesJson.write(r, out, false)} writes it (a
     * pretty one is kept with its spaces, and its elements never hash as {@link #saveUpdate}'s compact ones do).
     */
    public synchronized Saved saveAnalysis(InputStream storiesJson) throws IOException {
        ensureWriter();
        Map<String, long[]> oldHashes = new HashMap<>();
        Map<String, String> oldStoryOf = new HashMap<>();
        int elements = 0, changed = 0, removed = 0;
        try (Connection c = pool.take()) {
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT section, ord, hash FROM sections")) {
                    Map<String, List<long[]>> rows = new HashMap<>();
                    while (rs.next()) rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new long[] {rs.getLong(2),
                            rs.getLong(3)});
                    for (Map.Entry<String, List<long[]>> e : rows.entrySet()) {
                        long max = 0;
                        for (long[] r : e.getValue()) max = Math.max(max, r[0] + 1);
                        long[] h = new long[(int) max];
                        Arrays.fill(h, Long.MIN_VALUE);
                        for (long[] r : e.getValue()) h[(int) r[0]] = r[1];
                        oldHashes.put(e.getKey(), h);
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT article_id, story_id FROM article_stories")) {
                    while (rs.next()) oldStoryOf.put(rs.getString(1), rs.getString(2));
                }
            }
            c.setAutoCommit(false);
            Elements.Recorded in = new Elements.Recorded(storiesJson);
            try (JsonParser p = JSON.getFactory().createParser(in);
                 PreparedStatement upsert = c.prepareStatement("INSERT INTO sections (section, ord, item_key, hash, json, "
                         + "article_id, other_id) VALUES (?, ?, ?, ?, ?, ?, ?) "
                         + "ON CONFLICT (section, ord) DO UPDATE SET item_key = excluded.item_key, hash = excluded.hash, json = "
                                 + "excluded.json, "
                         + "article_id = excluded.article_id, other_id = excluded.other_id");
                 PreparedStatement trim = c.prepareStatement("DELETE FROM sections WHERE section = ? AND ord >= ?")) {
                if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a stories.json: it does not start with an object");
                ObjectNode header = JSON.createObjectNode();
                List<String> fields = new ArrayList<>();
                Derived derived = new Derived();
                Set<String> sectionsSeen = new HashSet<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    in.keepFrom(p.currentTokenLocation().getByteOffset()); // nothing before an element is wanted again
                    String field = p.currentName();
                    fields.add(field);
                    JsonToken t = p.nextToken();
                    if (field.equals(DUPLICATES)) {
                        p.skipChildren();
                        continue;
                    }
                    if (t != JsonToken.START_ARRAY) {
                        header.set(field, p.readValueAsTree());
                        continue;
                    }
                    sectionsSeen.add(field);
                    long[] old = oldHashes.getOrDefault(field, new long[0]);
                    int ord = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        long from = p.currentTokenLocation().getByteOffset();
                        in.keepFrom(from);
                        Elements.Fields node = Elements.read(p, field);
                        derived.see(field, ord, node);
                        // the element's own bytes: the engine writes compact JSON, so they are what writing it again gives
                        String json = in.text(from, p.currentLocation().getByteOffset());
                        long hash = Tokens.hashOf(json) ^ json.length();
                        elements++;
                        if (ord >= old.length || old[ord] != hash) {
                            upsert.setString(1, field);
                            upsert.setLong(2, ord);
                            upsert.setString(3, key(field, node));
                            upsert.setLong(4, hash);
                            upsert.setString(5, json);
                            upsert.setString(6, articleOf(field, node));
                            upsert.setString(7, field.equals("links") ? node.text("b") : null);
                            upsert.addBatch();
                            if (++changed % 500 == 0) upsert.executeBatch();
                        }
                        ord++;
                    }
                    upsert.executeBatch();
                    if (ord < old.length) {
                        trim.setString(1, field);
                        trim.setLong(2, ord);
                        removed += trim.executeUpdate();
                    }
                }
                for (String section : oldHashes.keySet()) {
                    if (sectionsSeen.contains(section)) continue;
                    trim.setString(1, section);
                    trim.setLong(2, 0);
                    removed += trim.executeUpdate();
                }
                putMeta(c, "header", JSON.writeValueAsString(header));
                putMeta(c, "fields", JSON.writeValueAsString(fields));
                putMeta(c, "analysed_seq", Long.toString(nextSeq - 1));
                putMeta(c, PLACED, "0"); // a whole analysis is a grouping
                derived.write(c, oldStoryOf);
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("could not save the analysis", e);
        }
        search().commit(nextSeq - 1);
        return new Saved(elements, changed, removed);
    }

    /** One element of the contract's arrays as the store keeps it: its array, its position there, its compact JSON. */
    public record Element(String section, int ord, String json) {}

    /**
     * Saves an update of the analysis ({@code Engine.update}: new articles placed into existing stories) in one
     * transaction, touching only what changed: each element given replaces the one at its position; the arrays in
     * {@code sizes} are cut to that size; an array in {@code whole} was given whole, so its unchanged elements are
     * left as they are and the rest removed. The filter tables are rewritten for the stories given, whose
     * articles' elements must be given too; the entities' tables when {@code entities} is given whole.
     * {@code placedSinceGrouping} is how many of the articles the analysis now covers were placed rather than grouped
     * ({@link #placedSinceGrouping()}).
     */
    public synchronized Saved saveUpdate(List<Element> elements, Map<String, Integer> sizes, Set<String> whole, int placedSinceGrouping) {
        ensureWriter();
        int changed = 0, removed = 0;
        try (Connection c = pool.take()) {
            Map<String, long[]> oldHashes = new HashMap<>();
            for (String section : whole) oldHashes.put(section, hashes(c, section));
            c.setAutoCommit(false);
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO sections (section, ord, item_key, hash, json, "
                    + "article_id, other_id) VALUES (?, ?, ?, ?, ?, ?, ?) "
                         + "ON CONFLICT (section, ord) DO UPDATE SET item_key = excluded.item_key, hash = excluded.hash, json = "
                                 + "excluded.json, "
                         + "article_id = excluded.article_id, other_id = excluded.other_id");
                 PreparedStatement trim = c.prepareStatement("DELETE FROM sections WHERE section = ? AND ord >= ?")) {
                Derived derived = new Derived();
                Map<String, Integer> given = new HashMap<>(sizes);
                Set<String> stories = new LinkedHashSet<>();
                // articles first: the stories' rows are made from their articles' elements
                List<Element> ordered = new ArrayList<>(elements);
                ordered.sort(Comparator.comparingInt(e -> e.section().equals("articles") ? 0 : 1));
                for (Element e : ordered) {
                    if (whole.contains(e.section())) given.merge(e.section(), e.ord() + 1, Math::max);
                    long hash = Tokens.hashOf(e.json()) ^ e.json().length();
                    long[] old = oldHashes.get(e.section());
                    if (old != null && e.ord() < old.length && old[e.ord()] == hash) continue;
                    Elements.Fields node = fields(e);
                    derived.see(e.section(), e.ord(), node);
                    if (e.section().equals("stories")) stories.add(node.text("id", ""));
                    upsert.setString(1, e.section());
                    upsert.setLong(2, e.ord());
                    upsert.setString(3, key(e.section(), node));
                    upsert.setLong(4, hash);
                    upsert.setString(5, e.json());
                    upsert.setString(6, articleOf(e.section(), node));
                    upsert.setString(7, e.section().equals("links") ? node.text("b") : null);
                    upsert.addBatch();
                    if (++changed % 500 == 0) upsert.executeBatch();
                }
                upsert.executeBatch();
                for (String section : whole) given.putIfAbsent(section, 0);
                for (Map.Entry<String, Integer> e : given.entrySet()) {
                    trim.setString(1, e.getKey());
                    trim.setLong(2, e.getValue());
                    removed += trim.executeUpdate();
                }
                derived.writeStories(c, stories, given.getOrDefault("stories", Integer.MAX_VALUE), whole.contains("entities"));
                putMeta(c, "analysed_seq", Long.toString(nextSeq - 1));
                putMeta(c, PLACED, Integer.toString(placedSinceGrouping));
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("could not save the analysis", e);
        } catch (IOException e) {
            throw new UncheckedIOException("store " + location + ": an element of the analysis is not JSON: " + e.getMessage(), e);
        }
        search().commit(nextSeq - 1, false);
        return new Saved(elements.size(), changed, removed);
    }

    /** An article's place in the stored analysis: story and topic labels ({@code s3} and {@code t2} are 2 and 1), -1 when none. */
    public record Placement(String article, int story, int topic) {}

    /** Every stored article's story and topic in the stored analysis. */
    public List<Placement> placements() {
        List<Placement> out = new ArrayList<>();
        try (Connection c = pool.take(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT a.id, x.story_id, s.topic FROM articles a LEFT JOIN article_stories x ON "
                     + "x.article_id = a.id LEFT JOIN stories s ON s.id = x.story_id ORDER BY a.seq")) {
            while (rs.next()) out.add(new Placement(rs.getString(1), label(rs.getString(2), 's'), label(rs.getString(3), 't')));
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
        return out;
    }

    /** {@code s12} as 11 (for prefix {@code s}); -1 for anything else. */
    private static int label(String id, char prefix) {
        if (id == null || id.length() < 2 || id.charAt(0) != prefix) return -1;
        try {
            return Integer.parseInt(id, 1, id.length(), 10) - 1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** How many elements the stored analysis holds in one of the contract's arrays (positions run from 0 without gaps). */
    public int sectionSize(String section) {
        // the largest position, found on the key's index, where a count would read every row of a large section
        try (Connection c = pool.take(); PreparedStatement ps = c.prepareStatement("SELECT MAX(ord) FROM sections WHERE section = ?")) {
            ps.setString(1, section);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return 0;
                long max = rs.getLong(1);
                return rs.wasNull() ? 0 : (int) max + 1;
            }
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
    }

    /** The hashes of a section's elements by position (Long.MIN_VALUE where none). */
    private static long[] hashes(Connection c, String section) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ord, hash FROM sections WHERE section = ?")) {
            ps.setString(1, section);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        long max = 0;
        for (long[] r : rows) max = Math.max(max, r[0] + 1);
        long[] h = new long[(int) max];
        Arrays.fill(h, Long.MIN_VALUE);
        for (long[] r : rows) h[(int) r[0]] = r[1];
        return h;
    }

    private static String articleOf(String section, Elements.Fields node) {
        return switch (section) {
            case "articles" -> node.text("id");
            case "links" -> node.text("a");
            default -> node.text("article");
        };
    }

    private static String key(String section, Elements.Fields node) {
        if (node.has("id")) return String.valueOf(node.text("id"));
        if (node.has("a") && node.has("b")) return node.text("a") + " " + node.text("b");
        return null;
    }

    /** The fields the store reads of an element given as text. */
    private static Elements.Fields fields(Element e) throws IOException {
        try (JsonParser p = JSON.getFactory().createParser(e.json())) {
            p.nextToken();
            return Elements.read(p, e.section());
        }
    }

    private static void putMeta(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO "
                + "UPDATE SET value = excluded.value")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    /** A value of the meta table, if set. */
    public Optional<String> meta(String name) {
        try (Connection c = pool.take(); PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
    }

    /** The meta entry of {@link #placedSinceGrouping()}. */
    private static final String PLACED = "placed_since_grouping";

    /**
     * How many of the articles the stored analysis covers were placed into its stories by updates ({@link #saveUpdate})
     * since the last whole analysis ({@link #saveAnalysis}) grouped them all; 0 for a store saved before this was kept.
     */
    public int placedSinceGrouping() {
        return meta(PLACED).map(Integer::parseInt).orElse(0);
    }

    /** Whether every article stored has been analysed (a run killed before it saved its analysis leaves this false). */
    public boolean analysisCurrent() {
        return meta("analysed_seq").map(Long::parseLong).orElse(0L) == nextSeqFromDb() - 1;
    }

    private long nextSeqFromDb() {
        try (Connection c = pool.take(); Statement st = c.createStatement()) {
            return maxPlusOne(st, "SELECT MAX(seq) FROM articles");
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
    }

    /** The filterable tables, made from the elements of the contract as they stream past. */
    private static final class Derived {
        record ArticleInfo(String title, String published, String outlet) {}

        final Map<String, ArticleInfo> articles = new HashMap<>();
        final List<Object[]> stories = new ArrayList<>();
        final List<String[]> storyOutlets = new ArrayList<>(), storyEntities = new ArrayList<>(), variants = new ArrayList<>();
        final List<Object[]> entities = new ArrayList<>();
        final Map<String, String> storyOf = new HashMap<>();
        /** The stories whose rows were made (every article of theirs seen). */
        final Set<String> rowsMade = new LinkedHashSet<>();

        void see(String section, int ord, Elements.Fields n) {
            switch (section) {
                case "articles" -> articles.put(n.text("id", ""), new ArticleInfo(n.text("title"), n.text("published"),
                        Article.creditedOutlet(n.text("outlet"), n.text("source"), n.text("url"))));
                case "stories" -> {
                    String id = n.text("id", "");
                    String title = null, first = null, last = null;
                    Set<String> outlets = new TreeSet<>();
                    int size = 0;
                    boolean complete = true;
                    for (String aid : n.articles) {
                        size++;
                        ArticleInfo info = articles.get(aid);
                        if (info == null) { complete = false; continue; }
                        storyOf.put(aid, id);
                        if (title == null) title = info.title();
                        if (info.published() != null) {
                            if (first == null || info.published().compareTo(first) < 0) first = info.published();
                            if (last == null || info.published().compareTo(last) > 0) last = info.published();
                        }
                        if (info.outlet() != null) outlets.add(info.outlet());
                    }
                    // a story seen without its articles (an update that renumbered its entities) keeps its row
                    if (complete) {
                        stories.add(new Object[] {id, ord, n.text("topic"), title, size, first, last});
                        for (String o : outlets) storyOutlets.add(new String[] {id, o});
                        rowsMade.add(id);
                    }
                    for (String e : new LinkedHashSet<>(n.entities)) storyEntities.add(new String[] {id, e});
                }
                case "entities" -> {
                    String id = n.text("id", "");
                    entities.add(new Object[] {id, ord, n.text("canonical"), n.text("type")});
                    for (String v : new LinkedHashSet<>(n.variants)) variants.add(new String[] {id, v});
                }
                default -> { }
            }
        }

        void write(Connection c, Map<String, String> oldStoryOf) throws SQLException {
            try (Statement st = c.createStatement()) {
                for (String t : List.of("stories", "story_outlets", "story_entities", "entities",
                        "entity_variants")) st.executeUpdate("DELETE FROM " + t);
            }
            batch(c, "INSERT INTO stories (id, ord, topic, title, size, first_published, last_published) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    stories, 0);
            batch(c, "INSERT INTO story_outlets (story_id, outlet) VALUES (?, ?)", storyOutlets, 1);
            batch(c, "INSERT INTO story_entities (story_id, entity_id) VALUES (?, ?)", storyEntities, 1);
            batch(c, "INSERT INTO entities (id, ord, name, type) VALUES (?, ?, ?, ?)", entities, 0);
            batch(c, "INSERT INTO entity_variants (entity_id, variant) VALUES (?, ?)", variants, 1);
            List<Object[]> moved = new ArrayList<>(), left = new ArrayList<>();
            for (Map.Entry<String, String> e : storyOf.entrySet()) {
                if (!e.getValue().equals(oldStoryOf.get(e.getKey()))) moved.add(new Object[] {e.getKey(), e.getValue()});
            }
            for (String article : oldStoryOf.keySet()) if (!storyOf.containsKey(article)) left.add(new Object[] {article});
            batch(c, "DELETE FROM article_stories WHERE article_id = ?", left, 0);
            batch(c, SET_STORY, moved, 0);
        }

        /** An article's story, set or changed (its own table: see migration V4). */
        private static final String SET_STORY = "INSERT INTO article_stories (article_id, story_id) VALUES (?, ?) "
                + "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id";

        /**
         * The rows of the stories seen (ids {@code ids}, whose rows are replaced), stories from position {@code size}
         * on removed, each seen article's story set; the entities' tables replaced when {@code entities}.
         */
        void writeStories(Connection c, Set<String> ids, int size, boolean entities) throws SQLException {
            List<Object[]> gone = new ArrayList<>(), remade = new ArrayList<>();
            for (String id : ids) gone.add(new Object[] {id});
            for (String id : rowsMade) remade.add(new Object[] {id});
            batch(c, "DELETE FROM stories WHERE id = ?", remade, 0);
            batch(c, "DELETE FROM story_outlets WHERE story_id = ?", remade, 0);
            batch(c, "DELETE FROM story_entities WHERE story_id = ?", gone, 0);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM stories WHERE ord >= ?")) {
                ps.setLong(1, size);
                ps.executeUpdate();
            }
            batch(c, "INSERT INTO stories (id, ord, topic, title, size, first_published, last_published) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    stories, 0);
            batch(c, "INSERT INTO story_outlets (story_id, outlet) VALUES (?, ?)", storyOutlets, 1);
            batch(c, "INSERT INTO story_entities (story_id, entity_id) VALUES (?, ?)", storyEntities, 1);
            if (entities) {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM entities");
                    st.executeUpdate("DELETE FROM entity_variants");
                }
                batch(c, "INSERT INTO entities (id, ord, name, type) VALUES (?, ?, ?, ?)", this.entities, 0);
                batch(c, "INSERT INTO entity_variants (entity_id, variant) VALUES (?, ?)", variants, 1);
            }
            List<Object[]> moved = new ArrayList<>();
            for (Map.Entry<String, String> e : storyOf.entrySet()) moved.add(new Object[] {e.getKey(), e.getValue()});
            batch(c, SET_STORY, moved, 0);
        }

        /**
         * Runs {@code sql} for each row, in the order of the row's column {@code by}: the column the table's index
         * (or key) is on, so that the index grows at one end instead of at random places. 1M articles, the stories
         * of a first save: 52-61 s unsorted, 42-44 s with the article-story rows sorted alone.
         */
        private static void batch(Connection c, String sql, List<? extends Object[]> rows, int by) throws SQLException {
            List<Object[]> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparing(r -> (String) r[by], Comparator.nullsFirst(Comparator.naturalOrder())));
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int n = 0;
                for (Object[] r : sorted) {
                    for (int i = 0; i < r.length; i++) ps.setObject(i + 1, r[i]);
                    ps.addBatch();
                    if (++n % 1000 == 0) ps.executeBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /**
     * Writes the analysis as the {@code stories.json} contract: the same document {@code storytrace analyze}
     * writes for the store's articles (fields in the same order), with the duplicates of every run.
     *
     * @throws StoreException when the store holds no analysis yet
     */
    public void exportStoriesJson(OutputStream out) throws IOException {
        String header = meta("header").orElseThrow(() -> new StoreException("store " + location
                + " holds no analysis yet: run storytrace ingest", null));
        JsonNode head = JSON.readTree(header);
        List<String> fields = new ArrayList<>();
        for (JsonNode f : JSON.readTree(meta("fields").orElse("[]"))) fields.add(f.asText());
        try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            for (String f : fields) {
                g.writeFieldName(f);
                if (f.equals(DUPLICATES)) {
                    writeDuplicates(g);
                } else if (head.has(f)) {
                    g.writeTree(head.get(f));
                } else {
                    g.writeStartArray();
                    forEachElement(f, json -> {
                        try {
                            g.writeTree(JSON.readTree(json));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
        }
    }

    private void writeDuplicates(JsonGenerator g) throws IOException {
        g.writeStartArray();
        try (Connection c = pool.take(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT path, "
                + "duplicate_of, reason FROM duplicates ORDER BY seq")) {
            while (rs.next()) {
                g.writeStartObject();
                g.writeStringField("path", rs.getString(1));
                g.writeStringField("duplicate_of", rs.getString(2));
                g.writeStringField("reason", rs.getString(3));
                g.writeEndObject();
            }
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
        g.writeEndArray();
    }

    /** Hands each element of a section of the analysis (its JSON) to {@code sink}, in order. */
    public void forEachElement(String section, Consumer<String> sink) {
        try (Connection c = pool.take()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT json FROM sections WHERE section = ? ORDER BY ord")) {
                ps.setFetchSize(1000);
                ps.setString(1, section);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) sink.accept(rs.getString(1));
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
    }

    /**
     * The elements of a section that belong to any of {@code articles} (an article's own element, the quotes
     * in it, the links with it on either side), each once, in the section's order.
     */
    public List<String> elementsOf(String section, Collection<String> articles) {
        if (articles.isEmpty()) return List.of();
        TreeMap<Long, String> found = new TreeMap<>();
        List<String> ids = new ArrayList<>(articles);
        try (Connection c = pool.take()) {
            // one query a column, each on its own index (an OR of the two makes SQLite scan the section)
            for (String column : section.equals("links") ? new String[] {"article_id", "other_id"} : new String[] {"article_id"}) {
                inChunks(c, "SELECT ord, json FROM sections WHERE section = ? AND " + column + " IN (" + KEYS + ")", List.of(section), ids,
                        rs -> found.put(rs.getLong(1), rs.getString(2)));
            }
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
        return new ArrayList<>(found.values());
    }

    /** The elements of a section with the given ids ({@code item_key}), as stored, in the order asked (missing ones left out). */
    public List<String> elements(String section, List<String> keys) {
        if (keys.isEmpty()) return List.of();
        Map<String, String> found = new HashMap<>();
        try (Connection c = pool.take()) {
            inChunks(c, "SELECT item_key, json FROM sections WHERE section = ? AND item_key IN (" + KEYS + ")", List.of(section), keys,
                    rs -> found.put(rs.getString(1), rs.getString(2)));
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
        List<String> out = new ArrayList<>(keys.size());
        for (String k : keys) if (found.containsKey(k)) out.add(found.get(k));
        return out;
    }

    /** The links whose two articles are both among {@code articles}, as stored, in the order of the contract. */
    public List<String> linksWithin(List<String> articles) {
        if (articles.isEmpty()) return List.of();
        Set<String> in = new HashSet<>(articles);
        TreeMap<Long, String> found = new TreeMap<>();
        try (Connection c = pool.take()) {
            inChunks(c, "SELECT ord, json, other_id FROM sections WHERE section = 'links' AND article_id IN (" + KEYS + ")", List.of(),
                    articles, rs -> {
                if (in.contains(rs.getString(3))) found.put(rs.getLong(1), rs.getString(2));
            });
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
        return new ArrayList<>(found.values());
    }

    /** Where {@link #inChunks} puts the placeholders of one chunk of keys. */
    private static final String KEYS = "?*";

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql} once for every 500 of {@code keys} (a long IN list is what the drivers refuse), its {@link #KEYS}
     * replaced by that many placeholders, {@code leading} bound before the keys; hands each row to {@code row}.
     */
    private static void inChunks(Connection c, String sql, List<String> leading, List<String> keys, RowReader row) throws SQLException {
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
            try (PreparedStatement ps = c.prepareStatement(sql.replace(KEYS, String.join(", ", Collections.nCopies(chunk.size(),
                    "?"))))) {
                int k = 1;
                for (String v : leading) ps.setString(k++, v);
                for (String id : chunk) ps.setString(k++, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) row.read(rs);
                }
            }
        }
    }

    /** A stored article with its layers (needs the codec the store was opened with). */
    public Optional<Document> document(String id) {
        if (codec == null) throw new IllegalStateException("store " + location + " was opened without a codec");
        try (Connection c = pool.take(); PreparedStatement ps = c.prepareStatement("SELECT doc FROM articles WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(codec.decode(rs.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
    }

    /**
     * The element of a section with this id ({@code stories}/{@code s1}, {@code articles}/an article's id, {@code entities}/{@code e3}).
     */
    public Optional<String> element(String section, String id) {
        try (Connection c = pool.take(); PreparedStatement ps = c.prepareStatement("SELECT json FROM sections WHERE section = ? "
                + "AND item_key = ?")) {
            ps.setString(1, section);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
    }

    /**
     * Ids of the articles that best match {@code text} (words, "phrases", -exclusions; blank for every article),
     * published between {@code from} and {@code to} (either may be null), by {@code outlet} (null for any), best first.
     */
    public List<String> searchArticles(String text, LocalDate from, LocalDate to, String outlet, int limit) {
        // a phrase in the body is checked on the hits' own text (the index keeps no word positions for bodies)
        return search().search(text, from, to, outlet, limit, codec == null ? null : this::articlesById);
    }

    /** Each article of {@code ids} found, by id: read in chunks, the articles' layers left unread. */
    private Map<String, Article> articlesById(List<String> ids) {
        Map<String, Article> out = new HashMap<>();
        try (Connection c = pool.take()) {
            inChunks(c, "SELECT id, doc FROM articles WHERE id IN (" + KEYS + ")", List.of(), ids,
                    rs -> out.put(rs.getString(1), codec.article(rs.getBytes(2))));
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
        return out;
    }

    /** A story as the list shows it. */
    public record StoryRow(String id, String title, int size, String firstPublished, String lastPublished, String topic,
            List<String> outlets) {}

    /**
     * What the story list asks for: words to search the articles for (blank for all stories), a publication
     * range the story must overlap, an outlet among its articles', an entity it names (an id such as {@code e3},
     * or any spelling of a name), and the page (from 0) of {@code size} rows.
     */
    public record StoryQuery(String text, LocalDate from, LocalDate to, String outlet, String entity, int page,
            int size) {
        public StoryQuery {
            if (page < 0) throw new IllegalArgumentException("page must be 0 or more, was " + page);
            if (size < 1 || size > 500) throw new IllegalArgumentException("size must be between 1 and 500, was " + size);
        }
    }

    /**
     * One page of stories and how many match in all; with {@code more}, at least {@code total}: a word search stops
     * reading its hits once they give the page asked for and one story after it.
     */
    public record StoryPage(long total, boolean more, List<StoryRow> stories) {
        public StoryPage(long total, List<StoryRow> stories) { this(total, false, stories); }
    }

    /** The most article hits a story search reads. */
    private static final int MAX_HITS = 2000;

    /** The stories matching {@code q}: by relevance of their best article when searching words, else the largest first. */
    public StoryPage stories(StoryQuery q) {
        try (Connection c = pool.take()) {
            Set<String> entityIds = null;
            if (q.entity() != null && !q.entity().isBlank()) entityIds = entityIds(c, q.entity().strip());
            List<String> order;
            boolean more = false;
            if (q.text() != null && !q.text().isBlank()) {
                // the best articles until they give this page's stories and one more: most of a search's cost is scoring
                // (JFR under the mixed load), and the bar a document must pass to enter the top k rises more slowly the
                // larger k is, so ask for twice the page first and five times more only when the stories run short
                long want = (q.page() + 1L) * q.size() + 1;
                int limit = (int) Math.min(MAX_HITS, want * 2);
                LinkedHashSet<String> stories = new LinkedHashSet<>();
                boolean cut;
                // the stories of the hits looked up so far: a wider search returns the narrower one's hits first, so
                // only the hits it adds are looked up
                Map<String, String> storyOf = new HashMap<>();
                Set<String> looked = new HashSet<>();
                while (true) {
                    List<String> hits = searchArticles(q.text(), q.from(), q.to(), q.outlet(), limit);
                    List<String> fresh = new ArrayList<>();
                    for (String h : hits) if (looked.add(h)) fresh.add(h);
                    inChunks(c, "SELECT article_id, story_id FROM article_stories WHERE article_id IN (" + KEYS + ")", List.of(), fresh,
                            rs -> storyOf.put(rs.getString(1), rs.getString(2)));
                    stories.clear();
                    for (String h : hits) if (storyOf.get(h) != null) stories.add(storyOf.get(h));
                    cut = hits.size() == limit;
                    if (stories.size() >= want || !cut || limit >= MAX_HITS) break;
                    limit = (int) Math.min(MAX_HITS, limit * 5L);
                }
                order = new ArrayList<>(stories);
                more = cut;
                if (entityIds != null) {
                    Set<String> naming = storiesNaming(c, entityIds);
                    order.removeIf(st -> !naming.contains(st));
                }
            } else {
                StringBuilder sql = new StringBuilder("SELECT id FROM stories s WHERE 1 = 1");
                List<Object> args = new ArrayList<>();
                if (q.from() != null) { sql.append(" AND s.last_published >= ?"); args.add(q.from().toString()); }
                if (q.to() != null) { sql.append(" AND s.first_published <= ?"); args.add(q.to().toString()); }
                if (q.outlet() != null) { sql.append(" AND EXISTS (SELECT 1 FROM story_outlets o WHERE o.story_id = s.id AND "
                        + "o.outlet = ?)"); args.add(q.outlet()); }
                if (entityIds != null) {
                    if (entityIds.isEmpty()) return new StoryPage(0, List.of());
                    sql.append(" AND EXISTS (SELECT 1 FROM story_entities e WHERE e.story_id = s.id AND e.entity_id IN (")
                            .append(String.join(", ", Collections.nCopies(entityIds.size(), "?"))).append("))");
                    args.addAll(entityIds);
                }
                // the database pages: a count, then one page of ids
                long total;
                try (PreparedStatement ps = c.prepareStatement(sql.toString().replace("SELECT id FROM", "SELECT COUNT(*) FROM"))) {
                    for (int k = 0; k < args.size(); k++) ps.setObject(k + 1, args.get(k));
                    try (ResultSet rs = ps.executeQuery()) { rs.next(); total = rs.getLong(1); }
                }
                sql.append(" ORDER BY s.size DESC, s.ord LIMIT ? OFFSET ?");
                List<StoryRow> rows = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    int k = 1;
                    for (Object a : args) ps.setObject(k++, a);
                    ps.setInt(k++, q.size());
                    ps.setLong(k, (long) q.page() * q.size());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) ids.add(rs.getString(1));
                    }
                }
                rows.addAll(storyRows(c, ids));
                return new StoryPage(total, rows);
            }
            int from = Math.min(order.size(), q.page() * q.size()), to = Math.min(order.size(), from + q.size());
            return new StoryPage(order.size(), more, storyRows(c, order.subList(from, to)));
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
    }

    /** A story's row, if the story exists. */
    public Optional<StoryRow> storyRow(String id) {
        try (Connection c = pool.take()) {
            return storyRows(c, List.of(id)).stream().findFirst();
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
    }

    /** The rows of stories, in the order asked (missing ones left out): two queries, however many rows. */
    private static List<StoryRow> storyRows(Connection c, List<String> ids) throws SQLException {
        if (ids.isEmpty()) return List.of();
        Map<String, List<String>> outlets = new HashMap<>();
        inChunks(c, "SELECT story_id, outlet FROM story_outlets WHERE story_id IN (" + KEYS + ") ORDER BY story_id, outlet", List.of(), ids,
                rs -> outlets.computeIfAbsent(rs.getString(1), x -> new ArrayList<>()).add(rs.getString(2)));
        Map<String, StoryRow> found = new HashMap<>();
        inChunks(c, "SELECT id, title, size, first_published, last_published, topic FROM stories WHERE id IN (" + KEYS + ")", List.of(),
                ids, rs -> {
            String id = rs.getString(1);
            found.put(id, new StoryRow(id, rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    outlets.getOrDefault(id, List.of())));
        });
        List<StoryRow> rows = new ArrayList<>(ids.size());
        for (String id : ids) if (found.containsKey(id)) rows.add(found.get(id));
        return rows;
    }

    /** The entities an id or a spelling names (case-insensitive; a whole spelling or a whole word of one). */
    private static Set<String> entityIds(Connection c, String idOrName) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM entities WHERE id = ?")) {
            ps.setString(1, idOrName);
            try (ResultSet rs = ps.executeQuery()) { while (rs.next()) out.add(rs.getString(1)); }
        }
        if (!out.isEmpty()) return out;
        // a spelling, or a word of one: "Kazemi" finds "Mustafa al-Kazemi"
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT entity_id FROM entity_variants WHERE LOWER(variant) = LOWER(?) "
                + "OR LOWER(variant) LIKE LOWER(?) ESCAPE '!' OR LOWER(variant) LIKE LOWER(?) ESCAPE '!' OR LOWER(variant) LIKE "
                        + "LOWER(?) ESCAPE '!'")) {
            String like = idOrName.replace("!", "!!").replace("%", "!%").replace("_", "!_");
            ps.setString(1, idOrName);
            ps.setString(2, "% " + like);
            ps.setString(3, "%-" + like);
            ps.setString(4, like + " %");
            try (ResultSet rs = ps.executeQuery()) { while (rs.next()) out.add(rs.getString(1)); }
        }
        return out;
    }

    private static Set<String> storiesNaming(Connection c, Set<String> entityIds) throws SQLException {
        Set<String> out = new HashSet<>();
        if (entityIds.isEmpty()) return out;
        try (PreparedStatement ps = c.prepareStatement("SELECT story_id FROM story_entities WHERE entity_id IN ("
                + String.join(", ", Collections.nCopies(entityIds.size(), "?")) + ")")) {
            int k = 1;
            for (String e : entityIds) ps.setString(k++, e);
            try (ResultSet rs = ps.executeQuery()) { while (rs.next()) out.add(rs.getString(1)); }
        }
        return out;
    }

    /** The stories that name an entity, largest first. */
    public List<String> storiesOfEntity(String entityId) {
        try (Connection c = pool.take(); PreparedStatement ps = c.prepareStatement(
                "SELECT s.id FROM stories s JOIN story_entities e ON e.story_id = s.id WHERE e.entity_id = ? ORDER BY s.size "
                        + "DESC, s.ord")) {
            ps.setString(1, entityId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) { while (rs.next()) out.add(rs.getString(1)); }
            return out;
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
    }

    /** Every outlet with its number of articles, most first (the list's outlet filter). */
    public List<Map.Entry<String, Long>> outlets() {
        try (Connection c = pool.take(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT outlet, COUNT(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY COUNT(*) DESC, outlet")) {
            List<Map.Entry<String, Long>> out = new ArrayList<>();
            while (rs.next()) out.add(Map.entry(rs.getString(1), rs.getLong(2)));
            return out;
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
    }

    /** Stories in the saved analysis. */
    public long storyCount() { return count("SELECT COUNT(*) FROM stories"); }

    /** The story an article is in, per the saved analysis. */
    public Optional<String> storyOf(String articleId) {
        try (Connection c = pool.take();
             PreparedStatement ps = c.prepareStatement("SELECT story_id FROM article_stories WHERE article_id = ?")) {
            ps.setString(1, articleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
    }

    /** The full-text index, opened (and brought level with the database) on first use. */
    synchronized SearchIndex search() {
        if (index == null) {
            index = new SearchIndex(indexDir, location, writer);
            if (writer) catchUpIndex();
        }
        return index;
    }

    /** Indexes what the database holds and the index does not (a run killed between the two commits). */
    private void catchUpIndex() {
        long indexed = index.committedSeq();
        long last = nextSeq - 1;
        if (indexed == last) return;
        if (indexed > last) { index.clear(); indexed = 0; }
        // a commit point may hold articles past the number it records (added after it was recorded): none twice
        index.deleteAfter(indexed);
        try (Connection c = pool.take()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, doc FROM articles WHERE seq > ? ORDER BY seq")) {
                ps.setFetchSize(1000);
                ps.setLong(1, indexed);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Article> batch = new ArrayList<>();
                    long first = -1;
                    while (rs.next()) {
                        if (first < 0) first = rs.getLong(1);
                        batch.add(codec.decode(rs.getBytes(2)).article());
                        if (batch.size() == 1000) { index.add(batch, first); batch = new ArrayList<>(); first = -1; }
                    }
                    if (!batch.isEmpty()) index.add(batch, first);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("cannot be read", e);
        }
        index.commit(last);
    }

    @Override public synchronized void close() {
        try {
            if (index != null) index.close();
        } finally {
            pool.close();
            try {
                if (fileLock != null) fileLock.release();
                if (lockChannel != null) lockChannel.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
            if (lockConnection != null) {
                try { lockConnection.close(); } catch (SQLException ignored) { }
            }
        }
    }
}
