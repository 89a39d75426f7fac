package org.storytrace.server;

import static org.storytrace.server.Html.attr;
import static org.storytrace.server.Html.segment;
import static org.storytrace.server.Html.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.storytrace.core.doc.Document;
import org.storytrace.core.fact.FactStage;
import org.storytrace.core.model.Article;
import org.storytrace.engine.output.HtmlReport;
import org.storytrace.store.Store;

/**
 * The server-rendered pages, all from the store: the story list with search and filters, a story (its
 * outlets on a timeline, the reuse graph, the aligned passages side by side, the analysis), an article with
 * its reused spans marked, an entity with its spellings. No script; every value escaped ({@link Html}); only
 * classes for style, since the Content-Security-Policy allows no inline style.
 */
final class Pages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Store store;

    Pages(Store store) { this.store = store; }

    /** A page id that is absent. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) { super(message); }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String layout(String title, String status, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\">"
                + "<title>" + text(title) + " - storytrace</title><link rel=\"stylesheet\" href=\"/static/storytrace.css\"></head><body>"
                + "<header><a class=\"brand\" href=\"/\">storytrace</a> <a href=\"/\">stories</a> <a href=\"/openapi.json\">API</a>"
                + (status == null ? "" : " <span class=\"status\" id=\"ingest-status\">" + text(status) + "</span>") + "</header><main>"
                        + body
                + "</main></body></html>";
    }

    // ---- the story list -------------------------------------------------------------------------------

    String storyList(Store.StoryQuery q, String status) {
        Store.StoryPage page = store.stories(q);
        StringBuilder b = new StringBuilder();
        b.append("<h1>Stories</h1><form class=\"filters\" method=\"get\" action=\"/\">");
        b.append("<label>Words <input type=\"search\" name=\"q\" value=\"").append(attr(q.text()))
                .append("\" placeholder=\"Kadhimi &quot;Basra protest&quot; -oil\"></label>");
        b.append("<label>From <input type=\"date\" name=\"from\" value=\"").append(q.from() == null ? "" : q.from()).append("\"></label>");
        b.append("<label>To <input type=\"date\" name=\"to\" value=\"").append(q.to() == null ? "" : q.to()).append("\"></label>");
        b.append("<label>Outlet <select name=\"outlet\"><option value=\"\">any</option>");
        int shown = 0;
        for (Map.Entry<String, Long> o : store.outlets()) {
            if (shown++ >= 300) break;
            boolean sel = o.getKey().equals(q.outlet());
            b.append("<option value=\"").append(attr(o.getKey())).append('"').append(sel ? " selected" : "").append('>')
                    .append(text(o.getKey())).append(" (").append(o.getValue()).append(")</option>");
        }
        b.append("</select></label>");
        b.append("<label>Entity <input type=\"text\" name=\"entity\" value=\"").append(attr(q.entity()))
                .append("\" placeholder=\"a name or e12\"></label>");
        b.append("<button type=\"submit\">Search</button></form>");
        String plus = page.more() ? "+" : "";
        b.append("<p class=\"count\" id=\"story-count\">").append(page.total()).append(plus)
                .append(page.total() == 1 && !page.more() ? " story" : " stories").append("</p>");
        b.append("<table class=\"stories\" "
                + "id=\"stories\"><thead><tr><th>Story</th><th>Articles</th><th>Published</th><th>Outlets</th></tr></thead><tbody>");
        for (Store.StoryRow r : page.stories()) {
            b.append("<tr><td><a class=\"story-link\" href=\"/stories/").append(segment(r.id())).append("\">").append(r.title() == null
                    ? untitled(r.id()) : text(r.title()))
                    .append("</a></td><td>").append(r.size()).append("</td><td>").append(text(range(r.firstPublished(), r.lastPublished())))
                    .append("</td><td>").append(text(String.join(", ", r.outlets()))).append("</td></tr>");
        }
        b.append("</tbody></table>");
        long pages = (page.total() + q.size() - 1) / q.size();
        if (pages > 1) {
            b.append("<nav class=\"pager\">");
            if (q.page() > 0) b.append("<a rel=\"prev\" href=\"").append(listHref(q, q.page() - 1)).append("\">previous</a> ");
            b.append("page ").append(q.page() + 1).append(" of ").append(pages).append(plus);
            if (q.page() + 1 < pages || page.more()) {
                b.append(" <a rel=\"next\" href=\"").append(listHref(q, q.page() + 1)).append("\">next</a>");
            }
            b.append("</nav>");
        }
        return layout("Stories", status, b.toString());
    }

    private static String listHref(Store.StoryQuery q, int page) {
        return attr("/?q=" + Html.param(q.text()) + "&from=" + (q.from() == null ? "" : q.from()) + "&to=" + (q.to() == null ? "" : q.to())
                + "&outlet=" + Html.param(q.outlet()) + "&entity=" + Html.param(q.entity()) + "&page=" + page);
    }

    private static String range(String first, String last) {
        if (first == null) return "undated";
        return first.equals(last) || last == null ? first : first + " to " + last;
    }

    /**
     * What the story list shows for a story none of whose articles has a headline: its first article's opening words
     * in italics, as the report does, so that such stories can be told apart; its id when even that is blank.
     */
    private String untitled(String storyId) {
        String lead = store.element("stories", storyId).map(Pages::parse).map(s -> s.path("articles").path(0).asText(null))
                .flatMap(store::document).map(d -> HtmlReport.lead(d.article())).orElse(null);
        return lead == null ? text(storyId) : "<i>" + text(lead) + "</i>";
    }

    // ---- a story ------------------------------------------------------------------------------------------

    /** The pieces of one story, read once for the page and the API. */
    record StoryData(JsonNode story, Store.StoryRow row, Map<String, JsonNode> articles, Map<String, Article> texts, List<JsonNode> links,
                     List<JsonNode> quotes, List<JsonNode> quoteGroups, List<JsonNode> entities) {}

    /** The story without its articles' texts (what the API sends). */
    StoryData story(String id) { return story(id, false); }

    /** The story; with {@code texts}, its articles' texts too (the page shows the passages in them). */
    StoryData story(String id, boolean withTexts) {
        JsonNode s = parse(store.element("stories", id).orElseThrow(() -> new NotFound("no story " + id)));
        Store.StoryRow row = store.storyRow(id).orElseThrow(() -> new NotFound("no story " + id));
        List<String> ids = new ArrayList<>();
        for (JsonNode a : s.path("articles")) ids.add(a.asText());
        Set<String> in = new LinkedHashSet<>(ids);
        Map<String, JsonNode> articles = new LinkedHashMap<>();
        Map<String, Article> texts = new LinkedHashMap<>();
        for (String a : ids) {
            store.element("articles", a).ifPresent(j -> articles.put(a, parse(j)));
            if (withTexts) store.document(a).ifPresent(d -> texts.put(a, d.article()));
        }
        List<JsonNode> links = new ArrayList<>();
        for (String j : store.elementsOf("links", ids)) {
            JsonNode l = parse(j);
            if (in.contains(l.path("a").asText()) && in.contains(l.path("b").asText())) links.add(l);
        }
        List<JsonNode> quotes = new ArrayList<>();
        Set<String> groupIds = new LinkedHashSet<>();
        for (String j : store.elementsOf("quotes", ids)) {
            JsonNode q = parse(j);
            quotes.add(q);
            if (q.hasNonNull("group")) groupIds.add(q.get("group").asText());
        }
        List<JsonNode> groups = new ArrayList<>();
        for (String g : groupIds) store.element("quote_groups", g).ifPresent(j -> groups.add(parse(j)));
        List<JsonNode> entities = new ArrayList<>();
        for (JsonNode e : s.path("entities")) store.element("entities", e.asText()).ifPresent(j -> entities.add(parse(j)));
        return new StoryData(s, row, articles, texts, links, quotes, groups, entities);
    }

    String storyPage(String id, String status) {
        StoryData d = story(id, true);
        String lead = d.row().title() != null || d.texts().isEmpty() ? null : HtmlReport.lead(d.texts().values().iterator().next());
        String title = d.row().title() != null ? d.row().title() : lead != null ? lead : id;
        StringBuilder b = new StringBuilder();
        b.append("<h1 id=\"story-title\">").append(lead != null ? "<i>" + text(lead) + "</i>" : text(title)).append("</h1>");
        // outlets as credited; an article that names none is counted apart, not as an outlet of its own
        Set<String> sources = new LinkedHashSet<>();
        int unknown = 0;
        for (JsonNode a : d.articles().values()) {
            String o = credited(a);
            if (o == null) unknown++;
            else sources.add(o);
        }
        int n = d.articles().size();
        b.append("<p class=\"meta\">").append(n).append(n == 1 ? " article" : " articles");
        if (!sources.isEmpty()) b.append(" from ").append(sources.size()).append(sources.size() == 1 ? " outlet" : " outlets");
        if (unknown > 0) b.append(unknown == n ? ", outlet unknown" : ", " + unknown + " of unknown outlet");
        b.append(", ")
                .append(text(range(d.row().firstPublished(), d.row().lastPublished()))).append(" &middot; story ").append(text(id))
                .append(" &middot; topic ").append(text(d.row().topic())).append("</p>");
        b.append("<nav class=\"toc\"><a href=\"#timeline\">outlets in time</a> <a href=\"#reuse\">reuse</a> <a "
                + "href=\"#passages\">passages</a> "
                + "<a href=\"#discrepancies\">discrepancies</a> <a href=\"#summary\">summary</a> <a href=\"#dates\">timeline</a> "
                + "<a href=\"#entities\">entities</a> <a href=\"#quotes\">quotes</a> <a href=\"#articles\">articles</a></nav>");
        outletTimeline(b, d);
        reuseGraph(b, d);
        passages(b, d);
        discrepancies(b, d);
        summary(b, d);
        dates(b, d);
        entities(b, d);
        quotes(b, d);
        b.append("<section id=\"articles\"><h2>Articles</h2><ul>");
        for (Map.Entry<String, JsonNode> a : d.articles().entrySet()) {
            b.append("<li><a href=\"/articles/").append(segment(a.getKey())).append("\">").append(text(a.getValue().path("title")
                    .asText(a.getKey())))
                    .append("</a> <span class=\"outlet\">").append(text(outletOf(a.getValue()))).append("</span> ")
                    .append(text(a.getValue().path("published").asText("undated"))).append("</li>");
        }
        b.append("</ul></section>");
        return layout(title, status, b.toString());
    }

    /**
     * What a page calls an article's source: {@link Article#creditedOutlet(String, String, String)}, as the report and the
     * entities' outlet counts do, else its id.
     */
    private static String outletOf(JsonNode article) {
        String o = credited(article);
        return o != null ? o : article.path("id").asText();
    }

    /** {@link Article#creditedOutlet(String, String, String)} of an article's JSON: null when it names none. */
    private static String credited(JsonNode article) {
        return Article.creditedOutlet(article.path("outlet").asText(null), article.path("source").asText(null),
                article.path("url").asText(null));
    }

    private static String label(StoryData d, String articleId) {
        JsonNode a = d.articles().get(articleId);
        return a == null ? articleId : outletOf(a);
    }

    /** Each outlet a row, each article a dot at its publication date; undated articles listed beside. */
    private static void outletTimeline(StringBuilder b, StoryData d) {
        b.append("<section id=\"timeline\"><h2>Outlets in time</h2>");
        Map<String, List<String[]>> byOutlet = new TreeMap<>();
        List<String> undated = new ArrayList<>();
        LocalDate min = null, max = null;
        for (Map.Entry<String, JsonNode> a : d.articles().entrySet()) {
            JsonNode p = a.getValue().get("published");
            if (p == null || p.isNull()) { undated.add(a.getKey()); continue; }
            LocalDate day = LocalDate.parse(p.asText());
            if (min == null || day.isBefore(min)) min = day;
            if (max == null || day.isAfter(max)) max = day;
            byOutlet.computeIfAbsent(outletOf(a.getValue()), k -> new ArrayList<>()).add(new String[] {a.getKey(), p.asText()});
        }
        if (!byOutlet.isEmpty()) {
            int rowH = 28, left = 200, width = 760;
            int h = byOutlet.size() * rowH + 40;
            long span = Math.max(1, max.toEpochDay() - min.toEpochDay());
            b.append("<svg class=\"outlet-timeline\" viewBox=\"0 0 ").append(left + width + 40).append(' ').append(h)
                    .append("\" role=\"img\" aria-label=\"articles by outlet and date\">");
            int y = 20;
            for (Map.Entry<String, List<String[]>> o : byOutlet.entrySet()) {
                b.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + 5).append("\" text-anchor=\"end\">")
                        .append(text(o.getKey())).append("</text>");
                b.append("<line x1=\"").append(left).append("\" y1=\"").append(y).append("\" x2=\"").append(left + width).append("\" y2=\"")
                        .append(y)
                        .append("\" stroke=\"#ddd\"/>");
                for (String[] a : o.getValue()) {
                    long x = left + (LocalDate.parse(a[1]).toEpochDay() - min.toEpochDay()) * width / span;
                    b.append("<a href=\"/articles/").append(segment(a[0])).append("\"><circle cx=\"").append(x).append("\" cy=\"").append(y)
                            .append("\" r=\"7\" fill=\"#3366aa\"><title>").append(text(a[0] + ", " + a[1])).append("</title></circle></a>");
                }
                y += rowH;
            }
            b.append("<text x=\"").append(left).append("\" y=\"").append(h - 6).append("\">").append(min).append("</text>");
            b.append("<text x=\"").append(left + width).append("\" y=\"").append(h - 6).append("\" text-anchor=\"end\">").append(max)
                    .append("</text></svg>");
        }
        if (!undated.isEmpty()) {
            b.append("<p>Undated: ");
            for (int i = 0; i < undated.size(); i++) {
                if (i > 0) b.append(", ");
                b.append("<a href=\"/articles/").append(segment(undated.get(i))).append("\">").append(text(label(d, undated.get(i))))
                        .append("</a>");
            }
            b.append("</p>");
        }
        b.append("</section>");
    }

    /**
     * Who shares what with whom: one node per independent source (articles joined by heavy reuse, at least
     * {@link FactStage#COPY_SHARE} of one's body, count as one), an edge per link between sources, an arrow where
     * the publication dates say which way the text went.
     */
    private static void reuseGraph(StringBuilder b, StoryData d) {
        b.append("<section id=\"reuse\"><h2>Reuse</h2>");
        List<String> ids = new ArrayList<>(d.articles().keySet());
        if (d.links().isEmpty()) {
            b.append("<p>No article of this story shares passages with another.</p></section>");
            return;
        }
        Map<String, String> root = new HashMap<>();
        for (String id : ids) root.put(id, id);
        for (JsonNode l : d.links()) {
            if (Math.max(l.path("reused_share_a").asDouble(), l.path("reused_share_b").asDouble()) >= FactStage.COPY_SHARE) {
                String ra = find(root, l.path("a").asText()), rb = find(root, l.path("b").asText());
                if (!ra.equals(rb)) root.put(rb, ra);
            }
        }
        Map<String, List<String>> nodes = new LinkedHashMap<>();
        for (String id : ids) nodes.computeIfAbsent(find(root, id), k -> new ArrayList<>()).add(id);
        List<String> keys = new ArrayList<>(nodes.keySet());
        int n = keys.size();
        // two or fewer sources side by side, more on a circle
        int size = n <= 2 ? 170 : 520, cx = (n <= 2 ? 520 : size) / 2 + 100, cy = size / 2 - (n <= 2 ? 15 : 0), r = n == 1 ? 0 : n == 2
                ? 200 : 190;
        Map<String, double[]> at = new HashMap<>();
        for (int i = 0; i < n; i++) {
            double t = n == 2 ? Math.PI * i + Math.PI : 2 * Math.PI * i / n - Math.PI / 2;
            at.put(keys.get(i), new double[] {cx + r * Math.cos(t), cy + r * Math.sin(t)});
        }
        int width = (n <= 2 ? 520 : size) + 200;
        b.append("<p>").append(n).append(n == 1 ? " independent source" : " independent sources").append(" among ").append(ids.size())
                .append(" articles (articles that copy one another heavily are one source).</p>");
        b.append("<svg class=\"reuse-graph\" viewBox=\"0 0 ").append(width).append(' ').append(size)
                .append("\" role=\"img\" aria-label=\"reuse between the story's articles\"><defs><marker id=\"arrow\" "
                        + "viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                        + "markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" "
                                + "fill=\"#884400\"/></marker></defs>");
        for (JsonNode l : d.links()) {
            String a = find(root, l.path("a").asText()), bb = find(root, l.path("b").asText());
            if (a.equals(bb)) continue;
            String dir = l.path("direction").asText(null);
            double[] p = at.get(a), q = at.get(bb);
            String from = "b->a".equals(dir) ? bb : a, to = "b->a".equals(dir) ? a : bb;
            p = at.get(from);
            q = at.get(to);
            double dx = q[0] - p[0], dy = q[1] - p[1], len = Math.max(1, Math.hypot(dx, dy));
            double x2 = q[0] - dx / len * 34, y2 = q[1] - dy / len * 34;
            double w = 1 + 6 * Math.max(l.path("reused_share_a").asDouble(), l.path("reused_share_b").asDouble());
            b.append(String.format(Locale.ROOT,
                    "<line class=\"reuse-edge\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#884400\" stroke-width=\"%.1f\"%s>"
                    + "<title>%s</title></line>", p[0], p[1], x2, y2, w, dir == null ? "" : " marker-end=\"url(#arrow)\"",
                    text(label(d, l.path("a").asText()) + " and " + label(d, l.path("b").asText()) + " share " + l.path("passages").size()
                            + " passages")));
        }
        for (String k : keys) {
            double[] p = at.get(k);
            List<String> members = nodes.get(k);
            Set<String> outlets = new LinkedHashSet<>();
            for (String m : members) outlets.add(label(d, m));
            b.append(String.format(Locale.ROOT,
                    "<g class=\"reuse-node\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"30\" fill=\"#f4e6d0\" stroke=\"#884400\"/>", p[0], p[1]));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", p[0], p[1] + 48,
                    text(shorten(String.join(", ", outlets), 48))));
            if (members.size() > 1) b.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d copies</text>", p[0], p[1] + 5, members.size()));
            b.append("</g>");
        }
        b.append("</svg><table class=\"links\"><thead><tr><th>Articles</th><th>Passages</th><th>Share of "
                + "each</th><th>Direction</th></tr></thead><tbody>");
        for (JsonNode l : d.links()) {
            String a = l.path("a").asText(), bb = l.path("b").asText(), dir = l.path("direction").asText(null);
            b.append("<tr><td><a href=\"/articles/").append(segment(a)).append("\">").append(text(label(d, a)))
                    .append("</a> and <a href=\"/articles/")
                    .append(segment(bb)).append("\">").append(text(label(d, bb))).append("</a></td><td>").append(l.path("passages").size())
                    .append(String.format(Locale.ROOT, "</td><td>%.0f%% / %.0f%%</td><td>", 100 * l.path("reused_share_a").asDouble(),
                            100 * l.path("reused_share_b").asDouble()))
                    .append(dir == null ? "unknown" : text("a->b".equals(dir) ? label(d, a) + " first" : label(d, bb) + " first"))
                            .append("</td></tr>");
        }
        b.append("</tbody></table></section>");
    }

    private static String find(Map<String, String> root, String x) {
        String r = x;
        while (!root.get(r).equals(r)) r = root.get(r);
        root.put(x, r);
        return r;
    }

    private static String shorten(String s, int n) { return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026"; }

    /** Each link's two articles side by side, the shared passages marked on both and numbered alike. */
    private static void passages(StringBuilder b, StoryData d) {
        b.append("<section id=\"passages\"><h2>Shared passages</h2>");
        if (d.links().isEmpty()) b.append("<p>None.</p>");
        int k = 0;
        for (JsonNode l : d.links()) {
            k++;
            String a = l.path("a").asText(), bb = l.path("b").asText();
            Article ta = d.texts().get(a), tb = d.texts().get(bb);
            if (ta == null || tb == null) continue;
            List<Span> sa = new ArrayList<>(), sb = new ArrayList<>();
            int p = 0;
            for (JsonNode ps : l.path("passages")) {
                p++;
                sa.add(new Span(ps.path("a_start").asInt(), ps.path("a_end").asInt(), "reuse", "l" + k + "-p" + p));
                sb.add(new Span(ps.path("b_start").asInt(), ps.path("b_end").asInt(), "reuse", "l" + k + "-p" + p));
            }
            b.append("<div class=\"pair\" id=\"link-").append(k).append("\" data-a=\"").append(attr(a)).append("\" data-b=\"")
                    .append(attr(bb)).append("\">");
            b.append("<h3>").append(text(label(d, a))).append(" and ").append(text(label(d, bb))).append(": ").append(p)
                    .append(" passages</h3>");
            b.append("<div class=\"side\" data-article=\"").append(attr(a)).append("\"><h4>").append(text(label(d, a)))
                    .append("</h4><div class=\"text\">")
                    .append(marked(ta, sa)).append("</div></div>");
            b.append("<div class=\"side\" data-article=\"").append(attr(bb)).append("\"><h4>").append(text(label(d, bb)))
                    .append("</h4><div class=\"text\">")
                    .append(marked(tb, sb)).append("</div></div></div>");
        }
        b.append("</section>");
    }

    /** A marked span of an article's text: its class and an id for the mark. */
    record Span(int start, int end, String kind, String id) {}

    /** The article's body, escaped, with the spans marked ({@code <mark class=KIND data-id=ID>}); overlapping spans are clipped. */
    static String marked(Article a, List<Span> spans) { return marked(a, spans, new int[0]); }

    /**
     * As {@link #marked(Article, List)}, with an empty anchor {@code <span id="at-N">} at each of {@code anchors}
     * (sentence starts: where the summary's citations and the quotes link to) outside the marks.
     */
    static String marked(Article a, List<Span> spans, int[] anchors) {
        String t = a.text();
        int from = a.bodyStart(), to = a.bodyEnd();
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start));
        int[] an = anchors.clone();
        Arrays.sort(an);
        int ai = 0;
        StringBuilder b = new StringBuilder();
        int at = from;
        for (Span s : sorted) {
            int st = Math.max(Math.max(s.start(), at), from), en = Math.min(s.end(), to);
            if (en <= st) continue;
            while (ai < an.length && an[ai] < en) {
                if (an[ai] >= at) {
                    // an anchor inside the mark goes just before it
                    int p = Math.min(an[ai], st);
                    b.append(text(t.substring(at, p))).append("<span id=\"at-").append(an[ai]).append("\"></span>");
                    at = p;
                }
                ai++;
            }
            b.append(text(t.substring(at, st)));
            b.append("<mark class=\"").append(attr(s.kind())).append("\" data-id=\"").append(attr(s.id())).append("\">")
                    .append(text(t.substring(st, en))).append("</mark>");
            at = en;
        }
        while (ai < an.length) {
            if (an[ai] >= at && an[ai] < to) {
                b.append(text(t.substring(at, an[ai]))).append("<span id=\"at-").append(an[ai]).append("\"></span>");
                at = an[ai];
            }
            ai++;
        }
        if (at < to) b.append(text(t.substring(at, to)));
        return b.toString();
    }

    /** The start of the sentence of {@code article} that holds {@code offset} (the anchor a link to that place goes to), or -1. */
    static int sentenceAt(JsonNode article, int offset) {
        int best = -1;
        if (article == null) return best;
        for (JsonNode s : article.path("sentences")) {
            int st = s.path(0).asInt(), en = s.path(1).asInt();
            if (st <= offset && offset < en) return st;
            if (st <= offset) best = st;
        }
        return best;
    }

    private static String at(StoryData d, String article, int offset) {
        int s = sentenceAt(d.articles().get(article), offset);
        return s < 0 ? "" : "#at-" + s;
    }

    static void discrepancies(StringBuilder b, StoryData d) {
        b.append("<section id=\"discrepancies\"><h2>Where the accounts disagree</h2>");
        JsonNode ds = d.story().path("discrepancies");
        if (ds.isEmpty()) b.append("<p>No discrepancy found.</p>");
        for (JsonNode f : ds) {
            b.append("<div class=\"discrepancy\"><h3>").append(text(HtmlReport.factHeading(f.path("fact").asText())))
                    .append(" <span class=\"kind\">").append(text(f.path("kind").asText())).append("</span></h3>");
            if (f.has("stories")) { // a place compared across the stories of a topic (contract 2.2)
                b.append("<p class=\"meta\">Told across the stories ");
                int k = 0;
                for (JsonNode st : f.path("stories")) {
                    if (k++ > 0) b.append(", ");
                    b.append("<a href=\"/stories/").append(segment(st.asText())).append("\">").append(text(st.asText())).append("</a>");
                }
                b.append(" of one topic.</p>");
            }
            b.append("<ul>");
            for (JsonNode v : f.path("values")) {
                b.append("<li><strong>").append(text(v.path("value").asText())).append("</strong>, in ");
                int i = 0;
                for (JsonNode a : v.path("articles")) {
                    if (i++ > 0) b.append(", ");
                    b.append("<a href=\"/articles/").append(segment(a.asText())).append("\">").append(text(label(d, a.asText())))
                            .append("</a>");
                }
                b.append(" (").append(v.path("sources").asInt()).append(v.path("sources").asInt() == 1 ? " independent source)"
                        : " independent sources)");
                for (JsonNode e : v.path("evidence")) b.append("<blockquote>").append(text(e.path("text").asText()))
                        .append("</blockquote>");
                b.append("</li>");
            }
            b.append("</ul></div>");
        }
        JsonNode ups = d.story().path("updates");
        if (!ups.isEmpty()) {
            b.append("<h3>Updates</h3><ul>");
            for (JsonNode f : ups) {
                b.append("<li>").append(text(f.path("fact").asText())).append(": ");
                int i = 0;
                for (JsonNode v : f.path("values")) b.append(i++ > 0 ? " then " : "").append(text(v.path("value").asText()));
                b.append("</li>");
            }
            b.append("</ul>");
        }
        b.append("</section>");
    }

    private static void summary(StringBuilder b, StoryData d) {
        b.append("<section id=\"summary\"><h2>Summary</h2>");
        JsonNode ss = d.story().path("summary").path("sentences");
        if (ss.isEmpty()) b.append("<p>No summary (the deep tier did not run).</p>");
        else b.append("<ol class=\"summary\">");
        for (JsonNode s : ss) {
            b.append("<li>").append(text(s.path("text").asText()));
            int i = 0;
            for (JsonNode c : s.path("citations")) {
                b.append(i++ == 0 ? " <span class=\"cites\">" : " ").append("<a class=\"cite\" href=\"/articles/")
                        .append(segment(c.path("article").asText()))
                        .append(at(d, c.path("article").asText(), c.path("start").asInt())).append("\">[").append(text(label(d,
                                c.path("article").asText()))).append("]</a>");
            }
            if (i > 0) b.append("</span>");
            b.append("</li>");
        }
        if (!ss.isEmpty()) b.append("</ol>");
        b.append("</section>");
    }

    private static void dates(StringBuilder b, StoryData d) {
        b.append("<section id=\"dates\"><h2>Timeline</h2>");
        JsonNode t = d.story().path("timeline");
        if (t.isEmpty()) b.append("<p>No dated event.</p>");
        else b.append("<table class=\"events\"><thead><tr><th>Date</th><th>What the articles say</th></tr></thead><tbody>");
        for (JsonNode e : t) {
            b.append("<tr").append(e.path("disputed").asBoolean() ? " class=\"disputed\"" : "").append("><td>").append(text(e.path("date")
                    .asText()))
                    .append(e.path("disputed").asBoolean() ? " <strong>disputed</strong>" : "").append("</td><td>");
            for (JsonNode m : e.path("mentions")) {
                b.append("<p><span class=\"outlet\">").append(text(label(d, m.path("article").asText()))).append("</span>: ")
                        .append(text(m.path("context").path("text").asText(m.path("text").asText()))).append("</p>");
            }
            b.append("</td></tr>");
        }
        if (!t.isEmpty()) b.append("</tbody></table>");
        b.append("</section>");
    }

    private static void entities(StringBuilder b, StoryData d) {
        b.append("<section id=\"entities\"><h2>Who and what</h2>");
        if (d.entities().isEmpty()) b.append("<p>No entities (the deep tier did not run).</p>");
        else b.append("<ul class=\"entities\">");
        for (JsonNode e : d.entities()) {
            b.append("<li><a href=\"/entities/").append(segment(e.path("id").asText())).append("\">").append(text(e.path("canonical")
                    .asText())).append("</a> <span class=\"type\">")
                    .append(text(e.path("type").asText().toLowerCase(Locale.ROOT))).append("</span>");
            if (e.path("variants").size() > 1) {
                b.append(" <span class=\"variants\">spelt ");
                int i = 0;
                for (JsonNode v : e.path("variants")) b.append(i++ > 0 ? " / " : "").append(text(v.path("text").asText()));
                b.append("</span>");
            }
            b.append("</li>");
        }
        if (!d.entities().isEmpty()) b.append("</ul>");
        b.append("</section>");
    }

    private static void quotes(StringBuilder b, StoryData d) {
        b.append("<section id=\"quotes\"><h2>Who said what</h2>");
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode q : d.quotes()) byId.put(q.path("id").asText(), q);
        if (d.quoteGroups().isEmpty()) b.append("<p>No quote.</p>");
        for (JsonNode g : d.quoteGroups()) {
            b.append("<div class=\"quote-group\"><h3>").append(text(g.path("speaker").asText("unknown speaker"))).append("</h3>");
            Map<String, JsonNode> diffs = new HashMap<>();
            for (JsonNode df : g.path("differences")) diffs.put(df.path("quote").asText(), df);
            for (JsonNode qid : g.path("quotes")) {
                JsonNode q = byId.get(qid.asText());
                if (q == null) continue;
                b.append("<blockquote><p>").append(text(q.path("text").asText())).append("</p><footer><a href=\"/articles/")
                        .append(segment(q.path("article").asText()))
                        .append(at(d, q.path("article").asText(), q.path("start").asInt())).append("\">").append(text(label(d,
                                q.path("article").asText()))).append("</a>");
                JsonNode df = diffs.get(qid.asText());
                if (df != null) {
                    List<String> parts = new ArrayList<>();
                    for (JsonNode c : df.path("changed")) parts.add("\u201c" + c.path("from").asText() + "\u201d \u2192 \u201c"
                            + c.path("to").asText() + "\u201d");
                    for (JsonNode x : df.path("inserted")) parts.add("adds \u201c" + x.asText() + "\u201d");
                    for (JsonNode x : df.path("omitted")) parts.add("leaves out \u201c" + x.asText() + "\u201d");
                    if (!parts.isEmpty()) b.append(" <span class=\"difference\">").append(text(String.join("; ", parts))).append("</span>");
                }
                b.append("</footer></blockquote>");
            }
            b.append("</div>");
        }
        b.append("</section>");
    }

    // ---- an article ------------------------------------------------------------------------------------

    String articlePage(String id, String status) {
        JsonNode a = parse(store.element("articles", id).orElseThrow(() -> new NotFound("no article " + id)));
        Document doc = store.document(id).orElseThrow(() -> new NotFound("no article " + id));
        Article art = doc.article();
        Optional<String> story = store.storyOf(id);
        List<Span> spans = new ArrayList<>();
        List<JsonNode> links = new ArrayList<>();
        for (String j : store.elementsOf("links", List.of(id))) links.add(parse(j));
        int k = 0;
        for (JsonNode l : links) {
            k++;
            boolean isA = l.path("a").asText().equals(id);
            int p = 0;
            for (JsonNode ps : l.path("passages")) {
                p++;
                spans.add(new Span(ps.path(isA ? "a_start" : "b_start").asInt(), ps.path(isA ? "a_end" : "b_end").asInt(), "reuse", "l" + k
                        + "-p" + p));
            }
        }
        StringBuilder b = new StringBuilder();
        String lead = art.title() == null ? HtmlReport.lead(art) : null;
        b.append("<h1 id=\"article-title\">").append(lead != null ? "<i>" + text(lead) + "</i>" : text(art.title() == null ? id
                : art.title())).append("</h1><p class=\"meta\">")
                .append(text(art.outlet() == null ? "unknown outlet" : art.outlet())).append(" &middot; ")
                .append(text(art.published() == null ? "undated" : art.published().toString()));
        if (art.author() != null) b.append(" &middot; ").append(text(art.author()));
        String href = Html.externalHref(art.url());
        if (href != null) b.append(" &middot; <a rel=\"noopener noreferrer nofollow\" href=\"").append(href).append("\">original</a>");
        story.ifPresent(s -> b.append(" &middot; <a href=\"/stories/").append(segment(s)).append("\">its story</a>"));
        b.append("</p>");
        if (!links.isEmpty()) {
            b.append("<p>Shares passages with ");
            int i = 0;
            for (JsonNode l : links) {
                String other = l.path("a").asText().equals(id) ? l.path("b").asText() : l.path("a").asText();
                b.append(i++ > 0 ? ", " : "").append("<a href=\"/articles/").append(segment(other)).append("\">").append(text(other))
                        .append("</a>");
            }
            b.append(" (marked below).</p>");
        }
        int[] starts = new int[a.path("sentences").size()];
        for (int i = 0; i < starts.length; i++) starts[i] = a.path("sentences").get(i).path(0).asInt();
        b.append("<div class=\"text article-text\">").append(marked(art, spans, starts)).append("</div>");
        return layout(art.title() != null ? art.title() : lead != null ? lead : id, status, b.toString());
    }

    // ---- an entity --------------------------------------------------------------------------------------

    String entityPage(String id, String status) {
        JsonNode e = parse(store.element("entities", id).orElseThrow(() -> new NotFound("no entity " + id)));
        StringBuilder b = new StringBuilder();
        b.append("<h1 id=\"entity-name\">").append(text(e.path("canonical").asText())).append("</h1><p class=\"meta\">")
                .append(text(e.path("type").asText().toLowerCase(Locale.ROOT))).append(" &middot; ").append(text(id)).append("</p>");
        if (!e.path("roles").isEmpty()) {
            List<String> roles = new ArrayList<>();
            for (JsonNode r : e.path("roles")) roles.add(r.asText());
            b.append("<p>Roles: ").append(text(String.join("; ", roles))).append("</p>");
        }
        b.append("<h2>Spellings</h2><table class=\"variants\" "
                + "id=\"variants\"><thead><tr><th>Spelling</th><th>Mentions</th><th>Outlets</th></tr></thead><tbody>");
        for (JsonNode v : e.path("variants")) {
            List<String> outlets = new ArrayList<>();
            v.path("outlets").fields().forEachRemaining(o -> outlets.add(o.getKey() + " (" + o.getValue().asInt() + ")"));
            b.append("<tr><td>").append(text(v.path("text").asText())).append("</td><td>").append(v.path("count").asInt())
                    .append("</td><td>")
                    .append(text(String.join(", ", outlets))).append("</td></tr>");
        }
        b.append("</tbody></table><h2>Stories</h2><ul>");
        for (String s : store.storiesOfEntity(id)) {
            Optional<Store.StoryRow> r = store.storyRow(s);
            b.append("<li><a href=\"/stories/").append(segment(s)).append("\">").append(text(r.map(Store.StoryRow::title).orElse(s)))
                    .append("</a></li>");
        }
        b.append("</ul><h2>Mentions</h2><ul class=\"mentions\">");
        int n = 0;
        for (JsonNode m : e.path("mentions")) {
            if (n++ >= 100) { b.append("<li>and ").append(e.path("mentions").size() - 100).append(" more</li>"); break; }
            b.append("<li><a href=\"/articles/").append(segment(m.path("article").asText())).append("\">")
                    .append(text(m.path("article").asText())).append("</a>: ").append(text(m.path("text").asText())).append("</li>");
        }
        b.append("</ul>");
        // the pronouns that stand for it (contract 2.4), one line an article: which words, how often
        Map<String, List<String>> byArticle = new LinkedHashMap<>();
        for (JsonNode r : e.path("references")) byArticle.computeIfAbsent(r.path("article").asText(), x -> new ArrayList<>())
                .add(r.path("text").asText());
        if (!byArticle.isEmpty()) {
            b.append("<h2>Referred to as</h2><ul class=\"references\" id=\"references\">");
            int k = 0;
            for (Map.Entry<String, List<String>> r : byArticle.entrySet()) {
                if (k++ >= 100) { b.append("<li>and ").append(byArticle.size() - 100).append(" more articles</li>"); break; }
                b.append("<li><a href=\"/articles/").append(segment(r.getKey())).append("\">").append(text(r.getKey())).append("</a>: ")
                        .append(text(String.join(", ", r.getValue()))).append("</li>");
            }
            b.append("</ul>");
        }
        return layout(e.path("canonical").asText(id), status, b.toString());
    }
}
