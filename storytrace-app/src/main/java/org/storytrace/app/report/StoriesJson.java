package org.storytrace.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.storytrace.core.model.Analysis;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Duplicate;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Passage;
import org.storytrace.core.model.Span;
import org.storytrace.core.model.Story;

/** Writes the public {@code stories.json} contract (documented in docs/stories-json.md). */
public final class StoriesJson {
    /** The contract's version; bump the minor for additions, never remove or rename a field. */
    public static final String VERSION = "1.1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StoriesJson() {}

    public static ObjectNode toJson(Analysis analysis) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("storytrace", VERSION);
        ArrayNode articles = root.putArray("articles");
        for (Article a : analysis.articles()) {
            ObjectNode o = articles.addObject();
            o.put("id", a.id());
            o.put("path", a.path());
            o.put("title", a.title());
            o.put("published", a.published() == null ? null : a.published().toString());
            o.put("published_evidence", a.publishedEvidence());
            o.put("source", a.source());
            o.put("author", a.author());
            o.put("url", a.url());
            o.put("outlet", a.outlet());
            o.put("language", a.language());
            o.put("format", a.format());
            o.put("encoding", a.encoding());
            o.put("body_start", a.bodyStart());
            o.put("body_end", a.bodyEnd());
            ArrayNode bp = o.putArray("boilerplate");
            for (Span s : a.boilerplate()) {
                ObjectNode so = bp.addObject();
                so.put("start", s.start());
                so.put("end", s.end());
                so.put("text", s.text());
            }
        }
        ArrayNode stories = root.putArray("stories");
        Map<String, List<String>> topics = new LinkedHashMap<>();
        for (Story s : analysis.stories()) {
            ObjectNode o = stories.addObject();
            o.put("id", s.id());
            ArrayNode ids = o.putArray("articles");
            s.articles().forEach(ids::add);
            o.put("topic", s.topic());
            topics.computeIfAbsent(s.topic(), k -> new java.util.ArrayList<>()).add(s.id());
        }
        ArrayNode topicsNode = root.putArray("topics");
        topics.forEach((t, ss) -> {
            ObjectNode o = topicsNode.addObject();
            o.put("id", t);
            ArrayNode ids = o.putArray("stories");
            ss.forEach(ids::add);
        });
        ArrayNode dups = root.putArray("duplicates");
        for (Duplicate d : analysis.duplicates()) {
            ObjectNode o = dups.addObject();
            o.put("path", d.path());
            o.put("duplicate_of", d.of());
            o.put("reason", d.reason());
        }
        ArrayNode links = root.putArray("links");
        for (Link l : analysis.links()) {
            ObjectNode o = links.addObject();
            o.put("a", l.a());
            o.put("b", l.b());
            o.put("similarity", l.similarity());
            o.put("reused_share_a", l.reusedShareA());
            o.put("reused_share_b", l.reusedShareB());
            o.put("direction", l.direction());
            ArrayNode ps = o.putArray("passages");
            for (Passage p : l.passages()) {
                ObjectNode po = ps.addObject();
                po.put("a_start", p.aStart());
                po.put("a_end", p.aEnd());
                po.put("b_start", p.bStart());
                po.put("b_end", p.bEnd());
            }
        }
        return root;
    }

    public static void write(Analysis analysis, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), toJson(analysis));
    }
}
