package org.storytrace.engine.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.storytrace.core.entity.Entity;
import org.storytrace.core.fact.FactStage;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Passage;
import org.storytrace.core.model.Story;
import org.storytrace.core.quote.QuoteGroupStage;
import org.storytrace.core.quote.QuoteGrouper;
import org.storytrace.core.summary.SummaryStage;
import org.storytrace.core.time.TimelineStage;
import org.storytrace.engine.Results;

/**
 * The report for people: a front page ({@code report.html}) with the largest stories first (headline,
 * outlets, dates, reuse), and one page per shown story ({@code stories/s12.html}) with its articles and
 * their shared passages side by side in context. Linear in the output and bounded in size whatever the
 * collection: at most {@link #MAX_STORIES} stories get a page, each page at most {@link #MAX_ARTICLES}
 * articles and {@link #MAX_LINKS} links of {@link #MAX_PASSAGES} passages, and every page says what it
 * left out and where to find it ({@code stories.json}). Not a contract.
 */
public final class HtmlReport {
    static final int MAX_STORIES = 200, MAX_ARTICLES = 100, MAX_LINKS = 30, MAX_PASSAGES = 12, CONTEXT = 160, MAX_ENTITIES = 40,
            MAX_QUOTE_GROUPS = 20, MAX_EVENTS = 40,
            MAX_EVIDENCE_ARTICLES = 30, MAX_BODY = 20_000;

    private HtmlReport() {}

    /** Writes {@code report.html} and the {@code stories/} pages into {@code out}. */
    public static void write(Results r, OutputFolder out) throws IOException {
        List<Story> stories = r.stories();
        // the links of each story in one pass: a link belongs to the story of its first article
        Map<String, Integer> storyOf = new HashMap<>(Math.max(16, r.articleCount() * 2));
        for (int s = 0; s < stories.size(); s++) for (String id : stories.get(s).articles()) storyOf.put(id, s);
        List<List<Link>> linksOf = new ArrayList<>(stories.size());
        for (int s = 0; s < stories.size(); s++) linksOf.add(null);
        for (Link l : r.links()) {
            Integer s = storyOf.get(l.a());
            if (s == null || !s.equals(storyOf.get(l.b()))) continue;
            if (linksOf.get(s) == null) linksOf.set(s, new ArrayList<>());
            linksOf.get(s).add(l);
        }
        int crossLinks = 0;
        for (Link l : r.links()) if (!Objects.equals(storyOf.get(l.a()), storyOf.get(l.b()))) crossLinks++;
        // the largest stories first (ties: more reuse, then story order)
        List<Integer> order = new ArrayList<>(stories.size());
        for (int s = 0; s < stories.size(); s++) order.add(s);
        order.sort(Comparator.<Integer>comparingInt(s -> -stories.get(s).articles().size())
                .thenComparingInt(s -> linksOf.get(s) == null ? 0 : -linksOf.get(s).size()).thenComparingInt(s -> s));
        List<Integer> shown = order.subList(0, Math.min(MAX_STORIES, order.size()));
        List<Summary> summaries = new ArrayList<>(shown.size());
        for (int s : shown) summaries.add(summarise(r, stories.get(s), linksOf.get(s)));
        final int cross = crossLinks;
        out.write("report.html", o -> front(o, r, summaries, stories.size(), cross));
        Map<String, Entity> entityById = new HashMap<>();
        if (r.hasEntities()) {
            Set<String> wanted = new HashSet<>();
            for (Summary sum : summaries) wanted.addAll(r.entitiesOf(sum.story.id()));
            for (Entity e : r.entities()) if (wanted.contains(e.id())) entityById.put(e.id(), e);
        }
        out.replaceFolder("stories", dir -> {
            for (int k = 0; k < shown.size(); k++) {
                int s = shown.get(k);
                Summary sum = summaries.get(k);
                try (Writer w = writer(Files.newOutputStream(dir.resolve(sum.story.id() + ".html")))) {
                    storyPage(w, r, sum, linksOf.get(s) == null ? List.of() : linksOf.get(s), entityById);
                }
            }
        });
    }

    /** What the front page says about one story. */
    private record Summary(Story story, String headline, List<String> outlets, String from, String to, int links, double maxReuse,
                           Map<String, Article> articles) {}

    private static Summary summarise(Results r, Story s, List<Link> links) {
        Map<String, Article> articles = new LinkedHashMap<>();
        String headline = null, from = null, to = null;
        Set<String> outlets = new LinkedHashSet<>();
        for (String id : s.articles()) {
            if (articles.size() >= MAX_ARTICLES) break;
            Article a = r.expectDocument(id).article();
            articles.put(id, a);
            if (headline == null && a.title() != null) headline = a.title();
            String outlet = a.creditedOutlet();
            if (outlet != null) outlets.add(outlet);
            if (a.published() != null) {
                String d = a.published().toString();
                if (from == null || d.compareTo(from) < 0) from = d;
                if (to == null || d.compareTo(to) > 0) to = d;
            }
        }
        double reuse = 0;
        if (links != null) for (Link l : links) reuse = Math.max(reuse, Math.max(l.reusedShareA(), l.reusedShareB()));
        return new Summary(s, headline, new ArrayList<>(outlets), from, to, links == null ? 0 : links.size(), reuse, articles);
    }

    /**
     * A fact as a heading: its own words, which already say what kind of fact it is ({@code date of: ...}, {@code country
     * of Basra}, {@code killed: ...}), with a capital; the kind goes beside it in small type, not before it again.
     */
    public static String factHeading(String fact) {
        if (fact == null || fact.isEmpty()) return "";
        return fact.substring(0, 1).toUpperCase(Locale.ROOT) + fact.substring(1);
    }

    /** What stands for a missing headline: the article's opening words, in italics, so a reader can still tell stories apart. */
    static String headlineless(Article a) {
        String lead = lead(a);
        return lead == null ? "(no headline)" : "<i>" + esc(lead) + "</i>";
    }

    /**
     * An article's opening words as plain text, cut at a word within {@value #LEAD_CHARS} characters (with an ellipsis),
     * to stand for a headline it lacks; null when its body is blank. The report and the server's pages show it in italics.
     */
    public static String lead(Article a) {
        String t = a.text();
        int from = Math.max(0, Math.min(a.bodyStart(), t.length())), to = Math.min(Math.min(a.bodyEnd(), t.length()), from + 400);
        String lead = t.substring(from, Math.max(from, to)).replaceAll("\\s+", " ").strip();
        if (lead.isEmpty()) return null;
        if (lead.length() > LEAD_CHARS) {
            int cut = lead.lastIndexOf(' ', LEAD_CHARS);
            lead = lead.substring(0, cut > LEAD_CHARS / 2 ? cut : LEAD_CHARS) + "\u2026";
        }
        return lead;
    }

    /** How many characters of an article's opening words stand for a missing headline. */
    static final int LEAD_CHARS = 90;

    private static Writer writer(OutputStream out) { return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
            1 << 16); }

    private static final String STYLE = "body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}"
            + "h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em}.meta{color:#666;font-size:.9em}"
            + "table{border-collapse:collapse;width:100%}td,th{vertical-align:top;padding:.4em;border:1px solid #ddd;text-align:left}"
            // two columns side by side share the width; wider tables (discrepancies, timeline) size to their content
            + "table.side td:first-child:nth-last-child(2),table.side td:first-child:nth-last-child(2)~td{width:50%}"
            + "table.timeline td:first-child{width:11em;white-space:nowrap}mark{background:#ffe08a}.ctx{color:#555}.rej{color:#a00}";

    private static void head(Writer w, String title) throws IOException {
        w.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" "
                + "content=\"default-src 'none'; style-src 'unsafe-inline'\"><title>");
        w.write(esc(title));
        w.write("</title><style>" + STYLE + "</style></head><body>");
    }

    private static void front(OutputStream o, Results r, List<Summary> shown, int storyCount, int crossLinks) throws IOException {
        Writer w = writer(o);
        head(w, "storytrace report");
        w.write("<h1>storytrace report</h1><p>" + r.articleCount() + " articles, " + storyCount + " stories, " + r.links().size()
                + " links, " + r.duplicates().size() + " duplicates, " + r.rejections().size() + " rejected.</p>");
        if (storyCount > shown.size()) {
            w.write("<p class=\"meta\">Showing the " + shown.size() + " largest of " + storyCount
                    + " stories; stories.json lists every story, article and link.</p>");
        }
        if (crossLinks > 0) w.write("<p class=\"meta\">" + crossLinks
                + " links join articles of different stories; they are listed in stories.json.</p>");
        w.write("<table><tr><th>story</th><th>headline</th><th>articles</th><th>outlets</th><th>dates</th><th>links</th><th>most"
                + " reused</th></tr>");
        for (Summary s : shown) {
            String id = esc(s.story.id());
            w.write("<tr><td><a href=\"stories/" + id + ".html\">" + id + "</a> <span class=\"meta\">" + esc(s.story.topic())
                    + "</span></td><td>");
            w.write(s.headline != null ? esc(s.headline) : headlineless(s.articles.values().iterator().next()));
            w.write("</td><td>" + s.story.articles().size() + "</td><td>");
            List<String> outlets = s.outlets;
            w.write(esc(String.join(", ", outlets.subList(0, Math.min(5, outlets.size())))));
            if (outlets.size() > 5) w.write(" +" + (outlets.size() - 5));
            w.write("</td><td>" + (s.from == null ? "undated" : s.from.equals(s.to) ? s.from : s.from + " – " + s.to) + "</td><td>"
                    + s.links
                    + "</td><td>" + (s.links == 0 ? "" : Math.round(s.maxReuse * 100) + "%") + "</td></tr>");
        }
        w.write("</table>");
        if (!r.rejections().isEmpty()) {
            int max = Math.min(200, r.rejections().size());
            w.write("<h2>Rejected inputs</h2><ul>");
            for (int i = 0; i < max; i++) {
                var x = r.rejections().get(i);
                w.write("<li class=\"rej\">" + esc(x.path()) + (x.position() == null ? "" : " (" + esc(x.position()) + ")") + ": "
                        + esc(x.reason()) + "</li>");
            }
            w.write("</ul>");
            if (max < r.rejections().size()) w.write("<p class=\"meta\">" + (r.rejections().size() - max) + " more in rejected.jsonl.</p>");
        }
        w.write("</body></html>");
        w.flush();
    }

    private static void storyPage(Writer w, Results r, Summary s, List<Link> links, Map<String, Entity> entityById) throws IOException {
        head(w, "story " + s.story.id());
        w.write("<p><a href=\"../report.html\">all stories</a></p><h1>Story " + esc(s.story.id()) + " <span class=\"meta\">topic "
                + esc(s.story.topic()) + "</span></h1><h2>" + s.story.articles().size() + " articles</h2><ul>");
        for (Article a : s.articles.values()) {
            w.write("<li><b>" + (a.title() == null ? headlineless(a) : esc(a.title())) + "</b> <span class=\"meta\">" + esc(a.id()) + " · "
                    + (a.outlet() == null ? "outlet unknown" : esc(a.outlet())) + (a.source() == null ? "" : " · from " + esc(a.source()))
                            + " · "
                    + (a.published() == null ? "undated" : a.published().toString()) + (a.author() == null ? "" : " · by "
                            + esc(a.author()))
                    + "</span></li>");
        }
        w.write("</ul>");
        if (s.story.articles().size() > s.articles.size()) {
            w.write("<p class=\"meta\">" + (s.story.articles().size() - s.articles.size()) + " more articles in stories.json.</p>");
        }
        FactStage.StoryFacts facts = r.findStoryLayer(s.story.id(), FactStage.LAYER).orElse(null);
        discrepancies(w, r, s.story.id(), facts);
        summary(w, r.findStoryLayer(s.story.id(), SummaryStage.LAYER).orElse(null));
        timeline(w, r.findStoryLayer(s.story.id(), TimelineStage.LAYER).orElse(null));
        entities(w, s, r.entitiesOf(s.story.id()), entityById);
        quoteGroups(w, r, r.findStoryLayer(s.story.id(), QuoteGroupStage.LAYER).orElse(null));
        List<Link> sorted = new ArrayList<>(links);
        sorted.sort(Comparator.comparingDouble((Link l) -> -Math.max(l.reusedShareA(), l.reusedShareB())).thenComparing(Link::a)
                .thenComparing(Link::b));
        if (!sorted.isEmpty()) w.write("<h2>" + sorted.size() + " links</h2>");
        if (sorted.size() > MAX_LINKS) w.write("<p class=\"meta\">Showing the " + MAX_LINKS
                + " with the most reuse; stories.json lists them all.</p>");
        for (Link l : sorted.subList(0, Math.min(MAX_LINKS, sorted.size()))) {
            Article a = s.articles.containsKey(l.a()) ? s.articles.get(l.a()) : r.expectDocument(l.a()).article();
            Article b = s.articles.containsKey(l.b()) ? s.articles.get(l.b()) : r.expectDocument(l.b()).article();
            link(w, l, a, b);
        }
        evidence(w, r, facts);
        w.write("</body></html>");
    }

    /**
     * The story's people, organisations and places, the most mentioned in the story first (at most
     * {@value #MAX_ENTITIES}), each with its spellings and the outlets that use each.
     */
    private static void entities(Writer w, Summary s, List<String> ids, Map<String, Entity> entityById) throws IOException {
        if (ids.isEmpty()) return;
        Set<String> articles = new HashSet<>(s.story.articles());
        List<Entity> es = new ArrayList<>();
        Map<Entity, Integer> here = new HashMap<>(), pronouns = new HashMap<>();
        for (String id : ids) {
            Entity e = entityById.get(id);
            if (e == null) continue;
            int k = 0, r = 0;
            for (Entity.At m : e.mentions()) if (articles.contains(m.article())) k++;
            for (Entity.At m : e.references()) if (articles.contains(m.article())) r++;
            here.put(e, k);
            pronouns.put(e, r);
            es.add(e);
        }
        es.sort(Comparator.comparingInt((Entity e) -> -here.get(e)));
        w.write("<h2>" + es.size() + " people, organisations and places</h2>");
        if (es.size() > MAX_ENTITIES) w.write("<p class=\"meta\">Showing the " + MAX_ENTITIES
                + " mentioned most; stories.json lists them all.</p>");
        w.write("<table class=\"entities\"><tr><th>name</th><th>type</th><th>mentions here</th><th>pronouns here</th>"
                + "<th>spellings (outlets)</th></tr>");
        for (Entity e : es.subList(0, Math.min(MAX_ENTITIES, es.size()))) {
            StringBuilder v = new StringBuilder();
            int shown = 0;
            for (Entity.Variant x : e.variants()) {
                if (shown++ == 8) { v.append("…"); break; }
                if (v.length() > 0) v.append("; ");
                v.append(esc(x.text())).append(" <span class=\"meta\">(").append(esc(String.join(", ", new TreeSet<>(x.outlets()
                        .keySet())))).append(")</span>");
            }
            w.write("<tr><td><b>" + esc(e.canonical()) + "</b>" + (e.roles().isEmpty() ? "" : " <span class=\"meta\">"
                    + esc(String.join(", ", e.roles())) + "</span>")
                    + "</td><td>" + e.type().name().toLowerCase(Locale.ROOT) + "</td><td>" + here.get(e) + "</td><td>" + pronouns.get(e)
                    + "</td><td>" + v + "</td></tr>");
        }
        w.write("</table>");
    }

    /** The quotes several articles of the story report, each wording beside the most complete one with its differences. */
    private static void quoteGroups(Writer w, Results r, QuoteGroupStage.StoryQuotes sq) throws IOException {
        if (sq == null || sq.groups().isEmpty()) return;
        w.write("<h2>" + sq.groups().size() + " quotes reported by several outlets</h2>");
        int shown = 0;
        for (QuoteGrouper.Group g : sq.groups()) {
            if (shown++ == MAX_QUOTE_GROUPS) {
                w.write("<p class=\"meta\">" + (sq.groups().size() - MAX_QUOTE_GROUPS) + " more groups in stories.json.</p>");
                break;
            }
            QuoteGrouper.Item ref = sq.items().get(g.reference());
            QuoteGrouper.Item by = sq.items().get(QuoteGrouper.speakerItem(g, sq.items(), r::namesSpeaker));
            String speaker = r.speakerName(by.article(), by.quote());
            w.write("<h3>" + (speaker == null ? "unattributed" : esc(speaker)) + "</h3><table class=\"side\">");
            w.write("<tr><td class=\"meta\">" + esc(ref.article()) + " (most complete)</td><td>" + esc(clip(ref.quote().text()))
                    + "</td></tr>");
            for (QuoteGrouper.Difference d : g.differences()) {
                QuoteGrouper.Item it = sq.items().get(d.item());
                StringBuilder diff = new StringBuilder();
                for (String[] c : d.changed()) diff.append("changed “").append(esc(c[0])).append("” to “").append(esc(c[1])).append("”; ");
                for (String x : d.inserted()) diff.append("inserted “").append(esc(clip(x))).append("”; ");
                for (String x : d.omitted()) diff.append("left out “").append(esc(clip(x))).append("”; ");
                w.write("<tr><td class=\"meta\">" + esc(it.article()) + "</td><td>" + esc(clip(it.quote().text()))
                        + "<br><span class=\"meta\">"
                        + (diff.length() == 0 ? "same words" : diff) + "</span></td></tr>");
            }
            w.write("</table>");
        }
    }

    /** Where the story's articles disagree, first on the page: each fact, each value with its outlets, sources and evidence. */
    private static void discrepancies(Writer w, Results r, String story, FactStage.StoryFacts f) throws IOException {
        if (f == null || f.discrepancies().isEmpty() && f.updates().isEmpty()) return;
        if (!f.discrepancies().isEmpty()) {
            w.write("<h2>" + f.discrepancies().size() + " discrepancies</h2>");
            for (FactStage.Fact x : f.discrepancies()) {
                fact(w, x);
                List<String> across = r.storiesOf(story, x);
                if (!across.isEmpty()) {
                    w.write("<p class=\"meta\">Told across the stories " + esc(String.join(", ", across)) + " of one topic.</p>");
                }
            }
        }
        if (!f.updates().isEmpty()) {
            w.write("<h2>" + f.updates().size() + " updated counts</h2>");
            for (FactStage.Fact x : f.updates()) fact(w, x);
        }
    }

    private static void fact(Writer w, FactStage.Fact x) throws IOException {
        w.write("<h3>" + esc(clip(factHeading(x.fact()))) + " <span class=\"meta\">" + esc(x.kind()) + "</span>"
                + "</h3><table class=\"side\"><tr><th>value</th><th>outlets</th><th>evidence</th></tr>");
        for (FactStage.Value v : x.values()) {
            w.write("<tr><td><b>" + esc(clip(v.value())) + "</b></td><td>" + esc(String.join(", ", v.articles()))
                    + "<br><span class=\"meta\">" + v.sources()
                    + (v.sources() == 1 ? " independent source" : " independent sources") + "</span></td><td>");
            for (FactStage.Evidence e : v.evidence()) {
                w.write("<a class=\"meta\" href=\"#" + anchor(e) + "\">" + esc(e.article()) + " @" + e.start() + (e.implied() ? ", implied"
                        : "") + "</a> “"
                        + esc(clip(e.text())) + "”<br>");
            }
            w.write("</td></tr>");
        }
        w.write("</table>");
    }

    private static String anchor(FactStage.Evidence e) { return "ev-" + e.article().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + e.start(); }

    /**
     * The articles that hold a discrepancy's or an update's evidence, each body in full with its evidence marked,
     * so every value's link lands on its words in its article (at most {@value #MAX_EVIDENCE_ARTICLES} articles,
     * {@value #MAX_BODY} characters each).
     */
    private static void evidence(Writer w, Results r, FactStage.StoryFacts f) throws IOException {
        if (f == null || f.discrepancies().isEmpty() && f.updates().isEmpty()) return;
        Map<String, TreeMap<Integer, FactStage.Evidence>> byArticle = new LinkedHashMap<>();
        for (List<FactStage.Fact> list : List.of(f.discrepancies(), f.updates())) {
            for (FactStage.Fact x : list) for (FactStage.Value v : x.values()) for (FactStage.Evidence e : v.evidence()) {
                byArticle.computeIfAbsent(e.article(), k -> new TreeMap<>()).putIfAbsent(e.start(), e);
            }
        }
        w.write("<h2>Evidence in the articles</h2>");
        int shown = 0;
        for (Map.Entry<String, TreeMap<Integer, FactStage.Evidence>> en : byArticle.entrySet()) {
            if (shown++ == MAX_EVIDENCE_ARTICLES) {
                w.write("<p class=\"meta\">" + (byArticle.size() - MAX_EVIDENCE_ARTICLES) + " more articles in stories.json.</p>");
                break;
            }
            Article a = r.expectDocument(en.getKey()).article();
            int from = a.bodyStart(), to = Math.min(a.bodyEnd(), a.bodyStart() + MAX_BODY);
            String text = a.text();
            w.write("<h3>" + esc(a.id()) + "</h3><p class=\"body\">");
            int at = from;
            for (FactStage.Evidence e : en.getValue().values()) {
                if (e.start() < at || e.end() > to) continue; // overlapping an earlier one, or past the shown part
                w.write(esc(text.substring(at, e.start())).replace("\n", "<br>"));
                w.write("<mark id=\"" + anchor(e) + "\">" + esc(text.substring(e.start(), e.end())) + "</mark>");
                at = e.end();
            }
            w.write(esc(text.substring(at, to)).replace("\n", "<br>") + (to < a.bodyEnd() ? "…" : "") + "</p>");
        }
    }

    /** The story's summary, each sentence with the articles it is written in. */
    private static void summary(Writer w, SummaryStage.Summary s) throws IOException {
        if (s == null || s.sentences().isEmpty()) return;
        w.write("<h2>Summary</h2><ol>");
        for (SummaryStage.Line l : s.sentences()) {
            w.write("<li>" + esc(l.text()) + " <span class=\"meta\">[" + esc(String.join(", ", l.citations().stream().map(c -> c.article()
                    + " @" + c.start()).toList()))
                    + "]</span></li>");
        }
        w.write("</ol>");
    }

    /**
     * The story's disputed dates first (each date with the outlets that give it and the words around it),
     * then its dated events in order (at most {@value #MAX_EVENTS}).
     */
    private static void timeline(Writer w, TimelineStage.StoryTime t) throws IOException {
        if (t == null || t.timeline().isEmpty()) return;
        List<TimelineStage.Event> disputed = t.timeline().stream().filter(e -> !e.disputed().isEmpty()).toList();
        if (!disputed.isEmpty()) {
            w.write("<h2>" + disputed.size()
                    + " disputed dates</h2><table class=\"side\"><tr><th>date</th><th>reported by</th><th>other dates given</th></tr>");
            for (TimelineStage.Event e : disputed) {
                w.write("<tr><td>" + esc(e.date()) + "</td><td>");
                for (TimelineStage.Mention m : e.mentions()) {
                    w.write("<span class=\"meta\">" + esc(m.article()) + "</span> “" + esc(clip(m.context())) + "”<br>");
                }
                w.write("</td><td>");
                for (TimelineStage.Dispute d : e.disputed()) w.write(esc(d.date()) + " <span class=\"meta\">(" + esc(String.join(", ",
                        d.articles())) + ")</span><br>");
                w.write("</td></tr>");
            }
            w.write("</table>");
        }
        w.write("<h2>Timeline</h2><table class=\"timeline\">");
        int shown = 0;
        for (TimelineStage.Event e : t.timeline()) {
            if (shown++ == MAX_EVENTS) {
                w.write("</table><p class=\"meta\">" + (t.timeline().size() - MAX_EVENTS) + " more events in stories.json.</p>");
                return;
            }
            TimelineStage.Mention m = e.mentions().get(0);
            w.write("<tr><td>" + esc(e.date()) + (e.disputed().isEmpty() ? "" : " <b>disputed</b>") + "</td><td>“" + esc(clip(m.context()))
                    + "” <span class=\"meta\">"
                    + esc(String.join(", ", e.mentions().stream().map(TimelineStage.Mention::article).distinct().toList()))
                            + "</span></td></tr>");
        }
        w.write("</table>");
    }

    private static String clip(String s) { return s.length() <= 600 ? s : s.substring(0, 600) + "…"; }

    private static void link(Writer w, Link l, Article a, Article b) throws IOException {
        w.write("<h3>" + esc(l.a()) + " ↔ " + esc(l.b()) + "</h3><p class=\"meta\">similarity " + l.similarity() + " · reused "
                + Math.round(l.reusedShareA() * 100) + "% of " + esc(l.a()) + ", " + Math.round(l.reusedShareB() * 100) + "% of "
                        + esc(l.b())
                + (l.direction() == null ? " · direction unknown"
                        : " · copied " + (l.direction() == Link.Direction.A_TO_B ? esc(l.a()) + " → " + esc(l.b()) : esc(l.b()) + " → "
                                + esc(l.a()))) + "</p>");
        w.write("<table class=\"side\"><tr><th>" + esc(l.a()) + "</th><th>" + esc(l.b()) + "</th></tr>");
        int n = 0;
        for (Passage p : l.passages()) {
            if (n++ == MAX_PASSAGES) {
                w.write("<tr><td colspan=\"2\" class=\"meta\">" + (l.passages().size() - MAX_PASSAGES)
                        + " more passages in stories.json</td></tr>");
                break;
            }
            w.write("<tr><td>");
            inContext(w, a.text(), p.aStart(), p.aEnd());
            w.write("</td><td>");
            inContext(w, b.text(), p.bStart(), p.bEnd());
            w.write("</td></tr>");
        }
        w.write("</table>");
    }

    private static void inContext(Writer w, String text, int s, int e) throws IOException {
        int from = Math.max(0, s - CONTEXT), to = Math.min(text.length(), e + CONTEXT);
        w.write("<span class=\"ctx\">" + (from > 0 ? "…" : "") + esc(text.substring(from, s)) + "</span><mark>" + esc(text.substring(s, e))
                + "</mark><span class=\"ctx\">" + esc(text.substring(e, to)) + (to < text.length() ? "…" : "") + "</span>");
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String esc(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep == null) { if (b != null) b.append(c); continue; }
            if (b == null) { b = new StringBuilder(s.length() + 16); b.append(s, 0, i); }
            b.append(rep);
        }
        return b == null ? s : b.toString();
    }

    /** Writes the report for {@code r} into {@code dir}, checked and atomic (see {@link OutputFolder}). */
    public static void write(Results r, Path dir) throws IOException { write(r, OutputFolder.prepare(dir)); }
}
