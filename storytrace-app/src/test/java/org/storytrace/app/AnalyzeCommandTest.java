package org.storytrace.app;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.pipeline.StoryGrouper;
import org.storytrace.nlp.ner.NameFinder;
import picocli.CommandLine;

/** The analyze command end to end on the bundled example corpus, as a newcomer runs it. */
class AnalyzeCommandTest {
    @TempDir Path tmp;

    private int run(String... args) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream()));
        try {
            return Main.commandLine().execute(args);
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void theResultsDoNotDependOnTheThreadCount() throws Exception {
        // the seeds and the example together, lexical evidence only (the thread count is what varies)
        Path one = tmp.resolve("one"), four = tmp.resolve("four");
        assertEquals(0, run("analyze", "../examples/corpus", "../../shared/corpora/seeds", "--no-embeddings", "--threads", "1", "--out",
                one.toString()));
        assertEquals(0, run("analyze", "../examples/corpus", "../../shared/corpora/seeds", "--no-embeddings", "--threads", "4", "--out",
                four.toString()));
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(one.resolve("stories.json").toFile()), b = json.readTree(four.resolve("stories.json").toFile());
        assertEquals(10, a.get("articles").size());
        assertEquals(a.get("stories"), b.get("stories"));
        assertEquals(a.get("links"), b.get("links"));
        assertEquals(a.get("articles"), b.get("articles"));
        assertEquals(2, run("analyze", "../examples/corpus", "--threads", "0", "--out", tmp.resolve("zero").toString()),
                "--threads 0 is refused");
    }

    @Test
    void oneStoryMakesEveryInputOneStoryWithASummaryAcrossThem() throws Exception {
        // three reports of one (made-up) earthquake in three styles, which the story stage alone keeps apart
        Path grouped = tmp.resolve("grouped"), one = tmp.resolve("one");
        assertEquals(0, run("analyze", "../testdata/summaries/quake/docs", "--no-embeddings", "--out", grouped.toString()));
        assertEquals(0, run("analyze", "../testdata/summaries/quake/docs", "--no-embeddings", "--one-story", "--out", one.toString()));
        ObjectMapper json = new ObjectMapper();
        JsonNode g = json.readTree(grouped.resolve("stories.json").toFile()), o = json.readTree(one.resolve("stories.json").toFile());
        assertTrue(g.get("stories").size() > 1, g.get("stories").toString());
        assertFalse(g.get("provenance").get("settings").get("one_story").asBoolean());
        assertEquals(1, o.get("stories").size(), o.get("stories").toString());
        assertEquals(3, o.get("stories").get(0).get("articles").size());
        assertEquals(1, o.get("topics").size());
        assertTrue(o.get("provenance").get("settings").get("one_story").asBoolean());
        List<String> cited = new ArrayList<>();
        for (JsonNode line : o.get("stories").get(0).get("summary").get("sentences")) {
            for (JsonNode c : line.get("citations")) if (!cited.contains(c.get("article").asText())) cited.add(c.get("article").asText());
        }
        assertTrue(cited.size() >= 2, "the summary draws on several of the reports: " + o.get("stories").get(0).get("summary"));
    }

    @Test
    void theBundledCorpusGivesItsStoriesLinksAndAReport() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, run("analyze", "../examples/corpus", "--out", out.toString()));
        JsonNode j = new ObjectMapper().readTree(out.resolve("stories.json").toFile());
        assertEquals(5, j.get("articles").size());
        assertEquals("2.5", j.get("storytrace").asText());
        assertTrue(j.get("provenance").get("stages").get(0).asText().startsWith("sentences"), j.get("provenance").toString());
        assertEquals(StoryGrouper.Settings.defaults().storyThreshold(), j.get("provenance").get("settings")
                .get("grouper").get("story_threshold").asDouble());
        for (JsonNode art : j.get("articles")) {
            JsonNode s = art.get("sentences");
            assertTrue(s.size() > 2, art.get("id") + " has sentences");
            assertTrue(s.get(0).get(0).asInt() >= art.get("body_start").asInt() && s.get(s.size() - 1).get(1).asInt() <= art.get("body_end")
                    .asInt());
            assertTrue(art.has("time_anchor") && art.get("timex").isArray(), art.get("id") + " has its time expressions");
            for (JsonNode t : art.get("timex")) {
                assertTrue(t.get("start").asInt() >= art.get("body_start").asInt() && t.get("end").asInt() <= art.get("body_end").asInt(),
                        t.toString());
            }
        }
        int dated = 0;
        for (JsonNode art : j.get("articles")) for (JsonNode t : art.get("timex")) if (t.get("value").asText("")
                .matches("\\d{4}-\\d{2}-\\d{2}")) dated++;
        assertTrue(dated > 0, "the bundled reports name days");
        assertTrue(j.get("stories").get(0).get("timeline").isArray());
        List<List<String>> stories = new ArrayList<>();
        for (JsonNode s : j.get("stories")) {
            List<String> ids = new ArrayList<>();
            s.get("articles").forEach(a -> ids.add(a.asText()));
            stories.add(ids);
        }
        assertTrue(stories.contains(List.of("valmora-port-strike-reprint", "valmora-port-strike-rewrite", "valmora-port-strike-wire")),
                stories.toString());
        assertTrue(stories.contains(List.of("valmora-port-talks")), stories.toString());
        assertTrue(stories.contains(List.of("valmora-bridge-closure")), stories.toString());
        // the deep tier: one entity for every spelling of the union leader, one group for his quote as two outlets print it
        JsonNode haddad = null;
        for (JsonNode e : j.get("entities")) for (JsonNode v : e.get("variants")) if (v.get("text").asText()
                .equals("Yusuf Haddad")) haddad = e;
        assertNotNull(haddad, "the rewrite's spelling is found");
        List<String> spellings = new ArrayList<>();
        haddad.get("variants").forEach(v -> spellings.add(v.get("text").asText()));
        assertTrue(spellings.containsAll(List.of("Youssef Haddad", "Yusuf Haddad", "Youssef Hadad")), spellings.toString());
        assertEquals("PERSON", haddad.get("type").asText());
        JsonNode strike = null;
        for (JsonNode s : j.get("stories")) if (s.get("articles").size() == 3) strike = s;
        List<String> storyEntities = new ArrayList<>();
        strike.get("entities").forEach(e -> storyEntities.add(e.asText()));
        assertTrue(storyEntities.contains(haddad.get("id").asText()), "the story lists its entities");
        assertEquals(1, j.get("quote_groups").size(), j.get("quote_groups").toString());
        JsonNode group = j.get("quote_groups").get(0);
        assertEquals(2, group.get("quotes").size());
        for (JsonNode q : j.get("quotes")) {
            if (!group.get("id").asText().equals(q.path("group").asText())) continue;
            assertEquals(haddad.get("id").asText(), q.get("speaker").get("entity").asText(), "the quote's speaker is the entity");
            assertTrue(q.get("text").asText().startsWith("We are not asking for favours"), q.toString());
        }
        JsonNode link = j.get("links").get(0);
        assertEquals(1, j.get("links").size());
        String wire = Files.readString(Path.of("../examples/corpus/valmora-port-strike-wire.txt"));
        String reprint = Files.readString(Path.of("../examples/corpus/valmora-port-strike-reprint.txt"));
        JsonNode p = link.get("passages").get(0);
        // passage offsets point at the same words in both files
        String a = reprint.substring(p.get("a_start").asInt(), p.get("a_end").asInt());
        String b = wire.substring(p.get("b_start").asInt(), p.get("b_end").asInt());
        assertTrue(a.startsWith("Thousands of dockworkers") && b.startsWith("Thousands of dockworkers"), a + " | " + b);
        assertTrue(link.get("reused_share_a").asDouble() > 0.5);
        String front = Files.readString(out.resolve("report.html"));
        String storyId = null;
        for (JsonNode s : j.get("stories")) if (s.get("articles").size() == 3) storyId = s.get("id").asText();
        assertTrue(front.contains("href=\"stories/" + storyId + ".html\""), "the front page links the strike story's page");
        String page = Files.readString(out.resolve("stories").resolve(storyId + ".html"));
        assertTrue(page.contains("<mark>Thousands of dockworkers"), "the story page shows the shared passage");
        assertEquals(0, Files.size(out.resolve("rejected.jsonl")));
    }

    @Test
    void timingsSayHowManySentencesTheNameModelMetAgain() throws Exception {
        // a wire story and a reprint of it under another headline: the reprint's sentences are not read by the CRF again
        Path in = Files.createDirectories(tmp.resolve("in"));
        String wire = Files.readString(Path.of("../examples/corpus/valmora-port-strike-wire.txt"));
        Files.writeString(in.resolve("wire.txt"), wire);
        Files.writeString(in.resolve("reprint.txt"), "Port strike leaves forty ships waiting off Valmora\n\n"
                + wire.substring(wire.indexOf("\n\n") + 2) + "\n\nThis story was first published by the Valmora wire service.\n");
        long before = NameFinder.sentencesRemembered();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // one thread: the two articles read one after the other (on two, both may be read at once, before either is remembered)
            assertEquals(0, run("analyze", in.toString(), "--no-embeddings", "--threads", "1", "--timings", "--out",
                    tmp.resolve("t").toString()));
        } finally {
            System.setErr(err);
        }
        assertTrue(NameFinder.sentencesRemembered() - before >= 8, "the reprint's sentences come from the memo: "
                + (NameFinder.sentencesRemembered() - before));
        String said = captured.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("timings: names: (\\d+) of (\\d+) sentences read before").matcher(said);
        assertTrue(m.find(), said);
        assertTrue(Long.parseLong(m.group(1)) > 0 && Long.parseLong(m.group(1)) <= Long.parseLong(m.group(2)), m.group());
    }

    @Test
    void badInputIsListedTheRunGoesOnAndTheExitCodeSaysSo() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(Path.of("../examples/corpus/valmora-port-talks.txt"), in.resolve("talks.txt"));
        Files.write(in.resolve("photo.html"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F',
                0});
        Path out = tmp.resolve("out");
        assertEquals(Main.EXIT_REJECTED, run("analyze", in.toString(), "--out", out.toString(), "--no-embeddings"));
        List<String> rejected = Files.readAllLines(out.resolve("rejected.jsonl"));
        assertEquals(1, rejected.size());
        JsonNode r = new ObjectMapper().readTree(rejected.get(0));
        assertTrue(r.get("path").asText().endsWith("photo.html"));
        assertTrue(r.get("reason").asText().contains("binary"));
        JsonNode j = new ObjectMapper().readTree(out.resolve("stories.json").toFile());
        assertEquals("talks", j.get("articles").get(0).get("id").asText());
    }

    @Test
    void theSeedsStoryPageOpensWithItsDiscrepanciesAndEachValueLinksToItsWordsInItsArticle() throws Exception {
        Path out = tmp.resolve("seeds");
        assertEquals(0, run("analyze", TestCorpora.root().resolve("seeds").toString(), "--no-embeddings", "--out",
                out.toString()));
        JsonNode j = new ObjectMapper().readTree(out.resolve("stories.json").toFile());
        String story = null;
        for (JsonNode s : j.get("stories")) if (s.get("discrepancies").size() > 0) story = s.get("id").asText();
        assertNotNull(story, "the seeds have a story with discrepancies");
        String page = Files.readString(out.resolve("stories").resolve(story + ".html"));
        assertTrue(page.indexOf("discrepancies</h2>") < page.indexOf("<h2>Summary</h2>"), "discrepancies first, then the summary");
        Matcher m = Pattern.compile("href=\"#(ev-[^\"]+)\"").matcher(page);
        int links = 0;
        while (m.find()) {
            links++;
            assertTrue(page.contains("<mark id=\"" + m.group(1) + "\">"), "the evidence link " + m.group(1) + " lands on marked words");
        }
        assertTrue(links >= 6, "every value of the three discrepancies links to its evidence: " + links);
        // the entity table counts the pronouns that refer to each entity in the story (the Prime Minister's he and his)
        Matcher row = Pattern.compile("<tr><td><b>Mustafa Al-Kadhimi</b>.*?</td><td>person</td><td>(\\d+)</td><td>(\\d+)</td>")
                .matcher(page);
        assertTrue(row.find(), "the Prime Minister has a row");
        assertTrue(Integer.parseInt(row.group(2)) >= 2, "his pronouns are counted: " + row.group());
    }

    @Test
    void aPlaceTwoStoriesOfATopicDisagreeOnIsListedInBothWithTheirIds() throws Exception {
        // three reports of one protest; the one-sentence brief is grouped as a story of its own and puts the city elsewhere
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("iraq-news.txt"), "Protesters storm militia offices in Karbala\n\nBAGHDAD, May 8, 2021 \u2014 "
                + "Protesters stormed militia offices in Karbala, southern Iraq, on Friday after the killing of a local activist. Police "
                + "in Iraq said the crowd dispersed before midnight. Officials in Iraq called for calm.\n");
        Files.writeString(in.resolve("gulf-daily.txt"), "Anger in Karbala after activist killed\n\nBAGHDAD, May 8, 2021 \u2014 Crowds "
                + "stormed militia offices in Karbala on Friday, police said, hours after a well-known activist was shot dead. The "
                + "protests in Iraq spread to two other cities. Leaders in Iraq met late into the night.\n");
        Files.writeString(in.resolve("world-post.txt"), "Militia offices stormed\n\nMay 9, 2021 \u2014 Protesters in the city of "
                + "Karbala, western Iran, stormed militia offices on Friday after the killing of an activist, according to witnesses.\n");
        Path out = tmp.resolve("out");
        assertEquals(0, run("analyze", in.toString(), "--no-embeddings", "--out", out.toString()));
        JsonNode j = new ObjectMapper().readTree(out.resolve("stories.json").toFile());
        assertEquals(2, j.get("stories").size(), "the brief is a story of its own (else this test no longer tests what it says)");
        List<JsonNode> listed = new ArrayList<>();
        for (JsonNode st : j.get("stories")) {
            for (JsonNode d : st.get("discrepancies")) if (d.get("kind").asText().equals("place")) listed.add(d);
        }
        assertFalse(listed.isEmpty(), j.get("stories").toString());
        assertEquals(j.get("stories").size(), listed.size(), "listed in every story holding a value: " + j.get("stories"));
        JsonNode d = listed.get(0);
        assertEquals("country of Karbala", d.get("fact").asText());
        assertEquals(2, d.get("stories").size(), d.toString());
        assertEquals("Iraq", d.get("values").get(0).get("value").asText());
        assertEquals("Iran", d.get("values").get(1).get("value").asText());
        assertEquals("world-post", d.get("values").get(1).get("articles").get(0).asText());
    }
}
