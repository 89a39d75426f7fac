package org.storytrace.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.storytrace.core.model.Analysis;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Passage;
import org.storytrace.core.model.Story;

/** One self-contained HTML page: the stories, their articles, and each linked pair's shared passages side by side in context. */
public final class HtmlReport {
    private static final int CONTEXT = 160;
    /** Linked pairs and passages shown at most; stories.json has them all. */
    static final int MAX_LINKS = 300, MAX_PASSAGES = 12;

    private HtmlReport() {}

    public static void write(Analysis analysis, Path file) throws IOException {
        Files.writeString(file, render(analysis), StandardCharsets.UTF_8);
    }

    public static String render(Analysis analysis) {
        Map<String, Article> byId = new HashMap<>();
        for (Article a : analysis.articles()) byId.put(a.id(), a);
        Map<String, String> storyOf = new HashMap<>();
        for (Story s : analysis.stories()) for (String id : s.articles()) storyOf.put(id, s.id());
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>storytrace report</title><style>")
         .append("body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}")
         .append("h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em}.meta{color:#666;font-size:.9em}")
         .append("table{border-collapse:collapse;width:100%}td,th{vertical-align:top;padding:.4em;border:1px solid #ddd;width:50%}")
         .append("mark{background:#ffe08a}.ctx{color:#555}.topic{color:#8a5a00;font-size:.9em}.rej{color:#a00}")
         .append("</style></head><body><h1>storytrace report</h1>");
        h.append("<p>").append(analysis.articles().size()).append(" articles, ").append(analysis.stories().size()).append(" stories, ")
         .append(analysis.links().size()).append(" links, ").append(analysis.rejections().size()).append(" rejected.</p>");
        java.util.Set<Link> shown = new java.util.HashSet<>(analysis.links().stream()
                .sorted(java.util.Comparator.comparingDouble((Link l) -> -Math.max(l.reusedShareA(), l.reusedShareB())))
                .limit(MAX_LINKS).toList());
        if (analysis.links().size() > MAX_LINKS) {
            h.append("<p class=\"meta\">Showing the ").append(MAX_LINKS).append(" links with the most reuse of ")
             .append(analysis.links().size()).append("; stories.json lists them all.</p>");
        }
        for (Story s : analysis.stories()) {
            h.append("<section><h2>Story ").append(esc(s.id())).append(" <span class=\"topic\">topic ").append(esc(s.topic())).append("</span></h2><ul>");
            for (String id : s.articles()) {
                Article a = byId.get(id);
                h.append("<li><b>").append(esc(a.title() == null ? "(no headline)" : a.title())).append("</b> <span class=\"meta\">")
                 .append(esc(id)).append(" · ").append(a.source() == null ? "outlet unknown" : "from " + esc(a.source()))
                 .append(" · ").append(a.published() == null ? "undated" : a.published().toString())
                 .append(a.author() == null ? "" : " · by " + esc(a.author())).append("</span></li>");
            }
            h.append("</ul>");
            for (Link l : analysis.links()) {
                if (!s.id().equals(storyOf.get(l.a())) && !s.id().equals(storyOf.get(l.b()))) continue;
                if (!s.articles().contains(l.a()) || !shown.contains(l)) continue;
                renderLink(h, l, byId.get(l.a()), byId.get(l.b()));
            }
            h.append("</section>");
        }
        if (!analysis.rejections().isEmpty()) {
            h.append("<h2>Rejected inputs</h2><ul>");
            analysis.rejections().forEach(r -> h.append("<li class=\"rej\">").append(esc(r.path())).append(r.position() == null ? "" : " (" + esc(r.position()) + ")")
                    .append(": ").append(esc(r.reason())).append("</li>"));
            h.append("</ul>");
        }
        return h.append("</body></html>").toString();
    }

    private static void renderLink(StringBuilder h, Link l, Article a, Article b) {
        h.append("<h3>").append(esc(l.a())).append(" ↔ ").append(esc(l.b())).append("</h3><p class=\"meta\">similarity ")
         .append(l.similarity()).append(" · reused ").append(Math.round(l.reusedShareA() * 100)).append("% of ").append(esc(l.a()))
         .append(", ").append(Math.round(l.reusedShareB() * 100)).append("% of ").append(esc(l.b()))
         .append(l.direction() == null ? " · direction unknown" : " · copied " + ("a->b".equals(l.direction()) ? esc(l.a()) + " → " + esc(l.b()) : esc(l.b()) + " → " + esc(l.a()))).append("</p>");
        h.append("<table><tr><th>").append(esc(l.a())).append("</th><th>").append(esc(l.b())).append("</th></tr>");
        int n = 0;
        for (Passage p : l.passages()) {
            if (n++ == MAX_PASSAGES) {
                h.append("<tr><td colspan=\"2\" class=\"meta\">").append(l.passages().size() - MAX_PASSAGES).append(" more passages in stories.json</td></tr>");
                break;
            }
            h.append("<tr><td>");
            inContext(h, a.text(), p.aStart(), p.aEnd());
            h.append("</td><td>");
            inContext(h, b.text(), p.bStart(), p.bEnd());
            h.append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void inContext(StringBuilder h, String text, int s, int e) {
        int from = Math.max(0, s - CONTEXT), to = Math.min(text.length(), e + CONTEXT);
        h.append("<span class=\"ctx\">").append(from > 0 ? "…" : "").append(esc(text.substring(from, s))).append("</span><mark>")
         .append(esc(text.substring(s, e))).append("</mark><span class=\"ctx\">").append(esc(text.substring(e, to))).append(to < text.length() ? "…" : "").append("</span>");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

}
