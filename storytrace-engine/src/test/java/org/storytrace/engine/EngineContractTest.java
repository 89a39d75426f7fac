package org.storytrace.engine;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.doc.ArticleStage;
import org.storytrace.core.doc.Codec;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.doc.Sentences;
import org.storytrace.core.doc.StageFailure;
import org.storytrace.core.doc.StoryStage;
import org.storytrace.core.doc.StoryView;
import org.storytrace.core.doc.TokenLayer;
import org.storytrace.core.model.Analysis;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Story;
import org.storytrace.core.pipeline.StoryGrouper;
import org.storytrace.engine.internal.FoundLinks;
import org.storytrace.engine.output.StoriesJson;

/**
 * The properties every run of the engine keeps, on real text (the seeds, the bundled example, news-pool
 * articles): the same input gives the same output, one thread equals four, adding A then B equals adding
 * both at once, and every layer's offsets stay inside the text and never go backwards.
 */
class EngineContractTest {
    @TempDir Path tmp;

    private static final Path EXAMPLE = Path.of("../examples/corpus");

    private static List<String> inputs() { return List.of(EXAMPLE.toString(), TestCorpora.root().resolve("seeds").toString()); }

    private static String json(Results r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StoriesJson.write(r, out);
        // the provenance block names the thread count and batch size; everything else must not depend on them
        return out.toString(StandardCharsets.UTF_8)
                .replaceAll("(?s)\"provenance\" : \\{.*?\"models\" : \\[[^\\]]*\\]\\s*}", "");
    }

    private static String run(int threads, List<List<String>> rounds) throws Exception { return run(threads, 3, rounds); }

    private static String run(int threads, int batch, List<List<String>> rounds) throws Exception {
        try (Engine e = Engine.builder(EngineSettings.builder().threads(threads).batch(batch).build()).build()) {
            for (List<String> in : rounds) e.ingest(in, null);
            return json(e.results());
        }
    }

    @Test
    void theSameInputGivesTheSameOutputOnAnyThreadCount() throws Exception {
        String one = run(1, List.of(inputs()));
        assertEquals(one, run(1, List.of(inputs())), "run twice");
        assertEquals(one, run(4, List.of(inputs())), "1 thread equals 4");
        assertTrue(one.contains("\"sentences\""), "the sentence layer is written");
    }

    @Test
    void fingerprintsMadeAgainFromTheStoredTextLinkAsThoseAtHand() throws Exception {
        // one batch: every candidate is one of the batch's own fingerprints, in memory; batches of one: every candidate is
        // an earlier article, whose fingerprint the engine makes again from its stored (deflated) text
        String atHand = run(2, 10_000, List.of(inputs()));
        assertEquals(atHand, run(2, 1, List.of(inputs())));
        assertTrue(atHand.contains("\"passages\""), "the seeds' reprints are linked with their passages");
    }

    @Test
    void storyTermsReadBackOrMadeAgainAndDocumentsPackedOrNotGiveTheSameOutput() throws Exception {
        // all of the articles' story terms kept in the work folder, none (made again from the stored text), or the first
        // few; profiles in a work file; a first round placed into the stories of the one before, then regrouped
        List<String> in = inputs();
        String all = null;
        int n = 0;
        for (long budget : new long[] {Long.MAX_VALUE, 0, 9_000}) {
            try (Engine e = Engine.builder(EngineSettings.builder().threads(2).batch(1).profilesInMemory(0).build()).build()) {
                // and documents stored as they are, deflated, or the first few as they are
                e.workBudgets(budget, budget);
                e.ingest(in.subList(0, 1), null);
                e.results();
                e.ingest(in.subList(1, in.size()), null);
                String placed = json(e.results());
                n = e.size();
                if (budget == Long.MAX_VALUE) {
                    assertEquals(n, e.termsKept(), "every article's terms kept");
                    all = placed;
                } else {
                    if (budget == 0) assertEquals(0, e.termsKept());
                    else assertTrue(e.termsKept() > 0 && e.termsKept() < n, "the first few kept: " + e.termsKept());
                    assertEquals(all, placed, "budget " + budget);
                }
            }
        }
        assertTrue(n >= 10 && all.contains("\"stories\""));
    }

    /** An engine's documents as a store keeps them, with the links each brought (by id) as {@link Engine.Builder#onLinked} gave them. */
    private record Kept(List<byte[]> docs, Map<String, byte[]> links, List<Link> linked, List<Story> stories) {}

    /** A sink for {@link Engine.Builder#onLinked} that keeps each article's links in {@code byId}, as a store keeps them. */
    private static Consumer<Engine.Linked> keepingIn(Map<String, byte[]> byId) {
        return l -> {
            for (int k = 0; k < l.ids().size(); k++) byId.put(l.ids().get(k), l.links().get(k));
        };
    }

    private static EngineSettings restoring() { return EngineSettings.builder().threads(2).batch(3).build(); }

    /** What an engine restoring {@code docs} with {@code links} (by id) has, and how many articles it linked again. */
    private static Kept restore(List<byte[]> docs, Map<String, byte[]> links) {
        Map<String, byte[]> again = new HashMap<>();
        try (Engine e = Engine.builder(restoring()).onLinked(keepingIn(again)).build()) {
            List<Document> restored = new ArrayList<>();
            for (byte[] d : docs) restored.add(e.decode(d, links.get(e.decodeArticle(d).id())));
            // in several calls, as a store hands them over
            for (int i = 0; i < restored.size(); i += 7) e.restore(restored.subList(i, Math.min(restored.size(), i + 7)));
            Results r = e.results();
            return new Kept(docs, again, r.links(), r.stories());
        }
    }

    @Test
    void aRestoreWithTheLinksEachArticleBroughtEqualsOneThatLinksAgain() throws Exception {
        List<byte[]> docs = new ArrayList<>();
        Map<String, byte[]> links = new HashMap<>();
        Kept read;
        try (Engine e = Engine.builder(restoring()).onStored(st -> docs.addAll(st.encoded())).onLinked(keepingIn(links)).build()) {
            e.ingest(inputs(), null);
            Results r = e.results();
            read = new Kept(docs, links, r.links(), r.stories());
        }
        assertEquals(docs.size(), links.size(), "every article's links are handed over");
        assertTrue(read.linked().size() >= 2, "reprints are linked: " + read.linked().size());

        Kept withLinks = restore(docs, links);
        assertEquals(read.linked(), withLinks.linked());
        assertEquals(read.stories(), withLinks.stories());
        assertTrue(withLinks.links().isEmpty(), "nothing linked again: " + withLinks.links().keySet());

        Kept without = restore(docs, Map.of());
        assertEquals(read.linked(), without.linked());
        assertEquals(read.stories(), without.stories());
        assertEquals(links.keySet(), without.links().keySet(), "every article linked again, its links handed over");

        // the kept links are what a restore takes: emptied, no link is left...
        long key = FoundLinks.keyOf(restoring().linker());
        Map<String, byte[]> none = new HashMap<>(), otherKey = new HashMap<>(), half = new HashMap<>();
        int k = 0;
        for (Map.Entry<String, byte[]> x : links.entrySet()) {
            none.put(x.getKey(), new FoundLinks(key, List.of()).encode());
            otherKey.put(x.getKey(), new FoundLinks(key + 1, FoundLinks.decode(x.getValue()).links()).encode());
            // ...and some batches mixing articles with links and without, or with bytes that are not links
            if (k++ % 2 == 0) half.put(x.getKey(), k % 3 == 0 ? new byte[] {1, 2, 3} : x.getValue());
        }
        assertTrue(restore(docs, none).linked().isEmpty());
        // links another linking found are found again; so are those of a batch not every article of which has them
        Kept stale = restore(docs, otherKey);
        assertEquals(read.linked(), stale.linked());
        assertEquals(links.keySet(), stale.links().keySet());
        Kept mixed = restore(docs, half);
        assertEquals(read.linked(), mixed.linked());
        assertFalse(mixed.links().isEmpty());
        assertTrue(mixed.links().size() < links.size(), "batches whose articles all came with links are not linked again");
    }

    @Test
    void articlesAddedAfterARestoreWithoutLinkingMeetTheRestoredOnesAsAfterLinking() throws Exception {
        // each seed in turn comes after a restore of the rest: its reprint, if restored, is found as in one run
        List<Path> seeds;
        try (var files = Files.list(TestCorpora.root().resolve("seeds"))) {
            seeds = files.sorted().toList();
        }
        int crossing = 0;
        for (Path last : seeds) {
            List<String> before = new ArrayList<>(List.of(EXAMPLE.toString()));
            for (Path p : seeds) if (!p.equals(last)) before.add(p.toString());
            List<byte[]> docs = new ArrayList<>();
            Map<String, byte[]> links = new HashMap<>();
            Results once;
            try (Engine e = Engine.builder(restoring()).onStored(st -> docs.addAll(st.encoded())).onLinked(keepingIn(links)).build()) {
                e.ingest(before, null);
                e.results();
                e.ingest(List.of(last.toString()), null);
                once = e.results();
            }
            try (Engine e = Engine.builder(restoring()).build()) {
                List<Document> restored = new ArrayList<>();
                // the documents of the first round only, as a store holds them before the last one comes
                for (byte[] d : docs.subList(0, docs.size() - 1)) restored.add(e.decode(d, links.get(e.decodeArticle(d).id())));
                e.restore(restored);
                e.results();
                e.ingest(List.of(last.toString()), null);
                Results r = e.results();
                assertEquals(once.links(), r.links(), last.toString());
                assertEquals(once.stories(), r.stories(), last.toString());
                String id = e.decodeArticle(docs.get(docs.size() - 1)).id();
                for (Link l : r.links()) if (l.a().equals(id) || l.b().equals(id)) crossing++;
            }
        }
        assertTrue(crossing >= 2, "a seed comes after its restored reprint: " + crossing);
    }

    @Test
    void addingAThenBEqualsAddingBothAtOnce() throws Exception {
        String both = run(2, List.of(inputs()));
        String inTurn = run(2, List.of(List.of(inputs().get(0)), List.of(inputs().get(1))));
        assertEquals(both, inTurn);
        // and reading the same inputs again adds nothing
        assertEquals(both, run(2, List.of(inputs(), inputs())));
    }

    @Test
    void articlesAreListedFromTheirOutlinesExactlyAsFromTheDocuments() throws Exception {
        // the deep tier's stored layers (sentences, names, quotes, time) ride in the outlines too
        try (Engine e = Engine.builder(EngineSettings.builder().threads(2).batch(3).build()).deepTier().build()) {
            e.ingest(inputs(), null);
            Results r = e.results();
            List<String> fromDocuments = new ArrayList<>();
            StoriesJson.elements(r, new StoriesJson.Selection(StoriesJson.Selection.ALL, new BitSet(), new BitSet(),
                    new BitSet(), false), (section, ord, json) -> { if (section.equals("articles")) fromDocuments.add(json); });
            ObjectMapper om = new ObjectMapper();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StoriesJson.write(r, out);
            List<String> fromOutlines = new ArrayList<>();
            for (var a : om.readTree(out.toByteArray()).get("articles")) fromOutlines.add(om.writeValueAsString(a));
            List<String> expected = new ArrayList<>();
            for (String j : fromDocuments) expected.add(om.writeValueAsString(om.readTree(j)));
            assertEquals(10, expected.size());
            assertEquals(expected, fromOutlines);
            assertTrue(expected.stream().anyMatch(j -> j.contains("\"timex\"")), "time expressions are listed");
            // an outline keeps every offset and furniture span, and no words of the text outside them
            int i = 0;
            for (Document o : r.outlines()) {
                Article full = r.document(i++).article(), a = o.article();
                assertEquals(full.text().length(), a.text().length());
                assertEquals(full.boilerplate(), a.boilerplate());
                boolean[] furniture = new boolean[a.text().length()];
                for (var span : a.boilerplate()) for (int k = span.start(); k < span.end(); k++) furniture[k] = true;
                for (int k = 0; k < furniture.length; k++) {
                    if (!furniture[k]) assertEquals(' ', a.text().charAt(k), "outline text at " + k + " of " + a.id());
                }
            }
        }
    }

    @Test
    void aGroupingAdoptedAfterMoreArticlesCameHasTheRestPlacedByTheNextUpdate() throws Exception {
        String seeds = TestCorpora.root().resolve("seeds").toString();
        int[] story, topic;
        try (Engine e = Engine.builder(EngineSettings.builder().threads(2).batch(3).build()).build()) {
            e.ingest(List.of(EXAMPLE.toString()), null);
            Results r = e.results();
            story = new int[r.articleCount()];
            topic = new int[r.articleCount()];
            for (int i = 0; i < r.articleCount(); i++) {
                String id = r.document(i).article().id(), s = r.storyOf(id);
                story[i] = Integer.parseInt(s.substring(1)) - 1;
                for (var st : r.stories()) if (st.id().equals(s)) topic[i] = Integer.parseInt(st.topic().substring(1)) - 1;
            }
        }
        try (Engine e = Engine.builder(EngineSettings.builder().threads(2).batch(3).build()).build()) {
            e.ingest(List.of(EXAMPLE.toString()), null);
            e.ingest(List.of(seeds), null);
            int[] first = story, firstTopics = topic;
            assertThrows(IllegalArgumentException.class, () -> e.adoptGrouping(first, firstTopics),
                    "without a count, the labels must cover every article");
            e.adoptGrouping(story, topic, 2);
            assertEquals(2 + 5, e.placedSinceGrouping(), "the two the grouping had placed and the five waiting to be placed");
            Engine.Update u = e.update();
            assertFalse(u.regrouped());
            assertEquals(story.length, u.firstPlaced());
            Results r = u.results();
            assertEquals(10, r.articleCount());
            String reports = r.storyOf("000_8fce433b631a5525");
            assertEquals(reports, r.storyOf("002_e924190dd1f865ae"), "the seeds' reports of one events are placed together");
            assertEquals(reports, r.storyOf("003_a823ca92ff81a94e"));
            assertEquals(r.storyOf("valmora-port-strike-wire"), r.storyOf("valmora-port-strike-reprint"), "the grouping is kept");
            assertEquals(2, r.links().size(), "the example's link and the seeds' own");
        }
    }

    @Test
    void aSealedEngineGivesWhatAnOpenOneGivesAndRefusesMore() throws Exception {
        String open = run(2, List.of(inputs()));
        try (Engine e = Engine.builder(EngineSettings.builder().threads(2).batch(3).build()).build()) {
            e.ingest(inputs(), null);
            e.seal();
            assertEquals(open, json(e.results()));
            assertEquals(open, json(e.results()), "the cached results stay");
            IllegalStateException x = assertThrows(IllegalStateException.class, () -> e.ingest(inputs(), null));
            assertTrue(x.getMessage().contains("sealed"), x.getMessage());
        }
    }

    @Test
    void profilesKeptOnDiskGiveWhatProfilesOnTheHeapGive() throws Exception {
        String heap;
        try (Engine e = Engine.builder(EngineSettings.builder().threads(2).build()).build()) {
            e.ingest(inputs(), null);
            heap = json(e.results());
        }
        try (Engine e = Engine.builder(EngineSettings.builder().threads(2).profilesInMemory(0).build()).build()) {
            e.ingest(inputs(), null);
            assertEquals(heap, json(e.results()));
        }
    }

    @Test
    void anIndexOnDiskFindsWhatAnIndexOnTheHeapFinds() throws Exception {
        List<Article> more = new ArrayList<>();
        List<String> docs = TestCorpora.newsPool(300);
        for (int i = 0; i < docs.size(); i++) {
            String t = docs.get(i) + (i % 3 == 0 ? "\n\n" + docs.get((i * 7) % docs.size()) : ""); // some reuse between them
            more.add(new Article("m" + i, "news-pool", t, null, null, null, null, null, 0, t.length(), List.of(), "text", "UTF-8", null,
                    null, null));
        }
        String[] got = new String[2];
        for (int k = 0; k < 2; k++) {
            try (Engine e = Engine.builder(EngineSettings.builder().threads(2).indexOnDisk(k == 1).build()).build()) {
                e.ingest(inputs(), null);
                e.results(); // compacts the indexes: the later look-ups read the frozen runs (mapped, the second time)
                e.addAll(more);
                if (k == 1) assertTrue(e.indexMappedBytes() > 0, "the postings are mapped");
                got[k] = json(e.results());
            }
        }
        assertEquals(got[0], got[1]);
    }

    @Test
    void layersStayInsideTheTextAndNeverGoBackwards() throws Exception {
        List<Article> articles = new ArrayList<>();
        List<String> docs = TestCorpora.newsPool(150);
        for (int i = 0; i < docs.size(); i++) {
            String t = docs.get(i);
            articles.add(new Article("n" + i, "news-pool", t, null, null, null, null, null, 0, t.length(), List.of(), "text", "UTF-8", null,
                    null, null));
        }
        try (Engine e = Engine.builder(EngineSettings.builder().threads(2).build()).build()) {
            e.addAll(articles);
            e.ingest(inputs(), null);
            Results r = e.results();
            int checked = 0;
            for (Document d : r.documents()) {
                Article a = d.article();
                Sentences s = d.expect(Layers.SENTENCES);
                TokenLayer t = TokenLayer.of(a);
                int prevEnd = a.bodyStart();
                for (int i = 0; i < s.size(); i++) {
                    assertTrue(s.starts()[i] >= prevEnd && s.ends()[i] > s.starts()[i] && s.ends()[i] <= a.bodyEnd(),
                            a.id() + " sentence " + i + " [" + s.starts()[i] + ", " + s.ends()[i] + ") after " + prevEnd);
                    prevEnd = s.ends()[i];
                    for (int k = s.firstToken()[i]; k < s.endToken()[i]; k++) {
                        assertTrue(t.starts()[k] >= s.starts()[i] && t.ends()[k] <= s.ends()[i], a.id() + ": token " + k
                                + " outside its sentence");
                    }
                    if (i > 0) assertEquals(s.endToken()[i - 1], s.firstToken()[i], a.id() + ": every token in exactly one sentence");
                }
                if (t.size() > 0) assertEquals(t.size(), s.endToken()[s.size() - 1], a.id());
                checked++;
            }
            assertEquals(160, checked);
            // stored layers come back as they went in
            Analysis all = r.toAnalysis();
            assertEquals(160, all.articles().size());
            assertEquals(articles.get(0).text(), all.articles().get(0).text());
        }
    }

    @Test
    void theEngineRefusesStagesWhoseNeedsNoEarlierStageMeets() {
        Layer<String> mentions = Layer.of("mentions", String.class);
        ArticleStage needsMentions = new ArticleStage() {
            @Override public String name() { return "quotes"; }
            @Override public Set<Layer<?>> requires() { return Set.of(Layers.SENTENCES, mentions); }
            @Override public Set<Layer<?>> adds() { return Set.of(Layer.of("quotes", String.class)); }
            @Override public Document apply(Document d) { return d; }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Engine.builder(EngineSettings.defaults()).stage(needsMentions).build());
        assertTrue(e.getMessage().contains("quotes") && e.getMessage().contains("mentions") && !e.getMessage().contains("sentences layer"),
                e.getMessage());
        IllegalArgumentException noSentences = assertThrows(IllegalArgumentException.class,
                () -> Engine.builder(EngineSettings.defaults()).withoutSentences().stage(needsMentions).build());
        assertTrue(noSentences.getMessage().contains("sentences") && noSentences.getMessage().contains("mentions"),
                noSentences.getMessage());
    }

    @Test
    void aStageAddsItsLayerToEveryDocument() throws Exception {
        Layer<Integer> count = Layer.stored("sentence-count", Integer.class, new Codec<>() {
            @Override public void write(Integer v, DataOutput out) throws IOException { out.writeInt(v); }
            @Override public Integer read(DataInput in) throws IOException { return in.readInt(); }
        });
        ArticleStage counter = new ArticleStage() {
            @Override public String name() { return "count"; }
            @Override public Set<Layer<?>> requires() { return Set.of(Layers.SENTENCES); }
            @Override public Set<Layer<?>> adds() { return Set.of(count); }
            @Override public Document apply(Document d) { return d.with(count, d.expect(Layers.SENTENCES).size()); }
        };
        try (Engine e = Engine.builder(EngineSettings.defaults()).stage(counter).build()) {
            e.ingest(List.of(EXAMPLE.toString()), null);
            Results r = e.results();
            assertTrue(r.provenance().stages().contains("count"));
            for (Document d : r.documents()) assertEquals(d.expect(Layers.SENTENCES).size(), d.expect(count), d.id());
        }
    }

    @Test
    void aStoryStageSeesEachStorysDocumentsWithTheirLayers() throws Exception {
        Layer<Integer> sentences = Layer.of("story-sentences", Integer.class);
        StoryStage<Integer> counter = new StoryStage<>() {
            @Override public String name() { return "story-sentences"; }
            @Override public Set<Layer<?>> requires() { return Set.of(Layers.SENTENCES); }
            @Override public Layer<Integer> adds() { return sentences; }
            @Override public Integer apply(StoryView v) {
                int n = 0;
                for (Document d : v.documents()) n += d.expect(Layers.SENTENCES).size();
                return n;
            }
        };
        try (Engine e = Engine.builder(EngineSettings.defaults()).storyStage(counter).build()) {
            e.ingest(List.of(EXAMPLE.toString()), null);
            Results r = e.results();
            int all = 0;
            for (Document d : r.documents()) all += d.expect(Layers.SENTENCES).size();
            int summed = 0;
            for (var s : r.stories()) summed += r.findStoryLayer(s.id(), sentences).orElseThrow();
            assertEquals(all, summed, "every story saw its own documents, and only those");
            assertTrue(r.stories().stream().anyMatch(s -> s.articles().size() >= 2), "a story of several articles was seen whole");
        }
        // a story stage that needs a layer nothing stores is refused when the engine is built
        StoryStage<Integer> needsTokens = new StoryStage<>() {
            @Override public String name() { return "needs-tokens"; }
            @Override public Set<Layer<?>> requires() { return Set.of(Layers.TOKENS); }
            @Override public Layer<Integer> adds() { return sentences; }
            @Override public Integer apply(StoryView v) { return 0; }
        };
        var refused = assertThrows(IllegalArgumentException.class, () -> Engine.builder(EngineSettings.defaults()).storyStage(needsTokens)
                .build());
        assertTrue(refused.getMessage().contains("needs-tokens") && refused.getMessage().contains("not stored"), refused.getMessage());
    }

    @Test
    void aStageThatFailsOnOneArticleOrStoryCostsThatArticleOrStoryAloneAndSaysSo() throws Exception {
        Layer<Integer> count = Layer.stored("sentence-count", Integer.class, new Codec<>() {
            @Override public void write(Integer v, DataOutput out) throws IOException { out.writeInt(v); }
            @Override public Integer read(DataInput in) throws IOException { return in.readInt(); }
        });
        List<String> ids = new ArrayList<>();
        try (Engine e = Engine.builder(EngineSettings.defaults()).build()) {
            e.ingest(List.of(EXAMPLE.toString()), null);
            for (Document d : e.results().documents()) ids.add(d.id());
        }
        String bad = ids.get(1);
        // fails on one article, as a stage meeting text it was not written for does
        ArticleStage counter = new ArticleStage() {
            @Override public String name() { return "count"; }
            @Override public Set<Layer<?>> requires() { return Set.of(Layers.SENTENCES); }
            @Override public Set<Layer<?>> adds() { return Set.of(count); }
            @Override public Document apply(Document d) {
                if (d.id().equals(bad)) throw new NumberFormatException("For input string: \"10000000000000000000\"");
                return d.with(count, d.expect(Layers.SENTENCES).size());
            }
        };
        Layer<Integer> seen = Layer.of("story-count", Integer.class);
        StoryStage<Integer> summed = new StoryStage<>() {
            @Override public String name() { return "story-count"; }
            @Override public Set<Layer<?>> requires() { return Set.of(count); }
            @Override public Layer<Integer> adds() { return seen; }
            @Override public Integer apply(StoryView v) {
                for (Document d : v.documents()) {
                    d.expect(count);
                    if (d.id().equals(ids.get(0))) throw new IllegalStateException("the first article's story");
                }
                return v.documents().size();
            }
        };
        Layer<Integer> after = Layer.of("after", Integer.class);
        StoryStage<Integer> next = new StoryStage<>() {
            @Override public String name() { return "after"; }
            @Override public Set<Layer<?>> requires() { return Set.of(); }
            @Override public Set<Layer<?>> requiresStory() { return Set.of(seen); }
            @Override public Layer<Integer> adds() { return after; }
            @Override public Integer apply(StoryView v) { return v.find(seen).orElseThrow(); }
        };
        try (Engine e = Engine.builder(EngineSettings.defaults()).stage(counter).storyStage(summed).storyStage(next).build()) {
            e.ingest(List.of(EXAMPLE.toString()), null);
            Results r = e.results();
            assertEquals(ids.size(), r.articleCount(), "every article accepted, the one a stage failed on too");
            List<StageFailure> failed = e.stageFailures();
            var onArticle = failed.stream().filter(f -> f.stage().equals("count")).toList();
            assertEquals(1, onArticle.size(), failed.toString());
            assertEquals("article " + bad, onArticle.get(0).subject());
            assertTrue(onArticle.get(0).message().contains("NumberFormatException") && onArticle.get(0).message().contains(bad),
                    onArticle.get(0).message());
            int failedStories = 0;
            for (var st : r.stories()) {
                boolean holdsBad = st.articles().contains(bad);
                var n = r.findStoryLayer(st.id(), seen);
                boolean storyFailed = failed.stream().anyMatch(f -> f.subject().equals("story " + st.id()));
                if (storyFailed) {
                    failedStories++;
                    assertTrue(n.isEmpty() && r.findStoryLayer(st.id(), after).isEmpty(), "a failed story stage leaves its layer out, "
                            + "and the stages after it that need it");
                } else {
                    // the story stage saw only the articles that carry the layer it requires
                    assertEquals(st.articles().size() - (holdsBad ? 1 : 0), n.orElseThrow(), st.id());
                    assertEquals(n.orElseThrow(), r.findStoryLayer(st.id(), after).orElseThrow());
                }
            }
            assertEquals(1, failedStories, failed.toString());
            assertEquals(2, failed.size(), failed.toString());
            assertEquals(failed, e.stageFailuresSince(0));
            assertEquals(List.of(), e.stageFailuresSince(2), "nothing new once both were seen");
            for (Document d : r.documents()) assertEquals(!d.id().equals(bad), d.has(count), d.id());
        }
    }

    @Test
    void aClosedEngineLeavesNoWorkFilesBehind() throws Exception {
        Path work = tmp.resolve("work");
        try (Engine e = Engine.builder(EngineSettings.builder().workDir(work).build()).build()) {
            e.ingest(List.of(EXAMPLE.toString()), null);
            e.results();
            try (var s = Files.list(work)) { assertEquals(1, s.count(), "one work folder while open"); }
        }
        try (var s = Files.list(work)) { assertEquals(0, s.count(), "nothing left after close"); }
    }

    @Test
    void settingsAreCheckedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EngineSettings.builder().threads(0).build());
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class,
                () -> EngineSettings.builder().grouper(StoryGrouper.Settings.builder().maxTerms(0).build())
                        .build());
        assertTrue(g.getMessage().contains("maxTerms"), g.getMessage());
    }

    @Test
    void stoppedFromAnotherThreadTheWorkGivesUpAtItsNextArticleAndNothingIsAcknowledged() throws Exception {
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger(), acknowledged = new AtomicInteger();
        Layer<Integer> mark = Layer.of("slow-mark", Integer.class);
        // a slow stage, as named-entity runs are on a batch of 2,048 articles: the first call holds until the stop is given
        ArticleStage slow = new ArticleStage() {
            @Override public String name() { return "slow"; }
            @Override public Set<Layer<?>> requires() { return Set.of(); }
            @Override public Set<Layer<?>> adds() { return Set.of(mark); }
            @Override public Document apply(Document d) {
                if (calls.incrementAndGet() == 1) {
                    started.countDown();
                    try {
                        assertTrue(release.await(60, TimeUnit.SECONDS), "never released");
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return d.with(mark, 1);
            }
        };
        // one thread: the articles of the one batch go through the stage one after another
        try (Engine e = Engine.builder(EngineSettings.builder().threads(1).build()).stage(slow)
                .onStored(st -> acknowledged.addAndGet(st.documents().size())).build()) {
            Thread stopper = new Thread(() -> {
                try {
                    if (started.await(60, TimeUnit.SECONDS)) e.stop();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                } finally {
                    release.countDown();
                }
            });
            stopper.start();
            assertThrows(CancellationException.class, () -> e.ingest(inputs(), null));
            stopper.join();
            assertEquals(1, calls.get(), "the stage ran on the article it was in, on no other of its batch");
            assertEquals(0, acknowledged.get(), "a batch given up is not acknowledged to the store");
            assertThrows(CancellationException.class, e::results, "a stopped engine does nothing more");
        }
    }
}
