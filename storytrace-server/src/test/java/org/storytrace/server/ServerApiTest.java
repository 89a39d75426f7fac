package org.storytrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.model.Story;
import org.storytrace.engine.Engine;
import org.storytrace.engine.EngineSettings;
import org.storytrace.store.Archive;

/** The JSON API over a store of the bundled example and the seeds, through real HTTP. */
class ServerApiTest {
    @TempDir static Path tmp;
    static StoryServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    static Engine.Builder engine() { return Engine.builder(EngineSettings.builder().threads(2).build()).deepTier(); }

    @BeforeAll
    static void start() throws Exception {
        String store = tmp.resolve("store").toString();
        try (Archive a = Archive.open(store, null, engine(), null)) {
            a.ingest(List.of("../examples/corpus", TestCorpora.root().resolve("seeds").toString()), null);
            a.analyse();
        }
        server = StoryServer.open(store, null, engine(), StoryServer.Config.local(0));
        base = "http://127.0.0.1:" + server.start();
        server.awaitReady();
    }

    @AfterAll
    static void stop() { if (server != null) server.close(); }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String type, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        return JSON.readTree(r.body());
    }

    static String seedStory() throws Exception {
        JsonNode all = json(get("/api/stories?size=100"));
        for (JsonNode s : all.get("stories")) {
            JsonNode d = json(get("/api/stories/" + s.get("id").asText()));
            Set<String> ids = new HashSet<>();
            for (JsonNode a : d.get("story").get("articles")) ids.add(a.asText());
            if (ids.containsAll(Set.of("000_8fce433b631a5525", "002_e924190dd1f865ae", "003_a823ca92ff81a94e"))) return s.get("id")
                    .asText();
        }
        throw new AssertionError("no story holds the three seed reports");
    }

    @Test
    void listSearchAndFilterStories() throws Exception {
        JsonNode all = json(get("/api/stories"));
        assertTrue(all.get("total").asInt() >= 5, all.toString());
        JsonNode found = json(get("/api/stories?q=Kadhimi"));
        assertTrue(found.get("total").asInt() >= 1);
        String first = found.get("stories").get(0).get("id").asText();
        assertEquals(seedStory(), first, "the story of the three reports comes first for Kadhimi");
        assertEquals(0, json(get("/api/stories?q=Kadhimi&to=2001-01-01")).get("total").asInt(), "a date range that excludes every article");
        JsonNode bySpelling = json(get("/api/stories?entity=Kazemi"));
        assertTrue(bySpelling.get("total").asInt() >= 1, "an entity found by any of its spellings: " + bySpelling);
        JsonNode port = json(get("/api/stories?q=%22port+strike%22"));
        for (JsonNode s : port.get("stories")) assertTrue(s.get("title").asText().toLowerCase().contains("port") || s.get("articles")
                .asInt() > 0);
        JsonNode page = json(get("/api/stories?size=2&page=1"));
        assertEquals(2, page.get("stories").size());
        assertEquals(all.get("total"), page.get("total"));
    }

    @Test
    void aWordSearchPagedOneStoryAtATimeGivesWhatOneLargePageGives() throws Exception {
        JsonNode whole = json(get("/api/stories?q=said&size=100"));
        assertFalse(whole.get("more").asBoolean(), "a page large enough reads every hit: " + whole);
        int total = whole.get("total").asInt();
        assertTrue(total >= 3, whole.toString());
        JsonNode first = json(get("/api/stories?q=said&size=1"));
        assertTrue(first.get("more").asBoolean(), "one story asked for: the search stops early and says so: " + first);
        assertTrue(first.get("total").asInt() >= 2 && first.get("total").asInt() <= total, first.toString());
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < total; page++) {
            JsonNode p = json(get("/api/stories?q=said&size=1&page=" + page));
            for (JsonNode st : p.get("stories")) paged.add(st.get("id").asText());
        }
        List<String> all = new ArrayList<>();
        for (JsonNode st : whole.get("stories")) all.add(st.get("id").asText());
        assertEquals(all, paged, "the same stories in the same order, none twice");
    }

    @Test
    void aStoryAnArticleAndAnEntityCarryTheAnalysis() throws Exception {
        String id = seedStory();
        JsonNode d = json(get("/api/stories/" + id));
        assertTrue(d.get("articles").size() >= 3);
        assertTrue(d.get("links").size() >= 1);
        assertFalse(d.get("story").get("summary").get("sentences").isEmpty());
        assertTrue(d.get("story").get("discrepancies").size() >= 2, "the date and the country: " + d.get("story").get("discrepancies"));
        assertFalse(d.get("entities").isEmpty());
        Set<String> members = new HashSet<>();
        for (JsonNode m : d.get("story").get("articles")) members.add(m.asText());
        for (JsonNode l : d.get("links")) assertTrue(members.contains(l.get("a").asText()) && members.contains(l.get("b").asText()),
                "a link inside the story: " + l);
        Set<String> groups = new HashSet<>();
        for (JsonNode g : d.get("quote_groups")) groups.add(g.get("id").asText());
        assertFalse(groups.isEmpty(), "the quote worded two ways is a group");
        for (JsonNode q : d.get("quotes")) {
            assertTrue(members.contains(q.get("article").asText()));
            if (!q.get("group").isNull()) assertTrue(groups.contains(q.get("group").asText()), "each quote's group is sent with it: " + q);
        }
        JsonNode a = json(get("/api/articles/000_8fce433b631a5525"));
        assertEquals(id, a.get("story").asText());
        assertTrue(a.get("text").asText().contains("Kadhimi"));
        String entity = null;
        for (JsonNode e : d.get("entities")) {
            for (JsonNode v : e.get("variants")) if (v.get("text").asText().contains("Kazemi")) entity = e.get("id").asText();
        }
        assertNotNull(entity, "Kazemi is a spelling of an entity of the story");
        JsonNode e = json(get("/api/entities/" + entity));
        Set<String> spellings = new HashSet<>();
        for (JsonNode v : e.get("entity").get("variants")) spellings.add(v.get("text").asText());
        assertTrue(spellings.stream().anyMatch(s -> s.contains("Kadhimi")) && spellings.stream().anyMatch(s -> s.contains("Kazemi")),
                spellings.toString());
        assertTrue(e.get("stories").toString().contains(id));
        // the pronouns that stand for the Prime Minister ("during this visit he said") come with him, and his page lists them
        Set<String> pronouns = new HashSet<>();
        for (JsonNode r : e.get("entity").get("references")) pronouns.add(r.get("text").asText().toLowerCase(Locale.ROOT));
        assertTrue(pronouns.contains("he") && pronouns.contains("his"), pronouns.toString());
        String page = get("/entities/" + entity).body();
        assertTrue(page.contains("id=\"references\"") && page.contains(": his"), page);
    }

    @Test
    void errorsAreJsonWithAStatusAndAMessage() throws Exception {
        for (String[] c : new String[][] {{"/api/stories/nope", "404"}, {"/api/articles/nope", "404"}, {"/api/entities/nope", "404"},
                {"/api/stories?from=yesterday", "400"}, {"/api/stories?size=0", "400"}, {"/api/stories?page=x", "400"},
                {"/api/stories?from=2020-02-01&to=2020-01-01", "400"}, {"/api/nothing-here", "404"}}) {
            HttpResponse<String> r = get(c[0]);
            assertEquals(Integer.parseInt(c[1]), r.statusCode(), c[0] + " " + r.body());
            JsonNode e = json(r);
            assertEquals(r.statusCode(), e.get("status").asInt());
            assertFalse(e.get("error").asText().isBlank());
            assertFalse(e.get("error").asText().contains("Exception"), e.toString());
        }
        HttpResponse<String> page = get("/stories/nope");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("no story nope"));
    }

    @Test
    void postingArticlesIngestsThemAndAnswersWithTheirStoriesAndLinks() throws Exception {
        String body = "{\"id\": \"posted-basra\", \"title\": \"Basra protesters storm militia offices\", \"outlet\": \"Posted "
                + "Wire\", \"published\": \"2020-08-25\", "
                + "\"text\": \"" + seedText() + "\"}\n{\"title\": \"no text\"}\n";
        HttpResponse<String> r = post("/articles", "application/x-ndjson", body, null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode out = json(r);
        assertEquals(1, out.get("added").asInt());
        assertEquals(1, out.get("rejected").size(), "the record without text is rejected with its reason: " + out);
        JsonNode art = out.get("articles").get(0);
        assertEquals("posted-basra", art.get("id").asText());
        assertFalse(art.get("links").isEmpty(), "it shares passages with the report it copies");
        assertEquals(seedStory(), art.get("story").asText(), "it joins the story of the report it copies");
        // durable and analysed: the article and its story are there
        assertEquals(200, get("/api/articles/posted-basra").statusCode());
        // placed into the stored stories, not grouped again; the story's element and its row both count it
        assertTrue(get("/metrics").body().contains("storytrace_regroupings_total 0"), "a post is placed, not regrouped");
        JsonNode story = json(get("/api/stories/" + seedStory()));
        List<String> members = new ArrayList<>();
        for (JsonNode m : story.get("story").get("articles")) members.add(m.asText());
        assertTrue(members.contains("posted-basra"), members.toString());
        assertEquals(members.size(), story.get("row").get("articles").asInt(), "the filter row follows the element");
        assertTrue(story.get("row").get("outlets").toString().contains("Posted Wire") || story.get("row").get("outlets").toString()
                .contains("posted"),
                "the new outlet is listed: " + story.get("row"));
        // the same article again adds nothing
        JsonNode again = json(post("/articles", "application/x-ndjson", body, null));
        assertEquals(0, again.get("added").asInt());
        // JSON is read as a JSON file given to analyze: here an API response wrapping its articles
        String wrapped = "{\"status\": \"ok\", \"articles\": [{\"id\": \"posted-wrapped\", \"headline\": \"Offices stormed\", "
                + "\"content\": \"" + seedText() + " Officials later said the offices were closed.\"}, {\"title\": \"no text\"}]}";
        JsonNode w = json(post("/articles", "application/json", wrapped, null));
        assertEquals(1, w.get("added").asInt(), w.toString());
        assertEquals("posted-wrapped", w.get("articles").get(0).get("id").asText(), w.toString());
        assertEquals("element 2", w.get("rejected").get(0).get("position").asText(), w.toString());
        // and CSV with a header row, as a .csv file given to analyze
        String csv = "headline,content,publication\r\nOffices closed,\"" + seedText().replace("\"", "\"\"")
                + " The offices stayed shut on Monday.\",Posted Wire\r\n";
        JsonNode fromCsv = json(post("/articles", "text/csv; charset=utf-8", csv, null));
        assertEquals(1, fromCsv.get("added").asInt(), fromCsv.toString());
        // and a ZIP of pages, each file named by its path in the archive
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zipped)) {
            z.putNextEntry(new ZipEntry("wire/offices-reopen.txt"));
            z.write(("Offices reopen\n\n" + JSON.readTree("\"" + seedText() + "\"").asText() + " They reopened on Tuesday.\n")
                    .getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("wire/photo.jpg"));
            z.write(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1});
        }
        HttpRequest zipPost = HttpRequest.newBuilder(URI.create(base + "/articles")).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())).build();
        JsonNode fromZip = JSON.readTree(HTTP.send(zipPost, HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(1, fromZip.get("added").asInt(), fromZip.toString());
        assertEquals("offices-reopen", fromZip.get("articles").get(0).get("id").asText(), fromZip.toString());
        assertEquals("wire/photo.jpg", fromZip.get("rejected").get(0).get("entry").asText(), fromZip.toString());
        // and Parquet, as a dataset export writes it (here by DuckDB)
        Path pq = tmp.resolve("posted.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 'posted-parquet' AS id, 'Offices shut' AS title, '" + JSON.readTree("\"" + seedText() + "\"").asText()
                    .replace("'", "''") + " They stayed shut all week.' AS content) TO '" + pq + "' (FORMAT parquet)");
        }
        HttpRequest pqPost = HttpRequest.newBuilder(URI.create(base + "/articles")).header("Content-Type", "application/vnd.apache.parquet")
                .POST(HttpRequest.BodyPublishers.ofFile(pq)).build();
        JsonNode fromParquet = JSON.readTree(HTTP.send(pqPost, HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("posted-parquet", fromParquet.get("articles").get(0).get("id").asText(), fromParquet.toString());
        // bad bodies are refused with the reason
        assertEquals(415, post("/articles", "text/plain", body, null).statusCode());
        HttpResponse<String> notJson = post("/articles", "application/json", "{not json", null);
        assertEquals(400, notJson.statusCode());
        assertTrue(json(notJson).get("error").asText().contains("not JSON"));
        assertEquals(400, post("/articles", "application/x-ndjson", "", null).statusCode());
        HttpResponse<String> allBad = post("/articles", "application/x-ndjson", "{\"title\": \"t\"}\n", null);
        assertEquals(422, allBad.statusCode(), allBad.body());
    }

    private static String seedText() throws Exception {
        JsonNode a = json(get("/api/articles/002_e924190dd1f865ae"));
        String t = a.get("text").asText();
        int s = a.get("article").get("body_start").asInt(), e = a.get("article").get("body_end").asInt();
        // most of the report, then words of our own: a reprint that is no exact copy
        String body = t.substring(s, s + (e - s) * 2 / 3)
                + " Residents of Basra told Posted Wire that the offices stayed closed the next day.";
        return JSON.writeValueAsString(body).replaceAll("^\"|\"$", "");
    }

    @Test
    void healthMetricsAndTheOpenApiDocument() throws Exception {
        JsonNode h = json(get("/health"));
        assertEquals("ok", h.get("status").asText());
        assertTrue(h.get("articles").asInt() >= 10);
        get("/api/stories");
        HttpResponse<String> m = get("/metrics");
        assertEquals(200, m.statusCode());
        assertTrue(m.body().contains("storytrace_articles ") && m.body()
                .contains("storytrace_http_requests_total{method=\"GET\",route=\"/api/stories\",status=\"200\"}"),
                m.body());
        JsonNode api = json(get("/openapi.json"));
        assertEquals("3.0.3", api.get("openapi").asText());
        for (String p : List.of("/api/stories", "/api/stories/{id}", "/api/articles/{id}", "/api/entities/{id}", "/articles", "/health",
                "/metrics")) {
            assertTrue(api.get("paths").has(p), p);
        }
    }

    @Test
    void aStoryWithoutAHeadlineIsListedAndShownByItsOpeningWords() throws Exception {
        // the seed 004 is a text file with no headline: a story of its own
        String id = json(get("/api/articles/004_ca2751fdbdb9890e")).path("story").asText();
        assertFalse(id.isEmpty());
        String lead = "<i>Major protests against Iran’s interference in Iraq and its government at the beginning of…</i>";
        String list = get("/?size=100").body();
        assertTrue(list.contains("href=\"/stories/" + id + "\">" + lead + "</a>"), list);
        assertTrue(get("/stories/" + id).body().contains("<h1 id=\"story-title\">" + lead + "</h1>"));
        assertTrue(get("/articles/004_ca2751fdbdb9890e").body().contains("<h1 id=\"article-title\">" + lead + "</h1>"));
    }

    @Test
    void anArticleWithoutAnOutletGoesByTheSourceItCredits() throws Exception {
        // 000 ends "Source » ncr-iran", 002 with "Reporting by PMOI/MEK"; 003 credits none and goes by its id
        String page = get("/stories/" + seedStory()).body();
        String timeline = page.substring(page.indexOf("<section id=\"timeline\">"), page.indexOf("<section id=\"reuse\">"));
        assertTrue(timeline.contains(">PMOI/MEK</text>"), timeline);
        assertFalse(timeline.contains(">002_e924190dd1f865ae</text>"), timeline);
        // an article that names no outlet is not counted as an outlet of its own
        // (003 only: the other tests post articles with outlets into this story)
        assertTrue(page.matches("(?s).*<p class=\"meta\">\\d+ articles from \\d+ outlets, 1 of unknown outlet, .*"),
                page.substring(0, 600));
        // the list, its outlet filter and its outlet menu go by the same credited outlets as the page
        JsonNode found = json(get("/api/stories?outlet=" + URLEncoder.encode("PMOI/MEK", StandardCharsets.UTF_8)));
        assertTrue(found.get("stories").toString().contains("\"" + seedStory() + "\""), found.toString());
        assertTrue(found.get("stories").get(0).get("outlets").toString().contains("ncr-iran"), found.toString());
        assertTrue(get("/").body().contains("<option value=\"ncr-iran\""), "the outlet menu");
    }

    @Test
    void pagesCarryTheSecurityHeadersAndEscapeWhatTheyShow() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        HttpResponse<String> search = get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertFalse(search.body().contains("<script>alert(1)"), "the query is escaped where the form shows it");
        assertTrue(search.body().contains("&lt;script&gt;alert(1)"));
    }

    @Test
    void aServerStoppedWhileItRestoresGivesUpAtTheNextBatch() throws Exception {
        // a store written by the fast tier: the deep tier's article stages run on each article as the server restores it
        String store = tmp.resolve("restore-stop").toString();
        try (Archive a = Archive.open(store, null, Engine.builder(EngineSettings.builder().threads(2).build()), null)) {
            a.ingest(List.of("../examples/corpus", TestCorpora.root().resolve("seeds").toString()), null);
            a.analyse();
        }
        // one batch holds every article: the stop comes inside it (Engine.stop), not between two
        StoryServer slow = StoryServer.open(store, null, Engine.builder(EngineSettings.builder().threads(2).build()).deepTier(),
                StoryServer.Config.local(0));
        slow.start();
        long until = System.nanoTime() + 60_000_000_000L; // a guard against a hang, not a measure of speed
        while (slow.loading() == null || !slow.loading().startsWith("restoring")) {
            assertTrue(System.nanoTime() < until, "the restore was never seen running");
            Thread.sleep(1);
        }
        slow.close(); // SIGTERM's path: it waited for the whole restore (two minutes on a store of 100,000 articles)
        assertTrue(slow.restoreStopped(), "the restore gave up");
        try (StoryServer again = StoryServer.open(store, null, engine(), StoryServer.Config.local(0))) {
            again.start();
            again.awaitReady(); // nothing of the stopped restore stays behind
        }
    }

    @Test
    void aServerFindingTheAnalysisBehindPlacesTheArticlesItLacksIntoTheStoredStories() throws Exception {
        // the seeds stored after the example's analysis was saved, and no analysis of them: a run killed before it saved
        String store = tmp.resolve("behind").toString();
        Map<String, String> example = new HashMap<>();
        try (Archive a = Archive.open(store, null, engine(), null)) {
            a.ingest(List.of("../examples/corpus"), null);
            for (Story st : a.analyse().stories()) for (String id : st.articles()) example.put(id, st.id());
            assertEquals(5, a.ingest(List.of(TestCorpora.root().resolve("seeds").toString()), null).added());
            assertFalse(a.analysisCurrent());
        }
        try (StoryServer behind = StoryServer.open(store, null, engine(), StoryServer.Config.local(0))) {
            behind.start();
            behind.awaitReady();
        }
        try (Archive a = Archive.open(store, null, engine(), null)) {
            assertTrue(a.analysisCurrent());
            assertEquals(5, a.store().placedSinceGrouping(), "the five seeds placed, not everything grouped again");
            // the example's stories as they were; the seeds' three reports of one event in one story
            for (Map.Entry<String, String> e : example.entrySet()) assertEquals(e.getValue(), a.store().storyOf(e.getKey()).orElseThrow());
            String one = a.store().storyOf("000_8fce433b631a5525").orElseThrow();
            assertEquals(one, a.store().storyOf("002_e924190dd1f865ae").orElseThrow());
            assertEquals(one, a.store().storyOf("003_a823ca92ff81a94e").orElseThrow());
        }
    }

    @Test
    void aPostThatOutwaitsItsAnalysisIsAcceptedAndItsStoryComesLater() throws Exception {
        try (StoryServer quick = StoryServer.open(tmp.resolve("quick").toString(), null, Engine.builder(EngineSettings.builder().threads(2)
                .build()),
                new StoryServer.Config("127.0.0.1", 0, null, 1 << 20, Duration.ZERO))) {
            String url = "http://127.0.0.1:" + quick.start();
            quick.awaitReady();
            String body = "{\"id\": \"later\", \"title\": \"A\", \"text\": \"Some words about a port strike in Valmora that "
                    + "went on for days and days.\"}\n";
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/articles")).header("Content-Type",
                    "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode out = JSON.readTree(r.body());
            assertEquals(1, out.get("added").asInt(), r.body());
            if (r.statusCode() == 202) assertEquals("pending", out.get("analysis").asText());
            else assertEquals(200, r.statusCode(), r.body());
            String story = null;
            for (int i = 0; i < 500 && story == null; i++) {
                HttpResponse<String> a = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/articles/later")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (a.statusCode() == 200 && !JSON.readTree(a.body()).get("story").isNull()) story = JSON.readTree(a.body()).get("story")
                        .asText();
                else Thread.sleep(20);
            }
            assertNotNull(story, "the analysis lands and gives the article its story");
        }
    }

    @Test
    void writesNeedTheTokenAndOtherAddressesNeedOne() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoryServer.open(tmp.resolve("other").toString(), null, engine(), new StoryServer.Config("0.0.0.0", 0, null, 1000)));
        assertTrue(e.getMessage().contains("--token"), e.getMessage());
        String store = tmp.resolve("guarded").toString();
        try (StoryServer guarded = StoryServer.open(store, null, Engine.builder(EngineSettings.builder().threads(2).build()),
                new StoryServer.Config("127.0.0.1", 0, "s3cret", 2000))) {
            String url = "http://127.0.0.1:" + guarded.start() + "/articles";
            guarded.awaitReady();
            String body = "{\"title\": \"A\", \"text\": \"Some words about a port strike in Valmora that went on for days.\"}\n";
            HttpResponse<String> no = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, no.statusCode());
            assertTrue(JSON.readTree(no.body()).get("error").asText().contains("Authorization: Bearer"));
            HttpResponse<String> yes = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-ndjson")
                    .header("Authorization", "Bearer s3cret").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, yes.statusCode(), yes.body());
            HttpResponse<String> big = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-ndjson")
                    .header("Authorization", "Bearer s3cret").POST(HttpRequest.BodyPublishers.ofString(body.repeat(40))).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(413, big.statusCode(), big.body());
            assertTrue(JSON.readTree(big.body()).get("error").asText().contains("limit"));
        }
    }
}
