package org.storytrace.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import opennlp.tools.stemmer.PorterStemmer;
import org.storytrace.app.Runner;
import org.storytrace.core.align.Aligner;
import org.storytrace.core.doc.Document;
import org.storytrace.core.entity.Entity;
import org.storytrace.core.entity.EntityType;
import org.storytrace.core.entity.NameVariants;
import org.storytrace.core.entity.Titles;
import org.storytrace.core.eval.ClusterMetrics;
import org.storytrace.core.eval.CorefMetrics;
import org.storytrace.core.eval.PanMetrics;
import org.storytrace.core.eval.Rouge;
import org.storytrace.core.eval.TimeMl;
import org.storytrace.core.eval.TimexMetrics;
import org.storytrace.core.fact.FactStage;
import org.storytrace.core.model.Analysis;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Passage;
import org.storytrace.core.model.Story;
import org.storytrace.core.pipeline.Embedder;
import org.storytrace.core.pipeline.StoryGrouper;
import org.storytrace.core.quote.Quote;
import org.storytrace.core.quote.QuoteGroupStage;
import org.storytrace.core.quote.Quotes;
import org.storytrace.core.summary.SummaryStage;
import org.storytrace.core.text.Tokens;
import org.storytrace.core.time.TimeTagger;
import org.storytrace.core.time.TimelineStage;
import org.storytrace.core.time.Timex;
import org.storytrace.engine.Engine;
import org.storytrace.engine.EngineSettings;
import org.storytrace.engine.Results;

/**
 * The project's scoreboard: each evaluation runs the product's own stages on a labelled corpus and
 * returns named figures. {@code storytrace eval} prints them; the tests assert floors on the same names.
 */
public final class Evaluations {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code STORYTRACE_EVAL_DEBUG=1}: the evaluations print what they got wrong to standard error. */
    private static final boolean DEBUG = "1".equals(System.getenv("STORYTRACE_EVAL_DEBUG"));

    private Evaluations() {}

    /** Per-check outcome of the seeds evaluation, so a failing test can say what went wrong. */
    public record SeedReport(Map<String, Double> metrics, List<String> failures) {}

    /** Runs {@code analyze} on the seeds and checks every article field, story and passage the analyst lists. */
    public static SeedReport seeds(Path dir, Path expectedFile, Embedder embedder) throws IOException {
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        record Run(Analysis analysis, List<Entity> entities, List<QuoteRow> quotes, List<TimelineStage.ArticleTime> times,
                   List<TimelineStage.StoryTime> timelines, List<FactStage.StoryFacts> facts, Map<String,
                           SummaryStage.Summary> summaries) {}
        Run run = Runner.analyzeDeep(List.of(dir.toString()), EngineSettings.defaults(), embedder, r -> {
            List<TimelineStage.ArticleTime> times = new ArrayList<>();
            for (Document d : r.documents()) r.timeOf(d).ifPresent(times::add);
            List<TimelineStage.StoryTime> timelines = new ArrayList<>();
            for (Story st : r.stories()) r.findStoryLayer(st.id(), TimelineStage.LAYER).ifPresent(timelines::add);
            List<FactStage.StoryFacts> facts = new ArrayList<>();
            for (Story st : r.stories()) r.findStoryLayer(st.id(), FactStage.LAYER).ifPresent(facts::add);
            Map<String, SummaryStage.Summary> summaries = new HashMap<>();
            for (Story st : r.stories()) {
                var sum = r.findStoryLayer(st.id(), SummaryStage.LAYER);
                if (sum.isPresent()) for (String id : st.articles()) summaries.put(id, sum.get());
            }
            return new Run(r.toAnalysis(), r.entities(), quoteRows(r), times, timelines, facts, summaries);
        });
        Analysis a = run.analysis();
        Map<String, Article> byId = new HashMap<>();
        for (Article x : a.articles()) byId.put(x.id(), x);
        List<String> failures = new ArrayList<>();
        int fields = 0, fieldsOk = 0, lines = 0, linesOk = 0;
        var it = expected.get("articles").fields();
        while (it.hasNext()) {
            var e = it.next();
            Article art = byId.get(e.getKey());
            JsonNode want = e.getValue();
            for (String f : new String[] {"title", "published", "source", "author"}) {
                if (!want.has(f)) continue;
                fields++;
                String w = want.get(f).isNull() ? null : want.get(f).asText();
                String got = art == null ? "<missing article>" : switch (f) {
                    case "title" -> art.title();
                    case "published" -> art.published() == null ? null : art.published().toString();
                    case "source" -> art.source();
                    default -> art.author();
                };
                if (Objects.equals(w, got)) fieldsOk++; else failures.add(e.getKey() + "." + f + ": expected " + w + ", got "
                        + got);
            }
            for (JsonNode l : want.path("boilerplate_lines")) {
                lines++;
                String line = l.asText();
                String prefix = line.contains(", ...") ? line.substring(0, line.indexOf(", ...")) : line;
                boolean ok = art != null && art.boilerplate().stream().anyMatch(s -> s.text().startsWith(prefix))
                        && !art.cleanBody().contains(prefix);
                if (ok) linesOk++; else failures.add(e.getKey() + ": boilerplate line not separated from the body: " + prefix);
            }
            if (want.has("standfirst") && art != null && !art.body().contains(want.get("standfirst").asText())) {
                failures.add(e.getKey() + ": the standfirst is not in the body");
                fields++;
            } else if (want.has("standfirst")) { fields++; fieldsOk++; }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("seeds.articles.fields_correct", ratio(fieldsOk, fields));
        m.put("seeds.articles.boilerplate_separated", ratio(linesOk, lines));
        // stories and topic
        List<String> ids = new ArrayList<>(byId.keySet());
        ids.sort(null);
        Map<String, Integer> truth = new HashMap<>();
        int k = 0;
        for (JsonNode s : expected.get("stories").get("expected")) {
            for (JsonNode id : s.get("articles")) truth.put(id.asText(), k);
            k++;
        }
        Map<String, String> storyOf = new HashMap<>(), topicOf = new HashMap<>();
        for (Story s : a.stories()) for (String id : s.articles()) { storyOf.put(id, s.id()); topicOf.put(id, s.topic()); }
        boolean storiesExact = true;
        for (String x : truth.keySet()) {
            for (String y : truth.keySet()) {
                boolean same = truth.get(x).equals(truth.get(y));
                if (same != Objects.equals(storyOf.get(x), storyOf.get(y))) {
                    storiesExact = false;
                    if (x.compareTo(y) < 0) failures.add("stories: " + x + " and " + y + (same ? " should share a story"
                            : " should be in different stories"));
                }
            }
        }
        m.put("seeds.stories.exact", storiesExact ? 1.0 : 0.0);
        Set<String> topicIds = new HashSet<>();
        for (JsonNode id : expected.get("stories").get("topic").get("articles")) topicIds.add(topicOf.get(id.asText()));
        m.put("seeds.topics.exact", topicIds.size() == 1 && !topicIds.contains(null) ? 1.0 : 0.0);
        if (topicIds.size() != 1) failures.add("topic: the expected topic is split over " + topicIds);
        // passages and unexpected links
        Set<String> expectedPairs = new HashSet<>();
        int passages = 0, passagesOk = 0;
        for (JsonNode r : expected.get("reuse").get("expected")) {
            String x = r.get("pair").get(0).asText(), y = r.get("pair").get(1).asText();
            expectedPairs.add(x + "|" + y);
            expectedPairs.add(y + "|" + x);
            for (JsonNode p : r.path("must_include_passages")) {
                passages++;
                String want = p.asText();
                Link l = a.links().stream().filter(z -> (z.a() + "|" + z.b()).equals(x + "|" + y) || (z.a() + "|" + z.b()).equals(y + "|"
                        + x)).findFirst().orElse(null);
                boolean ok = l != null && covered(l, byId.get(l.a()), byId.get(l.b()), want);
                if (ok) passagesOk++; else failures.add("passage not found on both sides of " + x + "/" + y + ": " + want);
            }
        }
        int unexpected = 0;
        for (Link l : a.links()) {
            if (!expectedPairs.contains(l.a() + "|" + l.b())) { unexpected++; failures.add("unexpected link " + l.a() + "/" + l.b()); }
        }
        m.put("seeds.passages.found", ratio(passagesOk, passages));
        m.put("seeds.links.unexpected", (double) unexpected);
        seedEntities(expected.get("entities"), a.articles(), run.entities(), m, failures);
        seedQuotes(expected.get("quotes"), run.entities(), run.quotes(), m, failures);
        seedDates(expected, run.times(), run.timelines(), m, failures);
        seedDiscrepancies(expected, run.facts(), m, failures);
        seedSummary(expected, run.summaries(), m, failures);
        return new SeedReport(m, failures);
    }

    /**
     * The summary of the first expected story (the story its first article is in) names everything the analyst
     * lists ("Yacoub or Yaqoub": either), and every sentence of it cites at least its own article.
     */
    static void seedSummary(JsonNode expected, Map<String, SummaryStage.Summary> summaries, Map<String, Double> m, List<String> failures) {
        JsonNode must = expected.path("summary").path("story_1_must_mention");
        String first = expected.path("stories").path("expected").path(0).path("articles").path(0).asText();
        SummaryStage.Summary sum = summaries.get(first);
        String text = sum == null ? "" : String.join(" ", sum.sentences().stream().map(SummaryStage.Line::text).toList())
                .toLowerCase(Locale.ROOT);
        int want = 0, found = 0;
        for (JsonNode w : must) {
            want++;
            boolean ok = false;
            for (String alt : w.asText().split(" or ")) ok |= text.contains(alt.strip().toLowerCase(Locale.ROOT));
            if (ok) found++; else failures.add("story 1's summary does not mention " + w.asText());
        }
        m.put("seeds.summary.mentions", ratio(found, want));
        boolean cited = sum != null && !sum.sentences().isEmpty() && sum.sentences().stream().allMatch(l -> !l.citations().isEmpty());
        if (!cited) failures.add("story 1's summary is empty or has a sentence without a citation");
        m.put("seeds.summary.cited", cited ? 1.0 : 0.0);
    }

    /**
     * Every discrepancy the analyst lists is reported (of its kind: a date, a place's country, a quote's
     * wording), with the same articles on each side; and nothing else is reported as one.
     */
    static void seedDiscrepancies(JsonNode expected, List<FactStage.StoryFacts> facts, Map<String, Double> m, List<String> failures) {
        // one discrepancy across two stories of a topic is listed in both: counted once
        Set<FactStage.Fact> distinct = new LinkedHashSet<>();
        for (FactStage.StoryFacts f : facts) distinct.addAll(f.discrepancies());
        List<FactStage.Fact> reported = new ArrayList<>(distinct);
        Set<FactStage.Fact> matched = new HashSet<>();
        int want = 0, found = 0;
        for (JsonNode d : expected.path("discrepancies").path("expected")) {
            want++;
            String fact = d.get("fact").asText().toLowerCase(Locale.ROOT);
            String kind = fact.startsWith("date") ? "date" : fact.contains("country") || fact.contains("place") ? "place"
                    : fact.contains("wording") || fact.contains("quote") ? "quote" : "count";
            Set<Set<String>> sides = sides(d.get("values"));
            FactStage.Fact hit = null;
            for (FactStage.Fact f : reported) if (f.kind().equals(kind) && sides(f).equals(sides)) hit = f;
            if (hit != null) { found++; matched.add(hit); }
            else failures.add("discrepancy not reported: " + d.get("fact").asText() + " " + sides);
        }
        int extra = 0;
        for (FactStage.Fact f : reported) {
            if (matched.contains(f)) continue;
            extra++;
            failures.add("unexpected discrepancy: " + f.kind() + " " + f.fact() + " " + f.values().stream().map(v -> v.value() + " "
                    + v.articles()).toList());
        }
        m.put("seeds.discrepancies.found", ratio(found, want));
        m.put("seeds.discrepancies.unexpected", (double) extra);
    }

    /** An answer key's discrepancy as the articles on each side of it: {@code {value: [articles], ...}}. */
    static Set<Set<String>> sides(JsonNode values) {
        Set<Set<String>> sides = new HashSet<>();
        values.forEach(v -> {
            Set<String> side = new HashSet<>();
            v.forEach(x -> side.add(x.asText()));
            sides.add(side);
        });
        return sides;
    }

    /** A reported fact as the articles holding each of its values. */
    static Set<Set<String>> sides(FactStage.Fact f) {
        Set<Set<String>> sides = new HashSet<>();
        for (FactStage.Value v : f.values()) sides.add(new HashSet<>(v.articles()));
        return sides;
    }

    private static final Pattern QUOTED_IN = Pattern.compile("'([^']+)' \\((\\d{3})");

    /**
     * The seeds' dates: each listed expression resolved to its value in its article (against the story's
     * dates where the article has none), each date discrepancy found as a disputed event of the timeline with
     * the same articles on each side, and the listed non-discrepancy (dates that agree once resolved) not
     * disputed.
     */
    static void seedDates(JsonNode expected, List<TimelineStage.ArticleTime> times, List<TimelineStage.StoryTime> timelines,
                          Map<String, Double> m, List<String> failures) {
        Map<String, TimelineStage.ArticleTime> byArticle = new HashMap<>();
        for (TimelineStage.ArticleTime t : times) byArticle.put(t.article(), t);
        int dates = 0, datesOk = 0;
        for (JsonNode d : expected.path("dates").path("expected")) {
            dates++;
            String article = d.get("article").asText(), text = d.get("text").asText();
            List<String> want = new ArrayList<>();
            if (d.get("value").isArray()) d.get("value").forEach(v -> want.add(v.asText()));
            else want.add(d.get("value").asText());
            TimelineStage.ArticleTime t = byArticle.get(article);
            boolean ok = false;
            String got = "no such expression";
            if (t != null) {
                for (Timex x : t.timexes()) {
                    String xt = x.text().toLowerCase(Locale.ROOT), et = text.toLowerCase(Locale.ROOT);
                    if (!(et.contains(xt) && xt.length() * 2 >= et.length() || xt.contains(et))) continue;
                    List<String> values = x.values().isEmpty() ? (x.value() == null ? List.of() : List.of(x.value())) : x.values();
                    got = values.toString();
                    if (values.equals(want)) { ok = true; break; }
                }
            }
            if (ok) datesOk++; else failures.add("date " + article + " '" + text + "': expected " + want + ", got " + got);
        }
        m.put("seeds.dates.resolved", ratio(datesOk, dates));
        // date discrepancies: the expected groups of articles on either side of one disputed event
        int disputes = 0, disputesOk = 0;
        for (JsonNode d : expected.path("discrepancies").path("expected")) {
            if (!d.get("fact").asText().startsWith("date")) continue;
            disputes++;
            Set<Set<String>> sides = sides(d.get("values"));
            boolean found = false;
            for (TimelineStage.StoryTime st : timelines) {
                for (TimelineStage.Event e : st.timeline()) {
                    if (e.disputed().isEmpty()) continue;
                    Set<String> here = new HashSet<>();
                    e.mentions().forEach(x -> here.add(x.article()));
                    Set<String> there = new HashSet<>();
                    e.disputed().forEach(x -> there.addAll(x.articles()));
                    if (sides.size() == 2 && !here.equals(there) && sides.equals(Set.of(here, there))) found = true;
                }
            }
            if (found) disputesOk++; else failures.add("date discrepancy not found as a disputed event: " + d.get("fact").asText() + " "
                    + sides);
        }
        m.put("seeds.dates.discrepancies_found", ratio(disputesOk, disputes));
        // the non-discrepancy: none of the expressions it quotes is on either side of a disputed event
        int wrong = 0;
        Matcher q = QUOTED_IN.matcher(expected.path("discrepancies").path("not_discrepancies").asText(""));
        while (q.find()) {
            String text = q.group(1).toLowerCase(Locale.ROOT), prefix = q.group(2);
            for (TimelineStage.StoryTime st : timelines) {
                for (TimelineStage.Event e : st.timeline()) {
                    if (e.disputed().isEmpty()) continue;
                    for (TimelineStage.Mention x : e.mentions()) {
                        if (x.article().startsWith(prefix) && x.text().toLowerCase(Locale.ROOT).equals(text)) {
                            wrong++;
                            failures.add("'" + q.group(1) + "' (" + x.article()
                                    + ") is reported as a disputed date, but it agrees with the others");
                        }
                    }
                }
            }
        }
        m.put("seeds.dates.false_discrepancies", (double) wrong);
    }

    /**
     * The expected entity groups and the names that must stay apart. A group holds when every one of its
     * spellings that an article body contains (a title before it aside) belongs to one and the same entity;
     * spellings found only in tag lines are not required.
     */
    static void seedEntities(JsonNode expected, List<Article> articles, List<Entity> entities, Map<String, Double> m,
            List<String> failures) {
        Map<String, Set<String>> entitiesOfSpelling = new HashMap<>();
        for (Entity e : entities) for (Entity.Variant v : e.variants()) entitiesOfSpelling.computeIfAbsent(v.text(), x -> new HashSet<>())
                .add(e.id());
        int groups = 0, groupsOk = 0;
        for (JsonNode g : expected.get("expected")) {
            Set<String> ids = new HashSet<>();
            List<String> missing = new ArrayList<>();
            int required = 0;
            List<String> listed = new ArrayList<>();
            for (JsonNode v : g.get("variants")) listed.add(v.asText());
            for (String v : listed) {
                String spelling = untitled(v);
                boolean inBody = articles.stream().anyMatch(x -> standsAlone(x.cleanBody(), v, listed));
                if (!inBody) continue;
                required++;
                Set<String> of = entitiesOfSpelling.getOrDefault(spelling, Set.of());
                if (of.isEmpty()) missing.add(spelling); else ids.addAll(of);
            }
            if (required == 0) continue;
            groups++;
            if (missing.isEmpty() && ids.size() == 1) groupsOk++;
            else failures.add("entity " + g.get("canonical").asText() + ": " + (missing.isEmpty() ? "" : "not found " + missing + "; ")
                    + "spread over " + ids.size() + " entities");
        }
        m.put("seeds.entities.groups", ratio(groupsOk, groups));
        int pairs = 0, apart = 0;
        for (JsonNode p : expected.get("must_stay_apart")) {
            Set<String> a = entitiesOfSpelling.getOrDefault(p.get(0).asText(), Set.of()), b = entitiesOfSpelling.getOrDefault(p.get(1)
                    .asText(), Set.of());
            if (a.isEmpty() || b.isEmpty()) continue;
            pairs++;
            Set<String> both = new HashSet<>(a);
            both.retainAll(b);
            if (both.isEmpty()) apart++; else failures.add("entities: " + p.get(0).asText() + " and " + p.get(1).asText()
                    + " should stay apart");
        }
        m.put("seeds.entities.apart", ratio(apart, pairs));
    }

    /** One quote as the outputs give it: its article, words, speaker (entity or words) and group (null when alone). */
    record QuoteRow(String article, String text, String speakerName, String speakerEntity, String group) {}

    /** Every quote of the results with its speaker's entity and its group, as stories.json writes them. */
    static List<QuoteRow> quoteRows(Results r) {
        List<QuoteRow> out = new ArrayList<>();
        for (var s : r.stories()) {
            var sq = r.findStoryLayer(s.id(), QuoteGroupStage.LAYER).orElse(null);
            if (sq == null) continue;
            String[] group = new String[sq.items().size()];
            for (int g = 0; g < sq.groups().size(); g++) for (int i : sq.groups().get(g).items()) group[i] = s.id() + "/" + g;
            for (int i = 0; i < sq.items().size(); i++) {
                var it = sq.items().get(i);
                Entity e = r.entityAt(it.article(), it.quote().speakerMention());
                out.add(new QuoteRow(it.article(), it.quote().text(), r.speakerName(it.article(), it.quote()), e == null ? null : e.id(),
                        group[i]));
            }
        }
        return out;
    }

    /**
     * The expected quotes (each found in every article listed, starting as the analyst says or worded as one of
     * the variants, with the expected speaker), their groups (a quote listed in two articles is one group), and
     * the quoted phrases that are not quotes.
     */
    static void seedQuotes(JsonNode expected, List<Entity> entities, List<QuoteRow> quotes, Map<String, Double> m, List<String> failures) {
        int want = 0, found = 0, groups = 0, grouped = 0;
        for (JsonNode q : expected.get("expected")) {
            List<String> starts = new ArrayList<>();
            if (q.has("starts")) starts.add(q.get("starts").asText());
            for (JsonNode v : q.path("variants")) starts.add(v.asText().substring(0, Math.min(40, v.asText().length())));
            String speaker = q.get("speaker").asText();
            Set<String> groupIds = new HashSet<>();
            boolean allFound = true;
            for (JsonNode art : q.get("in")) {
                want++;
                QuoteRow hit = null;
                for (QuoteRow row : quotes) {
                    if (!row.article().equals(art.asText())) continue;
                    for (String st : starts) if (row.text().startsWith(st)) hit = row;
                }
                boolean ok = hit != null && sameSpeaker(hit, speaker, entities);
                if (ok) { found++; groupIds.add(hit.group()); } else allFound = false;
                if (!ok) failures.add("quote " + starts.get(0) + "... in " + art.asText() + ": " + (hit == null ? "not found" : "speaker "
                        + hit.speakerName() + ", expected " + speaker));
            }
            if (q.get("in").size() > 1) {
                groups++;
                if (allFound && groupIds.size() == 1 && !groupIds.contains(null)) grouped++;
                else failures.add("quote " + starts.get(0) + "...: its reports in " + q.get("in") + " are not one group");
            }
        }
        int notQuotes = 0, kept = 0;
        for (JsonNode nq : expected.get("not_quotes")) {
            notQuotes++;
            String words = nq.asText().replaceAll("^[\u201c\"]|[\u201d\"]$", "");
            boolean reported = quotes.stream().anyMatch(row -> row.text().strip().equals(words) || row.text().strip().equals(words + ","));
            if (!reported) kept++; else failures.add("quotes: " + nq.asText() + " is not a quote");
        }
        m.put("seeds.quotes.found", ratio(found, want));
        m.put("seeds.quotes.grouped", ratio(grouped, groups));
        m.put("seeds.quotes.not_quotes_left_out", ratio(kept, notQuotes));
    }

    /** Whether a quote's speaker is the expected one: by name, by one of the speaker entity's spellings, or by PolNeAR's rule. */
    private static boolean sameSpeaker(QuoteRow row, String expected, List<Entity> entities) {
        if (row.speakerName() == null) return false;
        if (row.speakerName().equalsIgnoreCase(expected) || speakerMatches(row.speakerName(), expected)) return true;
        for (Entity e : entities) {
            if (!e.id().equals(row.speakerEntity())) continue;
            for (Entity.Variant v : e.variants()) if (v.text().equalsIgnoreCase(expected) || speakerMatches(v.text(),
                    expected)) return true;
        }
        return false;
    }

    /** Whether {@code body} holds {@code v} other than inside a longer listed spelling that contains it ("Kazemi" in "Mustafa Kazemi"). */
    private static boolean standsAlone(String body, String v, List<String> listed) {
        for (int at = body.indexOf(v); at >= 0; at = body.indexOf(v, at + 1)) {
            boolean inside = false;
            for (String w : listed) {
                if (w.equals(v) || !w.contains(v)) continue;
                int off = w.indexOf(v);
                if (at - off >= 0 && body.startsWith(w, at - off)) inside = true;
            }
            if (!inside) return true;
        }
        return false;
    }

    /** A spelling without the title written before it ("Dr. Yaqoub": "Yaqoub"). */
    private static String untitled(String spelling) {
        List<String> words = List.of(spelling.split(" "));
        int t = Titles.leadingTitle(words);
        return t > 0 && t < words.size() ? String.join(" ", words.subList(t, words.size())) : spelling;
    }

    /** Whether {@code want} lies inside one passage of the link on both sides (compared on normalised tokens). */
    static boolean covered(Link l, Article a, Article b, String want) {
        long[] w = new Tokens().tokenize(want).copyHashes();
        boolean inA = false, inB = false;
        for (Passage p : l.passages()) {
            inA |= containsTokens(a.text().substring(p.aStart(), p.aEnd()), w);
            inB |= containsTokens(b.text().substring(p.bStart(), p.bEnd()), w);
        }
        return inA && inB;
    }

    private static boolean containsTokens(String text, long[] w) {
        long[] t = new Tokens().tokenize(text).copyHashes();
        outer:
        for (int i = 0; i + w.length <= t.length; i++) {
            for (int j = 0; j < w.length; j++) if (t[i + j] != w[j]) continue outer;
            return true;
        }
        return false;
    }

    private static final Pattern ATTR = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /**
     * PAN-13 text alignment over the {@code pairs} list, scored on the suspicious side.
     *
     * <p>Two scores: {@code pan13.*} over every pair as given, and {@code pan13.verified.*} over the pairs
     * whose gold suspicious spans really hold their source text (at least 80% of the span's word 5-grams
     * occur in the source document). In the shared copy about a fifth of the gold suspicious offsets have
     * drifted by tens to thousands of characters from the text they label, which caps the first score for
     * any aligner; the check uses only the gold and the texts, never the system's output.
     */
    public static Map<String, Double> pan(Path dir, Aligner.Settings settings) throws IOException {
        PanMetrics metrics = new PanMetrics(500);
        PanMetrics verified = new PanMetrics(500);
        int verifiedPairs = 0, pairs = 0;
        Aligner aligner = new Aligner(settings);
        Tokens ta = new Tokens(), tb = new Tokens();
        Map<String, String> cache = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("pairs"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            String[] pr = line.trim().split("\\s+");
            String susp = cache.computeIfAbsent("susp/" + pr[0], f -> read(dir.resolve(f)));
            String src = cache.computeIfAbsent("src/" + pr[1], f -> read(dir.resolve(f)));
            ta.tokenize(susp);
            tb.tokenize(src);
            List<PanMetrics.Span> found = new ArrayList<>();
            for (Aligner.Match mt : aligner.align(ta.hashes(), ta.size(), tb.hashes(), tb.size())) {
                found.add(new PanMetrics.Span(ta.start(mt.aStart()), ta.end(mt.aEnd() - 1), tb.start(mt.bStart()), tb.end(mt.bEnd() - 1)));
            }
            String gold = Files.readString(dir.resolve("gold").resolve(pr[0].replace(".txt", "") + "-" + pr[1].replace(".txt", "")
                    + ".xml"));
            List<PanMetrics.Span> cases = new ArrayList<>();
            Matcher f = Pattern.compile("<feature[^>]*/>").matcher(gold);
            while (f.find()) {
                Map<String, String> at = new HashMap<>();
                Matcher am = ATTR.matcher(f.group());
                while (am.find()) at.put(am.group(1), am.group(2));
                if (!at.containsKey("this_offset")) continue;
                int to = Integer.parseInt(at.get("this_offset")), tl = Integer.parseInt(at.get("this_length"));
                int so = Integer.parseInt(at.get("source_offset")), sl = Integer.parseInt(at.get("source_length"));
                cases.add(new PanMetrics.Span(to, to + tl, so, so + sl));
            }
            metrics.add(cases, found);
            pairs++;
            boolean allValid = true;
            for (PanMetrics.Span c : cases) allValid &= holdsSource(susp, c, src);
            if (allValid) { verified.add(cases, found); verifiedPairs++; }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("pan13.precision", metrics.precision());
        m.put("pan13.recall", metrics.recall());
        m.put("pan13.granularity", metrics.granularity());
        m.put("pan13.plagdet", metrics.plagdet());
        m.put("pan13.cases", (double) metrics.cases());
        m.put("pan13.detections", (double) metrics.detections());
        m.put("pan13.verified.pairs", (double) verifiedPairs);
        m.put("pan13.verified.precision", verified.precision());
        m.put("pan13.verified.recall", verified.recall());
        m.put("pan13.verified.granularity", verified.granularity());
        m.put("pan13.verified.plagdet", verified.plagdet());
        return m;
    }

    /** Whether at least 80% of the word 5-grams of the case's suspicious span occur in the source text. */
    static boolean holdsSource(String susp, PanMetrics.Span c, String src) {
        if (c.thisEnd() > susp.length()) return false;
        String[] w = susp.substring(c.thisStart(), c.thisEnd()).split("\\s+");
        String norm = " " + String.join(" ", src.split("\\s+")) + " ";
        int grams = 0, hits = 0;
        for (int i = 0; i + 5 <= w.length; i++) {
            grams++;
            if (norm.contains(String.join(" ", Arrays.copyOfRange(w, i, i + 5)))) hits++;
        }
        return grams > 0 && hits * 5 >= grams * 4;
    }

    /** Story clustering of the Google News titles against their labels. */
    public static Map<String, Double> googleNews(Path dir, Embedder embedder, StoryGrouper.Settings settings) throws IOException {
        List<String> titles = Files.readAllLines(dir.resolve("titles.txt"), StandardCharsets.UTF_8);
        List<String> labels = Files.readAllLines(dir.resolve("labels.txt"), StandardCharsets.UTF_8);
        if (titles.size() != labels.size()) {
            throw new IOException(dir + ": titles.txt has " + titles.size() + " lines but labels.txt has " + labels.size());
        }
        // each title an article of its own (no headline, the title as its body), through the engine
        List<Article> articles = new ArrayList<>(titles.size());
        for (int i = 0; i < titles.size(); i++) {
            String t = titles.get(i).strip();
            articles.add(new Article("t" + i, "titles.txt (line " + (i + 1) + ")", t, null, null, null, null, null, 0, t.length(),
                    List.of(),
                    "text", "UTF-8", null, null, null));
        }
        int[] predicted = new int[titles.size()];
        try (Engine engine = Engine.builder(EngineSettings.builder().grouper(settings).build()).embedder(embedder).withoutSentences()
                .build()) {
            engine.addAll(articles);
            Results r = engine.results();
            for (int s = 0; s < r.stories().size(); s++) {
                for (String id : r.stories().get(s).articles()) predicted[Integer.parseInt(id.substring(1))] = s;
            }
            int[] truth = new int[labels.size()];
            for (int i = 0; i < truth.length; i++) truth[i] = Integer.parseInt(labels.get(i).trim());
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("googlenews.nmi", ClusterMetrics.nmi(truth, predicted));
            m.put("googlenews.ari", ClusterMetrics.ari(truth, predicted));
            m.put("googlenews.clusters", (double) r.stories().size());
            return m;
        }
    }

    /** Third-person personal pronouns, as the pronoun lines of the ECB+ evaluation read gold mentions. */
    static final Set<String> THIRD_PERSON = Set.of("he", "him", "his", "himself", "she", "her", "hers", "herself");
    /** The first person singular, as the ECB+ evaluation reads gold mentions (inside quotes, the speaker). */
    static final Set<String> FIRST_PERSON = Set.of("i", "me", "my", "mine", "myself");

    /** The ECB+ mention types scored as entities: persons, organisations, places. */
    static final Set<String> ECB_ENTITY_TYPES = Set.of("HUMAN_PART_PER", "HUMAN_PART_ORG", "HUMAN_PART_GPE", "LOC_GEO", "LOC_FAC",
            "LOC_OTHER");

    /**
     * ECB+ (the articles of {@code dir/text}, labelled by {@code labels.tsv} and {@code mentions.jsonl}):
     * stories and topics against the labels (ARI, NMI), and entities over the gold mentions that are proper
     * names (text starting with a capital letter) of persons, organisations and places. Each gold mention
     * takes the entity of the longest predicted mention overlapping it, or is a singleton; printed are the
     * share of gold mentions with a prediction, B-cubed F1, and CoNLL F1 (mean of MUC, B-cubed, CEAF-e).
     */
    public static Map<String, Double> ecbplus(Path dir, Embedder embedder) throws IOException {
        Map<String, String[]> labels = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("labels.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length >= 3 && !f[0].equals("doc")) labels.put(f[0], f);
        }
        record Gold(String doc, int start, int end, String text, String chain) {}
        List<Gold> gold = new ArrayList<>(), pronouns = new ArrayList<>(), firstPerson = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("mentions.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode g = JSON.readTree(line);
            String text = g.get("text").asText();
            if (!ECB_ENTITY_TYPES.contains(g.get("type").asText()) || text.isEmpty()) continue;
            Gold x = new Gold(g.get("doc").asText(), g.get("start").asInt(), g.get("end").asInt(), text, g.get("chain").asText());
            String word = text.toLowerCase(Locale.ROOT).replaceAll("['\u2019](s|d|ll|m|ve)$", "");
            if (THIRD_PERSON.contains(word)) pronouns.add(x);
            if (FIRST_PERSON.contains(word)) firstPerson.add(x);
            if (Character.isUpperCase(text.codePointAt(0))) gold.add(x);
        }
        return Runner.analyzeDeep(List.of(dir.resolve("text").toString()), EngineSettings.defaults(), embedder, r -> {
            Map<String, Double> m = new LinkedHashMap<>();
            // stories and topics
            List<String> ids = new ArrayList<>();
            Map<String, Integer> storyOf = new HashMap<>(), topicOf = new HashMap<>();
            for (int s = 0; s < r.stories().size(); s++) {
                for (String id : r.stories().get(s).articles()) { storyOf.put(id, s); ids.add(id); }
            }
            Map<String, Integer> topicIds = new HashMap<>();
            for (var st : r.stories()) {
                Integer t = topicIds.computeIfAbsent(st.topic(), x -> topicIds.size());
                for (String id : st.articles()) topicOf.put(id, t);
            }
            ids.removeIf(id -> !labels.containsKey(id));
            ids.sort(null);
            int[] ts = new int[ids.size()], tt = new int[ids.size()], ps = new int[ids.size()], pt = new int[ids.size()];
            Map<String, Integer> goldStory = new HashMap<>(), goldTopic = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                String[] f = labels.get(ids.get(i));
                ts[i] = goldStory.computeIfAbsent(f[1], x -> goldStory.size());
                tt[i] = goldTopic.computeIfAbsent(f[2], x -> goldTopic.size());
                ps[i] = storyOf.get(ids.get(i));
                pt[i] = topicOf.get(ids.get(i));
            }
            if (DEBUG) {
                // each gold story with the predicted stories its articles went to
                Map<String, Map<Integer, Integer>> split = new TreeMap<>();
                for (int i = 0; i < ids.size(); i++) split.computeIfAbsent(labels.get(ids.get(i))[1], x -> new TreeMap<>())
                        .merge(ps[i], 1, Integer::sum);
                split.forEach((g, p) -> System.err.println("ecbplus STORY\t" + g + "\t" + p));
            }
            m.put("ecbplus.articles", (double) ids.size());
            m.put("ecbplus.stories.ari", ClusterMetrics.ari(ts, ps));
            m.put("ecbplus.stories.nmi", ClusterMetrics.nmi(ts, ps));
            m.put("ecbplus.topics.ari", ClusterMetrics.ari(tt, pt));
            m.put("ecbplus.topics.nmi", ClusterMetrics.nmi(tt, pt));
            // entities: predicted mentions per document, with their entity
            record Pred(int start, int end, int entity) {}
            Map<String, List<Pred>> predicted = new HashMap<>();
            List<Entity> entities = r.entities();
            for (int e = 0; e < entities.size(); e++) {
                for (Entity.At at : entities.get(e).mentions()) predicted.computeIfAbsent(at.article(), x -> new ArrayList<>())
                        .add(new Pred(at.start(), at.end(), e));
            }
            int n = gold.size(), found = 0, misplaced = 0;
            int[] key = new int[n], response = new int[n];
            Map<String, Integer> chains = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Gold g = gold.get(i);
                key[i] = chains.computeIfAbsent(g.chain(), x -> chains.size());
                int docIndex = r.indexOf(g.doc());
                if (docIndex >= 0) {
                    String text = r.document(docIndex).article().text();
                    if (g.end() > text.length() || !text.substring(g.start(), g.end()).equals(g.text())) misplaced++;
                }
                Pred best = null;
                for (Pred p : predicted.getOrDefault(g.doc(), List.of())) {
                    if (p.start() >= g.end() || p.end() <= g.start()) continue;
                    if (best == null || p.end() - p.start() > best.end() - best.start()) best = p;
                }
                if (best != null) found++;
                response[i] = best == null ? -1 - i : best.entity();
                if (DEBUG) {
                    System.err.println("ecbplus MENTION\t" + g.doc() + "\t" + g.start() + "\t" + g.text() + "\t" + g.chain() + "\t"
                            + (best == null ? "-" : best.entity() + "\t" + entities.get(best.entity()).canonical() + "\t"
                            + entities.get(best.entity()).type()));
                }
            }
            CorefMetrics.Scores sc = CorefMetrics.score(key, response);
            // pronouns: where the gold chains a pronoun with a name of the same article, is the entity of our reference the
            // entity of that name? And the entity scores again with references counted as mentions (the gold leaves
            // most pronouns it does not chain across documents as chains of their own, so that score is lower)
            Map<String, List<Pred>> refs = new HashMap<>();
            for (int e = 0; e < entities.size(); e++) {
                for (Entity.At at : entities.get(e).references()) refs.computeIfAbsent(at.article(), x -> new ArrayList<>())
                        .add(new Pred(at.start(), at.end(), e));
            }
            Map<String, Set<Integer>> named = new HashMap<>(); // doc + chain -> the entities of its named gold mentions
            int[] withRefs = response.clone();
            for (int i = 0; i < n; i++) {
                Gold g = gold.get(i);
                if (response[i] >= 0) named.computeIfAbsent(g.doc() + "\u0000" + g.chain(), x -> new HashSet<>()).add(response[i]);
                else {
                    for (Pred p : refs.getOrDefault(g.doc(), List.of())) {
                        if (p.start() < g.end() && p.end() > g.start()) withRefs[i] = p.entity();
                    }
                }
            }
            for (String person : List.of("", ".first_person")) {
                int scored = 0, resolved = 0, right = 0;
                for (Gold g : person.isEmpty() ? pronouns : firstPerson) {
                    Set<Integer> want = named.get(g.doc() + "\u0000" + g.chain());
                    if (want == null) continue;
                    scored++;
                    Pred got = null;
                    for (Pred p : refs.getOrDefault(g.doc(), List.of())) if (p.start() < g.end() && p.end() > g.start()) got = p;
                    if (got != null) resolved++;
                    if (got != null && want.contains(got.entity())) right++;
                }
                m.put("ecbplus.pronouns" + person + ".scored", (double) scored);
                m.put("ecbplus.pronouns" + person + ".precision", resolved == 0 ? 0 : (double) right / resolved);
                m.put("ecbplus.pronouns" + person + ".recall", scored == 0 ? 0 : (double) right / scored);
            }
            m.put("ecbplus.entities.with_pronouns.conll_f1", CorefMetrics.score(key, withRefs).conllF1());
            m.put("ecbplus.entities.gold_mentions", (double) n);
            m.put("ecbplus.entities.gold_misplaced", (double) misplaced);
            m.put("ecbplus.entities.mention_recall", n == 0 ? 0 : (double) found / n);
            m.put("ecbplus.entities.muc_f1", sc.muc().f1());
            m.put("ecbplus.entities.bcubed_f1", sc.bcubed().f1());
            m.put("ecbplus.entities.ceafe_f1", sc.ceafe().f1());
            m.put("ecbplus.entities.conll_f1", sc.conllF1());
            return m;
        });
    }

    /** A gold direct quote of PolNeAR: its words without the marks, and its source's words (or null). */
    record GoldQuote(int start, int end, String source) {}

    /**
     * Direct quotes on PolNeAR ({@code dir/text}, {@code dir/attributions}; a direct quote is an attribution
     * whose Content lies inside quotation marks; the first annotator's file of each text). One-to-one
     * matching, a pair matching when their overlap is at least half the longer span: span F1, exact F1, and
     * over matched quotes whose gold has a Source the share whose predicted speaker (its words or its
     * entity's canonical name) is a contiguous run of the Source's words or contains them, or ends with the
     * same word (possessive dropped).
     */
    public static Map<String, Double> polnearQuotes(Path dir, Embedder embedder) throws IOException {
        Map<String, List<GoldQuote>> gold = new HashMap<>();
        Path ann = dir.resolve("attributions");
        List<Path> files;
        try (var st = Files.list(ann)) { files = st.filter(p -> p.toString().endsWith(".ann")).sorted().toList(); }
        for (Path f : files) {
            String name = f.getFileName().toString();
            String stem = name.substring(0, name.lastIndexOf('_'));
            if (gold.containsKey(stem)) continue;
            Path textFile = dir.resolve("text").resolve(stem + ".txt");
            if (!Files.isRegularFile(textFile)) continue;
            gold.put(stem, goldQuotes(Files.readString(textFile, StandardCharsets.UTF_8), Files.readAllLines(f, StandardCharsets.UTF_8)));
        }
        List<String> inputs = new ArrayList<>();
        for (String stem : gold.keySet()) inputs.add(dir.resolve("text").resolve(stem + ".txt").toString());
        inputs.sort(null);
        return Runner.analyzeDeep(inputs, EngineSettings.defaults(), embedder, r -> {
            int predicted = 0, goldCount = 0, matched = 0, exact = 0, withSource = 0, speakerOk = 0;
            for (Map.Entry<String, List<GoldQuote>> g : gold.entrySet()) {
                int i = r.indexOf(g.getKey());
                List<Quote> qs = i < 0 ? List.of()
                        : r.document(i).find(Quotes.LAYER).orElse(Quotes.NONE).list();
                predicted += qs.size();
                goldCount += g.getValue().size();
                boolean[] used = new boolean[qs.size()];
                for (GoldQuote gq : g.getValue()) {
                    int best = -1, bestOverlap = 0;
                    for (int k = 0; k < qs.size(); k++) {
                        if (used[k]) continue;
                        var q = qs.get(k);
                        int overlap = Math.min(q.end(), gq.end()) - Math.max(q.start(), gq.start());
                        int longer = Math.max(q.end() - q.start(), gq.end() - gq.start());
                        if (overlap * 2 >= longer && overlap > bestOverlap) { best = k; bestOverlap = overlap; }
                    }
                    if (best < 0) {
                        if (DEBUG && i >= 0) System.err.println("missed " + g.getKey() + ": " + r.document(i).article().text()
                                .substring(gq.start(), gq.end()).replace('\n', ' '));
                        continue;
                    }
                    used[best] = true;
                    matched++;
                    var q = qs.get(best);
                    if (q.start() == gq.start() && q.end() == gq.end()) exact++;
                    if (gq.source() == null) continue;
                    withSource++;
                    Entity speakerEntity = r.entityAt(g.getKey(), q.speakerMention());
                    String entity = speakerEntity == null ? null : speakerEntity.canonical();
                    if (speakerMatches(q.speaker(), gq.source()) || speakerMatches(entity, gq.source())) speakerOk++;
                    else if (DEBUG) System.err.println("speaker " + g.getKey() + ": predicted " + q.speaker() + " / " + entity + ", gold "
                            + gq.source()
                            + " | " + q.text().substring(0, Math.min(60, q.text().length())));
                }
                if (DEBUG) for (int k = 0; k < qs.size(); k++) if (!used[k]) System.err.println("extra " + g.getKey() + " [" + qs.get(k)
                        .speaker() + " | " + qs.get(k).cue() + "]: "
                        + qs.get(k).text().replace('\n', ' '));
            }
            Map<String, Double> m = new LinkedHashMap<>();
            double p = predicted == 0 ? 0 : (double) matched / predicted, rc = goldCount == 0 ? 0 : (double) matched / goldCount;
            double pe = predicted == 0 ? 0 : (double) exact / predicted, re = goldCount == 0 ? 0 : (double) exact / goldCount;
            m.put("polnear.quotes.gold", (double) goldCount);
            m.put("polnear.quotes.predicted", (double) predicted);
            m.put("polnear.quotes.span_precision", p);
            m.put("polnear.quotes.span_recall", rc);
            m.put("polnear.quotes.span_f1", p + rc == 0 ? 0 : 2 * p * rc / (p + rc));
            m.put("polnear.quotes.exact_f1", pe + re == 0 ? 0 : 2 * pe * re / (pe + re));
            m.put("polnear.quotes.speaker_accuracy", withSource == 0 ? 0 : (double) speakerOk / withSource);
            return m;
        });
    }

    /** The direct quotes of one PolNeAR annotation file: Contents inside quotation marks, the marks left out. */
    static List<GoldQuote> goldQuotes(String text, List<String> lines) {
        record Span(String kind, int start, int end) {}
        Map<String, Span> spans = new HashMap<>();
        List<GoldQuote> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            if (f.length >= 2 && f[0].startsWith("T")) {
                // a discontinuous span ("a b;c d": a quote broken by its cue) is one span per fragment
                String[] kindAndSpans = f[1].split(" ", 2);
                String[] parts = kindAndSpans[1].split(";");
                for (int k = 0; k < parts.length; k++) {
                    String[] se = parts[k].trim().split(" ");
                    spans.put(f[0] + (k == 0 ? "" : "#" + k), new Span(kindAndSpans[0], Integer.parseInt(se[0]),
                            Math.min(Integer.parseInt(se[se.length - 1]), text.length())));
                }
            }
        }
        for (String line : lines) {
            String[] f = line.split("\t");
            if (f.length < 2 || !f[0].startsWith("E")) continue;
            Map<String, String> roles = new HashMap<>();
            for (String x : f[1].split(" ")) {
                int c = x.indexOf(':');
                if (c > 0) roles.put(x.substring(0, c), x.substring(c + 1));
            }
            Span src = spans.get(roles.get("Source"));
            for (int k = 0; spans.containsKey(roles.get("Content") + (k == 0 ? "" : "#" + k)); k++) {
                GoldQuote q = goldQuote(text, spans.get(roles.get("Content") + (k == 0 ? "" : "#" + k)).start(),
                        spans.get(roles.get("Content") + (k == 0 ? "" : "#" + k)).end(), src == null ? null : text.substring(src.start(),
                                src.end()));
                if (q != null) out.add(q);
            }
        }
        return out;
    }

    /** The fragment {@code text[s, e)} of a Content as a direct quote, or null when it is not inside quotation marks. */
    private static GoldQuote goldQuote(String text, int s, int e, String source) {
        {
            if (e <= s) return null;
            // the marks: inside the span or right outside it
            boolean opens = isQuoteMark(text.charAt(s)) || s > 0 && isQuoteMark(text.charAt(s - 1));
            boolean closes = isQuoteMark(text.charAt(e - 1)) || e < text.length() && isQuoteMark(text.charAt(e));
            if (!opens || !closes) return null;
            if (isQuoteMark(text.charAt(s))) s++;
            if (e > s && isQuoteMark(text.charAt(e - 1))) e--;
            while (s < e && Character.isWhitespace(text.charAt(s))) s++;
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
            // a Content that holds several quoted parts with words between them is not one direct quote
            String inner = text.substring(s, e);
            if (inner.isEmpty() || inner.chars().anyMatch(ch -> ch == '\u201c' || ch == '\u201d' || ch == '"')) return null;
            return new GoldQuote(s, e, source);
        }
    }

    private static boolean isQuoteMark(char c) { return c == '"' || c == '\u201c' || c == '\u201d'; }

    /** PolNeAR's speaker rule: a contiguous run of the Source's words, or containing them, or the same last word. */
    static boolean speakerMatches(String predicted, String source) {
        if (predicted == null || source == null) return false;
        List<String> p = speakerWords(predicted), s = speakerWords(source);
        if (p.isEmpty() || s.isEmpty()) return false;
        if (Collections.indexOfSubList(s, p) >= 0 || Collections.indexOfSubList(p, s) >= 0) return true;
        return p.get(p.size() - 1).equals(s.get(s.size() - 1));
    }

    private static List<String> speakerWords(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'\u2019]+")) {
            if (w.endsWith("'s") || w.endsWith("\u2019s")) w = w.substring(0, w.length() - 2);
            if (!w.isEmpty()) out.add(w);
        }
        return out;
    }

    /** The built-in name-variant set: precision and recall of the romanisation-aware matching. */
    public static Map<String, Double> nameVariants() {
        NameVariants.Score s = NameVariants.score();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("names.variants.pairs", (double) s.pairs());
        m.put("names.variants.precision", s.precision());
        m.put("names.variants.recall", s.recall());
        return m;
    }

    /**
     * Title extraction on PolNeAR: each text opens with its article's title, which {@code metadata.tsv}
     * gives; the figure is the share of articles whose extracted title equals it exactly (after trimming).
     */
    public static Map<String, Double> polnearTitles(Path dir) throws IOException {
        Map<String, String> titles = new HashMap<>(), dates = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("metadata.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length > 7 && !f[1].equals("filename")) { titles.put(f[1], f[7].strip()); dates.put(f[1], f[5].strip()); }
        }
        int n = 0, ok = 0, dated = 0, datedOk = 0;
        for (String split : new String[] {"train", "dev", "test"}) {
            Path texts = dir.resolve(split).resolve("text");
            if (!Files.isDirectory(texts)) continue;
            // the split through the engine; each article's id is its file's name without .txt
            Map<String, Article> read = new HashMap<>();
            try (Engine engine = Engine.builder(EngineSettings.defaults()).withoutSentences().build()) {
                engine.ingest(List.of(texts.toString()), null);
                for (Document d : engine.results().documents()) read.put(d.id(), d.article());
            }
            List<String> files;
            try (var s = Files.list(texts)) { files = s.map(Path::toString).sorted().toList(); }
            for (String file : files) {
                String id = Path.of(file).getFileName().toString().replaceFirst("\\.txt$", "");
                String want = titles.get(id);
                if (want == null) continue;
                n++;
                Article a = read.get(id);
                String title = a == null ? null : a.title(), published = a == null || a.published() == null ? null : a.published()
                        .toString();
                if (title != null && title.strip().equals(want)) ok++;
                if (published != null) { dated++; if (published.equals(dates.get(id))) datedOk++; }
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("polnear.titles.exact", ratio(ok, n));
        m.put("polnear.titles.articles", (double) n);
        // the texts rarely carry a full date: how often one is claimed, and how often a claimed one is right
        m.put("polnear.published.claimed", ratio(dated, n));
        if (dated > 0) m.put("polnear.published.correct_when_claimed", ratio(datedOk, dated));
        return m;
    }

    /**
     * Publication dates of HTML pages against labels: {@code DIR/dates.tsv} lists {@code file<TAB>YYYY-MM-DD}
     * (or {@code -} for a page that states no date) for HTML files in {@code DIR}. Figures: the share of
     * pages whose extracted date equals the label (a page labelled {@code -} counts as right when no date is
     * claimed), the share of pages given a date, and the share of claimed dates that are right.
     */
    public static Map<String, Double> htmlDates(Path dir) throws IOException {
        int pages = 0, right = 0, claimed = 0, claimedRight = 0;
        List<String[]> labelled = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("dates.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length < 2) throw new IOException(dir.resolve("dates.tsv") + ": line '" + line + "' is not file<TAB>date");
            labelled.add(new String[] {dir.resolve(f[0].strip()).toString(), f[1].strip().equals("-") ? null : f[1].strip()});
        }
        Map<String, String> dateByPath = new HashMap<>();
        try (Engine engine = Engine.builder(EngineSettings.defaults()).withoutSentences().build()) {
            engine.ingest(labelled.stream().map(l -> l[0]).toList(), null);
            for (Document d : engine.results().documents()) {
                dateByPath.put(d.article().path(), d.article().published() == null ? null : d.article().published().toString());
            }
        }
        for (String[] l : labelled) {
            String want = l[1], got = dateByPath.get(l[0]);
            pages++;
            if (Objects.equals(want, got)) right++;
            if (got != null) { claimed++; if (got.equals(want)) claimedRight++; }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("html_dates.correct", ratio(right, pages));
        m.put("html_dates.claimed", ratio(claimed, pages));
        if (claimed > 0) m.put("html_dates.correct_when_claimed", ratio(claimedRight, claimed));
        m.put("html_dates.pages", (double) pages);
        return m;
    }

    /** DUC 2004's summary length: the first 665 bytes of each summary are scored. */
    public static final int DUC_BYTES = 665;

    /**
     * ROUGE-1 and ROUGE-2 of the summaries storytrace writes, on document sets with reference summaries, the way DUC 2004
     * scored them (Porter stems, stop words kept, each summary cut to {@code bytes} bytes, {@link Rouge}). Two layouts:
     * each set a folder with {@code docs/} (its articles, any format storytrace reads) and {@code references/} (one
     * reference a file); or DUC's own, {@code docs/<set>/} and {@code models/} whose files start with the set's name
     * without its last letter ({@code d30001t}: {@code D30001.M.100.T.A}). Each set is analysed on its own as one story
     * ({@link EngineSettings#oneStory}), as the task defines it: a set is the coverage of one topic to summarise whole,
     * and the story stage, given a set alone, splits it where its articles' own vocabulary is all it has to go on (18 wire
     * reports of the 1998 embassy bombings became 14 stories; the summary of the largest covered two). In the same run, the
     * first {@code bytes} bytes of the set's first article (the lead baseline every summariser is compared with) are scored
     * as {@code summaries.lead.*}.
     */
    public static Map<String, Double> summaries(Path dir, Embedder embedder, int bytes) throws IOException {
        record DocSet(String name, Path docs, List<Path> references) {}
        List<DocSet> sets = new ArrayList<>();
        if (Files.isDirectory(dir.resolve("docs")) && Files.isDirectory(dir.resolve("models"))) {
            List<Path> models;
            try (var m = Files.list(dir.resolve("models"))) { models = m.filter(Files::isRegularFile).sorted().toList(); }
            try (var d = Files.list(dir.resolve("docs"))) {
                for (Path set : d.filter(Files::isDirectory).sorted().toList()) {
                    String name = set.getFileName().toString();
                    String prefix = (name.length() > 1 ? name.substring(0, name.length() - 1) : name).toLowerCase(Locale.ROOT) + ".";
                    sets.add(new DocSet(name, set, models.stream().filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                            .startsWith(prefix)).toList()));
                }
            }
        } else {
            try (var d = Files.list(dir)) {
                for (Path set : d.filter(f -> Files.isDirectory(f.resolve("docs"))).sorted().toList()) {
                    List<Path> refs = List.of();
                    if (Files.isDirectory(set.resolve("references"))) {
                        try (var r = Files.list(set.resolve("references"))) { refs = r.filter(Files::isRegularFile).sorted().toList(); }
                    }
                    sets.add(new DocSet(set.getFileName().toString(), set.resolve("docs"), refs));
                }
            }
        }
        sets.removeIf(x -> x.references().isEmpty());
        if (sets.isEmpty()) throw new IOException("summaries: no document set with reference summaries under " + dir);
        PorterStemmer stemmer = new PorterStemmer();
        UnaryOperator<String> stem = w -> { synchronized (stemmer) { return stemmer.stem(w); } };
        double r1 = 0, r2 = 0, f1 = 0, f2 = 0, l1 = 0, l2 = 0;
        for (DocSet set : sets) {
            List<List<String>> refs = new ArrayList<>();
            for (Path r : set.references()) refs.add(Rouge.words(Files.readString(r, StandardCharsets.UTF_8), stem));
            String[] made = Runner.analyzeDeep(List.of(set.docs().toString()), EngineSettings.builder().oneStory(true).build(), embedder,
                    r -> {
                Story biggest = null;
                for (Story st : r.stories()) if (biggest == null || st.articles().size() > biggest.articles().size()) biggest = st;
                StringBuilder text = new StringBuilder();
                r.findStoryLayer(biggest.id(), SummaryStage.LAYER)
                        .ifPresent(sm -> sm.sentences().forEach(l -> text.append(l.text()).append(' ')));
                Article first = r.document(0).article();
                return new String[] {text.toString(), first.text().substring(first.bodyStart(), first.bodyEnd())};
            });
            List<String> sys = Rouge.words(Rouge.truncate(made[0], bytes), stem), lead = Rouge.words(Rouge.truncate(made[1], bytes), stem);
            Rouge.Score one = Rouge.score(1, sys, refs), two = Rouge.score(2, sys, refs);
            r1 += one.recall();
            r2 += two.recall();
            f1 += one.f1();
            f2 += two.f1();
            l1 += Rouge.score(1, lead, refs).recall();
            l2 += Rouge.score(2, lead, refs).recall();
            if (DEBUG) System.err.printf(Locale.ROOT, "summaries %s rouge1 %.4f rouge2 %.4f | %s%n", set.name(), one.recall(), two.recall(),
                    Rouge.truncate(made[0], bytes));
        }
        int n = sets.size();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("summaries.sets", (double) n);
        m.put("summaries.rouge1_recall", r1 / n);
        m.put("summaries.rouge2_recall", r2 / n);
        m.put("summaries.rouge1_f1", f1 / n);
        m.put("summaries.rouge2_f1", f2 / n);
        m.put("summaries.lead.rouge1_recall", l1 / n);
        m.put("summaries.lead.rouge2_recall", l2 / n);
        return m;
    }

    /**
     * Discrepancy precision and recall on a test set of small multi-article stories, one folder each: the
     * articles as {@code .txt} files and {@code expected.json} with the {@code discrepancies} (kind, and the
     * articles on each side of it), the {@code updates} (a count's values in order) and the
     * {@code not_discrepancies} a reader might take for one. Each folder is analysed on its own with the deep
     * tier; a reported discrepancy is right when an expected one has its kind and the same articles on each side.
     */
    public static Map<String, Double> discrepancies(Path dir) throws IOException { return discrepancies(dir, "testset"); }

    /** Every discrepancy of the results once (one across two stories of a topic is listed in both). */
    static List<FactStage.Fact> discrepanciesOf(Results r) {
        Set<FactStage.Fact> out = new LinkedHashSet<>();
        for (Story st : r.stories()) r.findStoryLayer(st.id(), FactStage.LAYER).ifPresent(f -> out.addAll(f.discrepancies()));
        return new ArrayList<>(out);
    }

    /** The same on another set of stories, its figures named {@code prefix.discrepancies.*} and {@code prefix.updates.*}. */
    public static Map<String, Double> discrepancies(Path dir, String prefix) throws IOException {
        List<Path> stories;
        try (var s = Files.list(dir)) {
            stories = s.filter(f -> Files.isRegularFile(f.resolve("expected.json"))).sorted().toList();
        }
        int expectedCount = 0, predicted = 0, correct = 0, found = 0, updatesWanted = 0, updatesFound = 0, updatesPredicted = 0, split = 0;
        Map<String, int[]> byKind = new TreeMap<>();
        for (Path story : stories) {
            JsonNode expected = JSON.readTree(story.resolve("expected.json").toFile());
            List<FactStage.Fact> disc = new ArrayList<>(), upd = new ArrayList<>();
            int parts = Runner.analyzeDeep(List.of(story.toString()), EngineSettings.defaults(), Runner.defaultEmbedder(), r -> {
                disc.addAll(discrepanciesOf(r));
                for (Story st : r.stories()) r.findStoryLayer(st.id(), FactStage.LAYER).ifPresent(f -> upd.addAll(f.updates()));
                return r.stories().size();
            });
            if (parts > 1) {
                split++;
                if (DEBUG) System.err.println("discrepancies SPLIT " + story.getFileName() + " into " + parts + " stories");
            }
            predicted += disc.size();
            updatesPredicted += upd.size();
            Set<FactStage.Fact> matched = new HashSet<>();
            for (JsonNode d : expected.path("discrepancies")) {
                expectedCount++;
                String kind = d.get("kind").asText();
                int[] k = byKind.computeIfAbsent(kind, x -> new int[2]);
                k[0]++;
                Set<Set<String>> sides = sides(d.get("values"));
                FactStage.Fact hit = null;
                for (FactStage.Fact f : disc) {
                    if (!matched.contains(f) && f.kind().equals(kind) && sides(f).equals(sides)) { hit = f; break; }
                }
                if (hit != null) { matched.add(hit); found++; k[1]++; }
                else if (DEBUG) System.err.println("discrepancies MISSED " + story.getFileName() + " " + kind + " " + sides);
            }
            correct += matched.size();
            if (DEBUG) for (FactStage.Fact f : disc) if (!matched.contains(f)) {
                System.err.println("discrepancies EXTRA " + story.getFileName() + " " + f.kind() + " " + f.fact() + " "
                        + f.values().stream().map(v -> v.value() + " " + v.articles()).toList());
            }
            for (JsonNode u : expected.path("updates")) {
                updatesWanted++;
                List<String> want = new ArrayList<>();
                u.get("values").forEach(v -> want.add(v.asText()));
                boolean ok = upd.stream().anyMatch(f -> f.values().stream().map(FactStage.Value::value).toList().equals(want));
                if (ok) updatesFound++;
                else if (DEBUG) System.err.println("discrepancies MISSED update " + story.getFileName() + " " + want + " got " + upd);
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(prefix + ".discrepancies.stories", (double) stories.size());
        m.put(prefix + ".discrepancies.stories_split", (double) split);
        m.put(prefix + ".discrepancies.expected", (double) expectedCount);
        m.put(prefix + ".discrepancies.predicted", (double) predicted);
        m.put(prefix + ".discrepancies.precision", predicted == 0 ? 0 : (double) correct / predicted);
        m.put(prefix + ".discrepancies.recall", expectedCount == 0 ? 0 : (double) found / expectedCount);
        byKind.forEach((k, v) -> m.put(prefix + ".discrepancies.recall_" + k, v[0] == 0 ? 0 : (double) v[1] / v[0]));
        m.put(prefix + ".updates.recall", updatesWanted == 0 ? 0 : (double) updatesFound / updatesWanted);
        m.put(prefix + ".updates.predicted", (double) updatesPredicted);
        return m;
    }

    /**
     * Discrepancy precision on real articles, against a pool of judgments: each discrepancy the deep tier once
     * reported on a real corpus (the news pool's wire reports, ECB+'s articles), read and marked right or wrong by
     * hand (a tab-separated file: corpus folder under {@code corpora}, kind, the articles on each side, verdict, note).
     * A discrepancy reported now is right, wrong, or unjudged (none of the pool: {@code STORYTRACE_EVAL_DEBUG=1}
     * prints it, to be judged and added); precision is over the judged ones; {@code right_kept} is the share of the
     * pool's right ones still reported. No recall: nobody listed every discrepancy these corpora hold.
     */
    public static Map<String, Double> judged(Path file, Path corpora) throws IOException {
        record Judgment(String kind, Set<Set<String>> sides, boolean right) {}
        Map<String, List<Judgment>> byCorpus = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 4) throw new IOException(file + ": a judgment needs corpus, kind, sides and verdict: " + line);
            Set<Set<String>> sides = new HashSet<>();
            for (String side : f[2].split("\\s*\\|\\s*")) sides.add(new HashSet<>(List.of(side.strip().split(","))));
            if (!f[3].equals("right") && !f[3].equals("wrong")) throw new IOException(file + ": verdict must be right or wrong: " + line);
            byCorpus.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Judgment(f[1], sides, f[3].equals("right")));
        }
        int reported = 0, right = 0, wrong = 0, unjudged = 0, rightInPool = 0, rightKept = 0;
        int[] unrelatedJoins = {0};
        for (Map.Entry<String, List<Judgment>> c : byCorpus.entrySet()) {
            Path dir = corpora.resolve(c.getKey());
            if (!Files.isDirectory(dir)) throw new IOException("judged discrepancies: corpus " + dir + " not found");
            List<FactStage.Fact> disc = new ArrayList<>();
            Runner.analyzeDeep(List.of(dir.toString()), EngineSettings.defaults(), Runner.defaultEmbedder(), r -> {
                disc.addAll(discrepanciesOf(r));
                for (Entity e : r.entities()) {
                    List<String> unrelated = unrelatedNames(e);
                    if (unrelated.size() < 3) continue;
                    unrelatedJoins[0]++;
                    if (DEBUG) System.err.println("judged JOINED " + c.getKey() + "\t" + e.canonical() + "\t" + unrelated);
                }
                return null;
            });
            Set<Judgment> seen = new HashSet<>();
            for (FactStage.Fact f : disc) {
                reported++;
                Set<Set<String>> sides = sides(f);
                Judgment j = c.getValue().stream().filter(x -> x.kind().equals(f.kind()) && x.sides().equals(sides)).findFirst()
                        .orElse(null);
                if (j == null) {
                    unjudged++;
                    if (DEBUG) System.err.println("judged UNJUDGED " + c.getKey() + "\t" + judgedLine(f, sides));
                    continue;
                }
                seen.add(j);
                if (j.right()) right++; else wrong++;
                if (DEBUG) System.err.println("judged " + (j.right() ? "RIGHT " : "WRONG ") + c.getKey() + "\t" + judgedLine(f, sides));
            }
            for (Judgment j : c.getValue()) if (j.right()) { rightInPool++; if (seen.contains(j)) rightKept++; }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("judged.discrepancies.reported", (double) reported);
        m.put("judged.discrepancies.right", (double) right);
        m.put("judged.discrepancies.wrong", (double) wrong);
        m.put("judged.discrepancies.unjudged", (double) unjudged);
        m.put("judged.discrepancies.precision", right + wrong == 0 ? 0 : (double) right / (right + wrong));
        m.put("judged.discrepancies.right_kept", rightInPool == 0 ? 0 : (double) rightKept / rightInPool);
        m.put("judged.entities.unrelated_names_joined", (double) unrelatedJoins[0]);
        return m;
    }

    /**
     * An organisation's full names (two words or more, not acronyms) none of which ends another, by their words in lower
     * case: three or more are one entity made of unrelated organisations (the BJP, Labour and the Democratic Party as one,
     * which the collection's entities did before session 32), where spellings of one organisation differ only in
     * punctuation or in a part that the other ends with (Quds Force, Iranian Quds Force). No labels needed: a count
     * over real articles that should stay at or near zero.
     */
    static List<String> unrelatedNames(Entity e) {
        if (e.type() != EntityType.ORGANIZATION) return List.of();
        Set<String> names = new TreeSet<>();
        for (Entity.Variant v : e.variants()) {
            String[] words = v.text().strip().split("[\\s/\u2010\u2013-]+"); // ABC News/Washington Post, ABC News-Washington Post
            if (words.length < 2 || v.text().chars().noneMatch(Character::isLowerCase)) continue;
            // a possessive is no other name: CBS' Face the Nation, CBS's Face the Nation
            for (int w = 0; w < words.length; w++) words[w] = words[w].replaceAll("['\u2019]s?$", "");
            names.add(String.join(" ", words).toLowerCase(Locale.ROOT));
        }
        List<String> out = new ArrayList<>();
        for (String n : names) {
            boolean related = false;
            for (String o : names) if (!o.equals(n) && (o.endsWith(" " + n) || n.endsWith(" " + o))) related = true;
            if (!related) out.add(n);
        }
        return out;
    }

    /** A reported discrepancy for the debug lines: kind, sides, fact, and each value with its first evidence. */
    private static String judgedLine(FactStage.Fact f, Set<Set<String>> sides) {
        return f.kind() + "\t" + sidesText(sides) + "\t" + f.fact() + " "
                + f.values().stream().map(v -> v.value() + " " + v.evidence().get(0).text()).toList();
    }

    /** A discrepancy's sides as the judgments file writes them: each side's articles sorted, joined by commas; sides by " | ". */
    static String sidesText(Set<Set<String>> sides) {
        return sides.stream().map(x -> String.join(",", new TreeSet<>(x))).sorted().collect(Collectors.joining(" | "));
    }

    /**
     * TempEval-3's time-expression figures over every {@code .tml} file under {@code dir} (the DCT excluded;
     * extraction by overlap and by exact span, type and value over the overlapping matches). The tagger
     * resolves against each document's DCT, as the product resolves against a publication date.
     */
    public static Map<String, Double> tempeval(Path dir) throws IOException {
        List<Path> files;
        try (var s = Files.walk(dir)) {
            files = s.filter(f -> f.toString().endsWith(".tml")).sorted().toList();
        }
        TimexMetrics metrics = new TimexMetrics();
        int documents = 0;
        for (Path f : files) {
            TimeMl doc;
            try {
                doc = TimeMl.parse(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                System.err.println("tempeval3: skipped " + f + ": " + e.getMessage());
                continue;
            }
            documents++;
            List<TimexMetrics.Item> gold = doc.gold().stream().map(g -> new TimexMetrics.Item(g.start(), g.end(), g.type(), g.value()))
                    .toList();
            List<Timex> found = TimeTagger.tag(doc.text(), 0, doc.text().length(), doc.dct(), "published");
            List<TimexMetrics.Item> predicted = found.stream()
                    .map(t -> new TimexMetrics.Item(t.start(), t.end(), t.type().name(), t.value())).toList();
            int[] match = metrics.add(gold, predicted);
            if (DEBUG) {
                Set<Integer> matched = new HashSet<>();
                for (int p = 0; p < match.length; p++) {
                    TimexMetrics.Item x = predicted.get(p);
                    String ctx = doc.text().substring(Math.max(0, x.start() - 40), Math.min(doc.text().length(), x.end() + 40))
                            .replace('\n', ' ');
                    if (match[p] < 0) { System.err.println("tempeval3 EXTRA " + f.getFileName() + " [" + x.text(doc) + "] " + x.type() + " "
                            + x.value() + " | " + ctx); continue; }
                    matched.add(match[p]);
                    TimexMetrics.Item y = gold.get(match[p]);
                    if (x.start() != y.start() || x.end() != y.end()) {
                        System.err.println("tempeval3 SPAN " + f.getFileName() + " [" + x.text(doc) + "] gold [" + y.text(doc) + "]");
                    }
                    if (!String.valueOf(x.value()).equals(y.value()) || !x.type().equals(y.type())) {
                        System.err.println("tempeval3 VALUE " + f.getFileName() + " dct " + doc.dct() + " [" + x.text(doc) + "] " + x.type()
                                + " " + x.value()
                                + " gold " + y.type() + " " + y.value() + " | " + ctx);
                    }
                }
                for (int g = 0; g < gold.size(); g++) {
                    if (matched.contains(g)) continue;
                    TimexMetrics.Item y = gold.get(g);
                    String ctx = doc.text().substring(Math.max(0, y.start() - 40), Math.min(doc.text().length(), y.end() + 40))
                            .replace('\n', ' ');
                    System.err.println("tempeval3 MISSED " + f.getFileName() + " [" + y.text(doc) + "] " + y.type() + " " + y.value()
                            + " | " + ctx);
                }
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("tempeval3.documents", (double) documents);
        metrics.figures("tempeval3").forEach((k, v) -> m.put(k, v));
        return m;
    }

    private static String read(Path p) {
        try { return Files.readString(p, StandardCharsets.UTF_8); } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    private static double ratio(int a, int b) { return b == 0 ? 1 : (double) a / b; }

}
