package org.storytrace.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.bench.NewsPool;
import org.storytrace.bench.gen.CorpusGenerator;
import org.storytrace.store.Store;

/**
 * Nothing lost, nothing doubled: {@code storytrace ingest} runs as a real process on a generated corpus, is
 * killed with SIGKILL at random points and started again until it finishes; every article it acknowledged
 * before a kill is in the store exactly once, and the store's articles, links and stories are those of an
 * uninterrupted run. Kills soon after the start land in the schema migration of a fresh store (a migration runs in one transaction).
 * {@code -Dstorytrace.kills=N} sets how many kills (default 4; the long profile runs 100) and the test
 * prints how many it survived.
 */
class IngestKillIT {
    @TempDir static Path tmp;
    static Path corpus;
    static JsonNode reference;
    static long referenceMillis;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STORED = Pattern.compile("^stored (\\d+) articles \\((\\d+) new");

    @BeforeAll
    static void corpusAndUninterruptedRun() throws Exception {
        corpus = tmp.resolve("corpus.jsonl");
        try (BufferedWriter c = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8);
             BufferedWriter t = Files.newBufferedWriter(tmp.resolve("truth.jsonl"), StandardCharsets.UTF_8)) {
            new CorpusGenerator(NewsPool.texts(Integer.MAX_VALUE)).generate(CorpusGenerator.Settings.of(1500, 7), c, t);
        }
        Path store = tmp.resolve("reference");
        long t0 = System.nanoTime();
        Run r = ingest(store, -1);
        referenceMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, r.exit, r.output);
        reference = export(store);
        assertEquals(1500, reference.get("articles").size() + reference.get("duplicates").size(),
                "every record an article or a listed duplicate");
    }

    @Test
    void everyAcknowledgedArticleSurvivesSigkillOnceAndTheAnalysisEqualsAnUninterruptedRun() throws Exception {
        int kills = Integer.getInteger("storytrace.kills", 4);
        Random random = new Random(Long.getLong("storytrace.killSeed", System.nanoTime()));
        int survived = 0, rounds = 0, endedBeforeKill = 0;
        long acknowledged = 0;
        // rounds, each on a fresh store: kill the ingest again and again until a run ends by itself, then
        // finish it and compare with the uninterrupted run; as many rounds as it takes to reach the kills asked
        while (survived < kills) {
            Path store = tmp.resolve("killed-" + rounds++);
            long acknowledgedHere = 0;
            while (survived < kills) {
                // a third of the kills come in the first second and a half (start-up, the migration of a fresh store)
                long delay = survived % 3 == 0 ? 200 + random.nextInt(1300) : 300 + random.nextLong(Math.max(1, referenceMillis));
                Run r = ingest(store, delay);
                if (!r.killed) {
                    endedBeforeKill++;
                    assertEquals(0, r.exit, r.output);
                    break;
                }
                acknowledgedHere += r.acknowledged;
                Set<String> ids = storedIds(store);
                assertTrue(ids.size() >= acknowledgedHere, "kill " + survived + ": " + acknowledgedHere + " articles acknowledged, "
                        + ids.size() + " stored");
                survived++;
            }
            acknowledged += acknowledgedHere;
            Run last = ingest(store, -1);
            assertEquals(0, last.exit, last.output);
            assertEqualsReference(store);
        }
        System.out.printf("ingest-kill: survived %d of %d SIGKILLs over %d rounds (%d runs ended before their kill), %d "
                + "articles acknowledged before kills; "
                + "every round's articles, links, stories, duplicates and search index equal an uninterrupted run (%d ms)%n", survived,
                        kills, rounds, endedBeforeKill,
                acknowledged, referenceMillis);
    }

    private static void assertEqualsReference(Path store) throws Exception {
        JsonNode after = export(store);
        List<String> want = ids(reference.get("articles")), got = ids(after.get("articles"));
        assertEquals(want.size(), new HashSet<>(got).size(), "no article doubled");
        assertEquals(want, got, "the same articles, in the same order");
        assertEquals(reference.get("links"), after.get("links"));
        assertEquals(reference.get("stories"), after.get("stories"));
        assertEquals(reference.get("duplicates"), after.get("duplicates"));
        try (Store s = Store.openForReading(store.toString(), null, null)) {
            List<String> indexed = s.searchArticles("", null, null, null, want.size() + 100);
            assertEquals(want.size(), indexed.size(), "the search index holds every article once");
            assertEquals(new HashSet<>(want), new HashSet<>(indexed));
        }
    }

    /**
     * A kill while a fresh store is being created and migrated: whatever was applied is whole (each
     * migration is one transaction, recorded as a success), and the next run opens the store, finishes the
     * migrations and ingests.
     */
    @Test
    void aKillDuringTheMigrationOfAFreshStoreLeavesAStoreTheNextRunCompletes() throws Exception {
        Random random = new Random(Long.getLong("storytrace.killSeed", System.nanoTime()));
        int kills = Integer.getInteger("storytrace.migrationKills", 4), killedBeforeDone = 0;
        for (int k = 0; k < kills; k++) {
            Path store = tmp.resolve("migrating-" + k);
            Run r = ingest(store, 150 + random.nextInt(1200));
            if (r.killed) killedBeforeDone++;
            if (Files.exists(store.resolve("store.db"))) {
                try (var c = DriverManager.getConnection("jdbc:sqlite:"
                        + store.resolve("store.db")); var st = c.createStatement()) {
                    boolean history;
                    try (var rs = st.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
                            + "'flyway_schema_history'")) { rs.next(); history = rs.getInt(1) > 0; }
                    if (history) {
                        try (var rs = st.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")) {
                            rs.next();
                            assertEquals(0, rs.getInt(1), "no migration recorded as failed or half-applied after kill " + k);
                        }
                    }
                }
            }
            Run again = ingest(store, -1);
            assertEquals(0, again.exit, "the next run completes the store: " + again.output);
            assertEquals(reference.get("articles").size(), storedIds(store).size());
        }
        System.out.printf("ingest-kill: %d of %d kills came during start-up and migration; every store was completed by the next run%n",
                killedBeforeDone, kills);
    }

    /**
     * The same for an ingest into a store that holds an analysis, which places its new articles into the stored stories:
     * killed and started again until it finishes, it places what it stored before the kills and the rest as the
     * uninterrupted ingest does, rather than grouping everything again ({@code -Dstorytrace.placeKills=N}, default 3).
     */
    @Test
    void aKilledIngestIntoAnAnalysedStorePlacesWhatAnUninterruptedOnePlaces() throws Exception {
        Path first = tmp.resolve("first.jsonl");
        try (var lines = Files.lines(corpus, StandardCharsets.UTF_8)) {
            Files.write(first, lines.limit(1000).toList(), StandardCharsets.UTF_8);
        }
        Path placedStore = tmp.resolve("placed-reference");
        assertEquals(0, ingest(placedStore, first, -1).exit);
        long t0 = System.nanoTime();
        Run second = ingest(placedStore, corpus, -1);
        long secondMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, second.exit, second.output);
        assertTrue(second.output.contains("placed into the stored stories"), "500 new articles are short of a regrouping: "
                + second.output);
        JsonNode placed = export(placedStore);
        int placedCount;
        try (Store s = Store.openForReading(placedStore.toString(), null, null)) { placedCount = s.placedSinceGrouping(); }
        assertTrue(placedCount > 0, "the store counts what was placed");
        int kills = Integer.getInteger("storytrace.placeKills", 3), survived = 0, rounds = 0;
        Random random = new Random(Long.getLong("storytrace.killSeed", System.nanoTime()));
        while (survived < kills) {
            Path store = tmp.resolve("placing-" + rounds++);
            assertEquals(0, ingest(store, first, -1).exit);
            while (survived < kills) {
                Run r = ingest(store, corpus, 300 + random.nextLong(Math.max(1, secondMillis)));
                if (!r.killed) {
                    assertEquals(0, r.exit, r.output);
                    assertTrue(r.output.contains("placed into the stored stories"), "placed, not grouped again: " + r.output);
                    break;
                }
                survived++;
            }
            Run last = ingest(store, corpus, -1);
            assertEquals(0, last.exit, last.output);
            JsonNode after = export(store);
            assertEquals(ids(placed.get("articles")), ids(after.get("articles")), "the same articles, in the same order");
            assertEquals(placed.get("links"), after.get("links"));
            assertEquals(placed.get("stories"), after.get("stories"), "the stories the uninterrupted ingest placed");
            assertEquals(placed.get("duplicates"), after.get("duplicates"));
            try (Store s = Store.openForReading(store.toString(), null, null)) {
                assertEquals(placedCount, s.placedSinceGrouping(), "as many placed since the grouping as without the kills");
            }
        }
        System.out.printf("ingest-kill: %d SIGKILLs of an ingest into an analysed store over %d rounds; each store placed what the "
                + "uninterrupted ingest placed%n", survived, rounds);
    }

    private static List<String> ids(JsonNode articles) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : articles) out.add(a.get("id").asText());
        return out;
    }

    private record Run(int exit, boolean killed, long acknowledged, String output) {}

    /** Runs ingest on the corpus into {@code store}; kills it with SIGKILL after {@code killAfterMillis} (never when negative). */
    private static Run ingest(Path store, long killAfterMillis) throws Exception { return ingest(store, corpus, killAfterMillis); }

    /** Runs ingest on {@code input} into {@code store}; kills it with SIGKILL after {@code killAfterMillis} (never when negative). */
    private static Run ingest(Path store, Path input, long killAfterMillis) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(), "ingest", input.toString(), "--store", store.toString(), "--fast", "--no-embeddings", "--batch",
                        "100");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        AtomicLong acked = new AtomicLong();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (output) { output.append(line).append('\n'); }
                    Matcher m = STORED.matcher(line);
                    if (m.find()) acked.addAndGet(Long.parseLong(m.group(1)));
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        reader.start();
        boolean killed = false;
        if (killAfterMillis >= 0 && !p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly(); // SIGKILL on Unix
            killed = true;
        }
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "ingest ended");
        reader.join(10_000);
        synchronized (output) { return new Run(p.exitValue(), killed, acked.get(), output.toString()); }
    }

    private static Set<String> storedIds(Path store) throws Exception {
        if (!Files.exists(store.resolve("store.db"))) return Set.of();
        Set<String> ids = new HashSet<>();
        int rows = 0;
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + store.resolve("store.db"));
             var st = c.createStatement()) {
            boolean hasTable;
            try (var rs = st.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles'")) {
                rs.next();
                hasTable = rs.getInt(1) > 0;
            }
            if (!hasTable) return Set.of();
            try (var rs = st.executeQuery("SELECT id FROM articles")) {
                while (rs.next()) { ids.add(rs.getString(1)); rows++; }
            }
        }
        assertEquals(rows, ids.size(), "no article stored twice");
        return ids;
    }

    private static JsonNode export(Path store) throws Exception {
        Path out = Files.createTempDirectory(tmp, "export");
        int code = Main.commandLine().execute("export", "--store", store.toString(), "--out", out.toString());
        assertEquals(0, code);
        return JSON.readTree(out.resolve("stories.json").toFile());
    }
}
