package org.storytrace.engine.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.doc.Sentences;
import org.storytrace.core.entity.Entity;
import org.storytrace.core.fact.FactStage;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Duplicate;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Passage;
import org.storytrace.core.model.Span;
import org.storytrace.core.model.Story;
import org.storytrace.core.pipeline.Threads;
import org.storytrace.core.quote.Quote;
import org.storytrace.core.quote.QuoteGroupStage;
import org.storytrace.core.quote.QuoteGrouper;
import org.storytrace.core.summary.SummaryStage;
import org.storytrace.core.time.TimelineStage;
import org.storytrace.core.time.Timex;
import org.storytrace.engine.Provenance;
import org.storytrace.engine.Results;

/**
 * Writes the public {@code stories.json} contract (docs/stories-json.md) as a stream: one article at a
 * time as the results read it back, so writing a million articles needs no more memory than writing ten.
 * The one writer of the contract, for the command line and the Spark job alike.
 */
public final class StoriesJson {
    /** The contract's version; bump the minor for additions, never remove or rename a field. */
    public static final String VERSION = "2.5";

    private static final JsonFactory JSON = new JsonFactory();

    private StoriesJson() {}

    /** The contract as people read it (indented). */
    public static void write(Results r, OutputStream out) throws IOException {
        write(r, out, true);
    }

    /** The contract, indented when {@code pretty}, else compact (for a program that reads it at once: a third fewer bytes). */
    public static void write(Results r, OutputStream out, boolean pretty) throws IOException {
        write(r, out, pretty, ARTICLES_A_CHUNK, Runtime.getRuntime().availableProcessors());
    }

    /** Articles rendered together by one thread, when several render them ({@link #articles}). */
    static final int ARTICLES_A_CHUNK = 2048;

    /** As {@link #write(Results, OutputStream, boolean)}, the articles rendered {@code chunk} at a time on {@code threads} threads. */
    static void write(Results r, OutputStream out, boolean pretty, int chunk, int threads) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            if (pretty) g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("storytrace", VERSION);
            provenance(g, r.provenance());
            g.writeArrayFieldStart("articles");
            articles(g, out, r, pretty, chunk, threads); // the listing needs no texts
            g.writeEndArray();
            g.writeArrayFieldStart("stories");
            Map<String, List<String>> topics = new LinkedHashMap<>();
            for (Story s : r.stories()) {
                story(g, s, r);
                topics.computeIfAbsent(s.topic(), k -> new ArrayList<>()).add(s.id());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("topics");
            for (Map.Entry<String, List<String>> t : topics.entrySet()) topic(g, t.getKey(), t.getValue());
            g.writeEndArray();
            g.writeArrayFieldStart("duplicates");
            for (Duplicate d : r.duplicates()) {
                g.writeStartObject();
                g.writeStringField("path", d.path());
                g.writeStringField("duplicate_of", d.of());
                g.writeStringField("reason", d.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("links");
            for (Link l : r.links()) link(g, l);
            g.writeEndArray();
            if (r.hasEntities()) {
                g.writeArrayFieldStart("entities");
                for (Entity e : r.entities()) entity(g, e);
                g.writeEndArray();
            }
            quotes(r, new QuoteOut() {
                @Override public void begin(String section) throws IOException { g.writeArrayFieldStart(section); }

                @Override public JsonGenerator element(String section) { return g; }

                @Override public void done(String section, JsonGenerator element) { }

                @Override public void end(String section) throws IOException { g.writeEndArray(); }
            });
            g.writeEndObject();
        }
    }

    /**
     * The elements of the {@code articles} array, each from its outline. Why in chunks on several threads (session 29):
     * at a million articles this array is most of the file (~1.2 GB) and writing it was most of the write phase, on one
     * core (~8 s: reading and decoding the outlines, then Jackson). The first chunk goes through {@code g}, so that
     * {@code g} knows its array holds elements; each later chunk is rendered by a generator of its own into bytes, after
     * a stand-in element at the same depth (an object, then the array), so that its bytes start with exactly the
     * separator and indentation {@code g} would have written; the bytes after the stand-in go to {@code out}, chunk by
     * chunk in order, between flushes of {@code g}. The file is byte for byte what one generator writes (tested).
     * At most two chunks a thread are rendered ahead of the one written.
     */
    private static void articles(JsonGenerator g, OutputStream out, Results r, boolean pretty, int chunk, int threads)
            throws IOException {
        int n = r.articleCount();
        if (threads < 2 || n <= chunk) {
            for (Document d : r.outlines()) article(g, d, r);
            return;
        }
        for (int i = 0; i < chunk; i++) article(g, r.outline(i), r);
        g.flush();
        AtomicInteger made = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "storytrace-write-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Chunk>> ahead = new ArrayDeque<>();
            int next = chunk;
            while (next < n || !ahead.isEmpty()) {
                while (next < n && ahead.size() < 2 * threads) {
                    int from = next, to = Math.min(n, next + chunk);
                    ahead.add(pool.submit(() -> chunk(r, from, to, pretty)));
                    next = to;
                }
                Chunk done;
                try {
                    done = Threads.await(ahead.poll());
                } catch (UncheckedIOException e) {
                    throw e.getCause(); // what rendering the chunk here would have thrown
                }
                done.writeArticlesTo(out);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Articles {@code [from, to)} as the elements after the first of the {@code articles} array. */
    private static Chunk chunk(Results r, int from, int to, boolean pretty) throws IOException {
        Chunk c = new Chunk();
        try (JsonGenerator g = JSON.createGenerator(c, JsonEncoding.UTF8)) {
            if (pretty) g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("articles");
            g.writeNumber(0); // the stand-in element
            g.flush();
            c.from = c.size();
            for (int i = from; i < to; i++) article(g, r.outline(i), r);
            g.flush();
            c.to = c.size();
        }
        return c;
    }

    /** A chunk's bytes, and which of them are its articles. */
    private static final class Chunk extends ByteArrayOutputStream {
        int from, to;

        Chunk() { super(1 << 16); }

        void writeArticlesTo(OutputStream out) throws IOException { out.write(buf, from, to - from); }
    }

    private static void story(JsonGenerator g, Story s, Results r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeArrayFieldStart("articles");
        for (String id : s.articles()) g.writeString(id);
        g.writeEndArray();
        g.writeStringField("topic", s.topic());
        if (r.hasEntities()) {
            strings(g, "entities", r.entitiesOf(s.id()));
        }
        var time = r.findStoryLayer(s.id(), TimelineStage.LAYER);
        if (time.isPresent()) timeline(g, time.get());
        var summary = r.findStoryLayer(s.id(), SummaryStage.LAYER);
        if (summary.isPresent()) summary(g, summary.get());
        var facts = r.findStoryLayer(s.id(), FactStage.LAYER);
        if (facts.isPresent()) {
            facts(g, r, s, "discrepancies", facts.get().discrepancies());
            facts(g, r, s, "updates", facts.get().updates());
            facts(g, r, s, "facts", facts.get().facts());
        }
        g.writeEndObject();
    }

    private static void topic(JsonGenerator g, String id, List<String> stories) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeArrayFieldStart("stories");
        for (String s : stories) g.writeString(s);
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Receives elements of the contract's arrays one at a time, each as compact JSON, with its position in its array. */
    public interface ElementSink {
        void element(String section, int ord, String json) throws IOException;
    }

    /**
     * Which elements {@link #elements} renders: by position in the {@code articles}, {@code stories}, {@code topics}
     * and {@code links} arrays ({@link #ALL}, null, for every one);
     * the other arrays (entities, quotes, quote groups: their ids are numbered across the
     * collection, so one new article may renumber them) whole or not at all.
     */
    public record Selection(BitSet articles, BitSet stories, BitSet topics, BitSet links, boolean others, Map<Integer,
            List<String>> topicStories) {
        /** With each selected topic's stories found among all stories. */
        public Selection(BitSet articles, BitSet stories, BitSet topics, BitSet links, boolean others) {
            this(articles, stories, topics, links, others, null);
        }

        /** Every position: for an array given whole. */
        public static final BitSet ALL = null;
    }

    /**
     * The elements {@code which} selects, each rendered as {@link #write} renders it (compact), in the order of the
     * document: what a store that keeps the contract element by element rewrites after an update. How many elements
     * the selectable arrays hold is {@link #sizes}.
     */
    public static void elements(Results r, Selection which, ElementSink sink) throws IOException {
        // only the positions asked are visited: an update touches a few elements of large arrays
        for (int i : positions(which.articles(), r.articleCount())) {
            Document d = r.document(i);
            render(sink, "articles", i, g -> article(g, d, r));
        }
        List<Story> stories = r.stories();
        for (int k : positions(which.stories(), stories.size())) {
            Story s = stories.get(k);
            render(sink, "stories", k, g -> story(g, s, r));
        }
        // topics are numbered in order of first story, as the document lists them: t1 is the first, at position 0
        Map<String, List<String>> topics = new LinkedHashMap<>();
        if (which.topics() != null) for (int t : positions(which.topics(), Integer.MAX_VALUE)) topics.put("t" + (t + 1), new ArrayList<>());
        if (which.topics() != null && which.topicStories() != null) {
            // the caller knows each selected topic's stories: no scan of every story
            for (Map.Entry<Integer, List<String>> e : which.topicStories().entrySet()) {
                List<String> of = topics.get("t" + (e.getKey() + 1));
                if (of != null) of.addAll(e.getValue());
            }
        } else {
            for (Story s : stories) {
                List<String> of = which.topics() == null ? topics.computeIfAbsent(s.topic(), x -> new ArrayList<>())
                        : topics.get(s.topic());
                if (of != null) of.add(s.id());
            }
        }
        int t = 0;
        for (Map.Entry<String, List<String>> e : topics.entrySet()) {
            int ord = which.topics() == null ? t++ : topicPosition(e.getKey());
            if (!e.getValue().isEmpty()) render(sink, "topics", ord, g -> topic(g, e.getKey(), e.getValue()));
        }
        List<Link> links = r.links();
        for (int k : positions(which.links(), links.size())) {
            Link l = links.get(k);
            render(sink, "links", k, g -> link(g, l));
        }
        if (!which.others()) return;
        if (r.hasEntities()) {
            List<Entity> entities = r.entities();
            for (int k = 0; k < entities.size(); k++) {
                Entity e = entities.get(k);
                render(sink, "entities", k, g -> entity(g, e));
            }
        }
        quotes(r, new QuoteOut() {
            private final Map<String, Integer> next = new HashMap<>();
            private StringWriter out;

            @Override public void begin(String section) { }

            @Override public JsonGenerator element(String section) throws IOException {
                out = new StringWriter(256);
                return JSON.createGenerator(out);
            }

            @Override public void done(String section, JsonGenerator g) throws IOException {
                g.close();
                sink.element(section, next.merge(section, 1, Integer::sum) - 1, out.toString());
            }

            @Override public void end(String section) { }
        });
    }

    /** The set positions below {@code size} (every one when {@code bits} is null), ascending. */
    private static int[] positions(BitSet bits, int size) {
        if (bits == null) return IntStream.range(0, size).toArray();
        return bits.stream().filter(i -> i < size).toArray();
    }

    /** The position of topic {@code t12} in the document's topics (11). */
    private static int topicPosition(String id) {
        if (id.length() < 2 || id.charAt(0) != 't') throw new IllegalArgumentException("not a topic id: " + id);
        return Integer.parseInt(id, 1, id.length(), 10) - 1;
    }

    private interface Render {
        void to(JsonGenerator g) throws IOException;
    }

    private static void render(ElementSink sink, String section, int ord, Render what) throws IOException {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            what.to(g);
        }
        sink.element(section, ord, out.toString());
    }

    /** Where {@link #quotes} writes: each array begun and ended, each element on a generator it asks for and says it is done with. */
    private interface QuoteOut {
        void begin(String section) throws IOException;

        JsonGenerator element(String section) throws IOException;

        void done(String section, JsonGenerator element) throws IOException;

        void end(String section) throws IOException;
    }

    private static void provenance(JsonGenerator g, Provenance p) throws IOException {
        if (p == null) return;
        g.writeObjectFieldStart("provenance");
        g.writeStringField("version", p.version());
        g.writeFieldName("settings");
        value(g, p.settings());
        g.writeArrayFieldStart("stages");
        for (String s : p.stages()) g.writeString(s);
        g.writeEndArray();
        g.writeArrayFieldStart("models");
        for (String s : p.models()) g.writeString(s);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(snake(e.getKey().toString()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Integer || v instanceof Long) g.writeNumber(((Number) v).longValue());
        else if (v instanceof Number n) g.writeNumber(n.doubleValue());
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else g.writeString(v.toString());
    }

    /** {@code storyThreshold} as {@code story_threshold}, the contract's field style. */
    static String snake(String camel) {
        StringBuilder b = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) b.append('_').append(Character.toLowerCase(c));
            else b.append(c);
        }
        return b.toString();
    }

    private static void article(JsonGenerator g, Document d, Results r) throws IOException {
        Article a = d.article();
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("path", a.path());
        g.writeStringField("title", a.title());
        g.writeStringField("published", a.published() == null ? null : a.published().toString());
        g.writeStringField("published_evidence", a.publishedEvidence());
        g.writeStringField("source", a.source());
        g.writeStringField("author", a.author());
        g.writeStringField("url", a.url());
        g.writeStringField("outlet", a.outlet());
        g.writeStringField("language", a.language());
        g.writeStringField("format", a.format());
        g.writeStringField("encoding", a.encoding());
        g.writeNumberField("body_start", a.bodyStart());
        g.writeNumberField("body_end", a.bodyEnd());
        g.writeArrayFieldStart("boilerplate");
        for (Span s : a.boilerplate()) {
            g.writeStartObject();
            g.writeNumberField("start", s.start());
            g.writeNumberField("end", s.end());
            g.writeStringField("text", s.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        var sentences = d.find(Layers.SENTENCES);
        if (sentences.isPresent()) {
            Sentences s = sentences.get();
            g.writeArrayFieldStart("sentences");
            for (int i = 0; i < s.size(); i++) {
                g.writeStartArray();
                g.writeNumber(s.starts()[i]);
                g.writeNumber(s.ends()[i]);
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        var time = r.timeOf(d);
        if (time.isPresent()) timex(g, time.get());
        g.writeEndObject();
    }

    /**
     * {@code time_anchor} (the date relative expressions were resolved against and its basis: {@code published},
     * {@code story}, {@code text}, {@code none}) and {@code timex}, the article's time expressions with TimeML values.
     */
    private static void timex(JsonGenerator g, TimelineStage.ArticleTime t) throws IOException {
        g.writeObjectFieldStart("time_anchor");
        g.writeStringField("date", t.anchor() == null ? null : t.anchor().toString());
        g.writeStringField("basis", t.basis());
        g.writeStringField("earliest", t.earliest() == null ? null : t.earliest().toString());
        g.writeStringField("latest", t.latest() == null ? null : t.latest().toString());
        g.writeStringField("confidence", t.confidence());
        g.writeEndObject();
        g.writeArrayFieldStart("timex");
        for (Timex x : t.timexes()) {
            g.writeStartObject();
            g.writeNumberField("start", x.start());
            g.writeNumberField("end", x.end());
            g.writeStringField("text", x.text());
            g.writeStringField("type", x.type().name());
            g.writeStringField("value", x.value());
            if (!x.values().isEmpty()) strings(g, "values", x.values());
            g.writeStringField("anchor", x.anchor());
            if (x.note() != null) g.writeStringField("note", x.note());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A story's {@code summary}: its sentences, each with the articles and spans it is written in. */
    private static void summary(JsonGenerator g, SummaryStage.Summary s) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeArrayFieldStart("sentences");
        for (SummaryStage.Line l : s.sentences()) {
            g.writeStartObject();
            g.writeStringField("text", l.text());
            g.writeArrayFieldStart("citations");
            for (SummaryStage.Citation c : l.citations()) {
                g.writeStartObject();
                at(g, c.article(), c.start(), c.end(), null);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A list of facts: each with its kind, what it is about, and every value with its articles, independent sources and evidence. */
    /**
     * A story's facts; a fact whose values name articles of other stories (a place compared across a topic) lists
     * them all in {@code stories} (2.2).
     */
    private static void facts(JsonGenerator g, Results r, Story story, String field, List<FactStage.Fact> facts) throws IOException {
        g.writeArrayFieldStart(field);
        for (FactStage.Fact f : facts) {
            g.writeStartObject();
            g.writeStringField("kind", f.kind());
            g.writeStringField("fact", f.fact());
            List<String> stories = r.storiesOf(story.id(), f);
            if (!stories.isEmpty()) strings(g, "stories", stories);
            g.writeArrayFieldStart("values");
            for (FactStage.Value v : f.values()) {
                g.writeStartObject();
                g.writeStringField("value", v.value());
                strings(g, "articles", v.articles());
                g.writeNumberField("sources", v.sources());
                g.writeArrayFieldStart("evidence");
                for (FactStage.Evidence e : v.evidence()) {
                    g.writeStartObject();
                    at(g, e.article(), e.start(), e.end(), e.text());
                    if (e.implied()) g.writeBooleanField("implied", true);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A story's {@code timeline}: dated events in order, each with the spans it rests on and the other dates given for it. */
    private static void timeline(JsonGenerator g, TimelineStage.StoryTime t) throws IOException {
        g.writeArrayFieldStart("timeline");
        for (TimelineStage.Event e : t.timeline()) {
            g.writeStartObject();
            g.writeStringField("date", e.date());
            strings(g, "days", e.days());
            g.writeBooleanField("disputed", !e.disputed().isEmpty());
            g.writeArrayFieldStart("mentions");
            for (TimelineStage.Mention m : e.mentions()) {
                g.writeStartObject();
                at(g, m.article(), m.start(), m.end(), m.text());
                g.writeObjectFieldStart("context");
                g.writeNumberField("start", m.contextStart());
                g.writeNumberField("end", m.contextEnd());
                g.writeStringField("text", m.context());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("other_dates");
            for (TimelineStage.Dispute d : e.disputed()) {
                g.writeStartObject();
                g.writeStringField("date", d.date());
                strings(g, "articles", d.articles());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * {@code quotes} and {@code quote_groups}, when the quote stages ran: quotes numbered in story order, then
     * article order, then text order; each speaker linked to the entity of its mention.
     */
    private static void quotes(Results r, QuoteOut out) throws IOException {
        boolean any = false;
        for (Story s : r.stories()) if (r.findStoryLayer(s.id(), QuoteGroupStage.LAYER).isPresent()) { any = true; break; }
        if (!any) return;
        List<String[]> groupRows = new ArrayList<>(); // written after the quotes: id, speaker, quote ids
        List<List<QuoteGrouper.Difference>> groupDiffs = new ArrayList<>();
        List<List<String>> groupQuoteIds = new ArrayList<>();
        int next = 1;
        out.begin("quotes");
        for (Story s : r.stories()) {
            var sq = r.findStoryLayer(s.id(), QuoteGroupStage.LAYER).orElse(null);
            if (sq == null) continue;
            int first = next;
            String[] groupOf = new String[sq.items().size()];
            for (QuoteGrouper.Group grp : sq.groups()) {
                String gid = "g" + (groupRows.size() + 1);
                for (int i : grp.items()) groupOf[i] = gid;
                QuoteGrouper.Item by = sq.items().get(QuoteGrouper.speakerItem(grp, sq.items(), r::namesSpeaker));
                groupRows.add(new String[] {gid, r.speakerName(by.article(), by.quote())});
                List<String> ids = new ArrayList<>();
                for (int i : grp.items()) ids.add("q" + (first + i));
                groupQuoteIds.add(ids);
                groupDiffs.add(grp.differences().stream().map(d -> new QuoteGrouper.Difference(first + d.item(), d.inserted(), d.omitted(),
                        d.changed())).toList());
            }
            for (int i = 0; i < sq.items().size(); i++) {
                QuoteGrouper.Item it = sq.items().get(i);
                Quote q = it.quote();
                JsonGenerator g = out.element("quotes");
                g.writeStartObject();
                g.writeStringField("id", "q" + next++);
                g.writeStringField("article", it.article());
                g.writeNumberField("start", q.start());
                g.writeNumberField("end", q.end());
                g.writeStringField("text", q.text());
                if (q.hasSpeaker()) {
                    Entity e = r.entityAt(it.article(), q.speakerMention());
                    words(g, "speaker", e == null ? null : e.id(), true, q.speaker(), q.speakerStart(), q.speakerEnd());
                } else {
                    g.writeNullField("speaker");
                }
                g.writeStringField("speaker_name", r.speakerName(it.article(), q));
                if (q.hasCue()) words(g, "cue", null, false, q.cue(), q.cueStart(), q.cueEnd());
                else g.writeNullField("cue");
                g.writeStringField("group", groupOf[i]);
                g.writeEndObject();
                out.done("quotes", g);
            }
        }
        out.end("quotes");
        out.begin("quote_groups");
        for (int k = 0; k < groupRows.size(); k++) {
            JsonGenerator g = out.element("quote_groups");
            g.writeStartObject();
            g.writeStringField("id", groupRows.get(k)[0]);
            g.writeStringField("speaker", groupRows.get(k)[1]);
            strings(g, "quotes", groupQuoteIds.get(k));
            g.writeArrayFieldStart("differences");
            for (QuoteGrouper.Difference d : groupDiffs.get(k)) {
                g.writeStartObject();
                g.writeStringField("quote", "q" + d.item());
                strings(g, "inserted", d.inserted());
                strings(g, "omitted", d.omitted());
                g.writeArrayFieldStart("changed");
                for (String[] c : d.changed()) {
                    g.writeStartObject();
                    g.writeStringField("from", c[0]);
                    g.writeStringField("to", c[1]);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            out.done("quote_groups", g);
        }
        out.end("quote_groups");
    }

    /** A run of words as {@code field: {["entity": id,] "text", "start", "end"}} (the entity field only when {@code withEntity}). */
    private static void words(JsonGenerator g, String field, String entity, boolean withEntity, String text, int start,
            int end) throws IOException {
        g.writeObjectFieldStart(field);
        if (withEntity) g.writeStringField("entity", entity);
        g.writeStringField("text", text);
        g.writeNumberField("start", start);
        g.writeNumberField("end", end);
        g.writeEndObject();
    }

        private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    private static void entity(JsonGenerator g, Entity e) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeStringField("type", e.type().name());
        g.writeStringField("canonical", e.canonical());
        g.writeArrayFieldStart("variants");
        for (Entity.Variant v : e.variants()) {
            g.writeStartObject();
            g.writeStringField("text", v.text());
            g.writeNumberField("count", v.count());
            g.writeObjectFieldStart("outlets");
            for (Map.Entry<String, Integer> o : new TreeMap<>(v.outlets()).entrySet()) g.writeNumberField(o.getKey(),
                    o.getValue());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "roles", e.roles());
        spans(g, "mentions", e.mentions());
        spans(g, "references", e.references());
        g.writeEndObject();
    }

    private static void spans(JsonGenerator g, String field, List<Entity.At> spans) throws IOException {
        g.writeArrayFieldStart(field);
        for (Entity.At m : spans) {
            g.writeStartObject();
            at(g, m.article(), m.start(), m.end(), m.text());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * The fields of a span of an article's text, as every list of spans in the contract writes them: article, start, end, and its text if
     * given.
     */
    private static void at(JsonGenerator g, String article, int start, int end, String text) throws IOException {
        g.writeStringField("article", article);
        g.writeNumberField("start", start);
        g.writeNumberField("end", end);
        if (text != null) g.writeStringField("text", text);
    }

    private static void link(JsonGenerator g, Link l) throws IOException {
        g.writeStartObject();
        g.writeStringField("a", l.a());
        g.writeStringField("b", l.b());
        g.writeNumberField("similarity", l.similarity());
        g.writeNumberField("reused_share_a", l.reusedShareA());
        g.writeNumberField("reused_share_b", l.reusedShareB());
        g.writeStringField("direction", Link.Direction.labelOf(l.direction()));
        g.writeArrayFieldStart("passages");
        for (Passage p : l.passages()) {
            g.writeStartObject();
            g.writeNumberField("a_start", p.aStart());
            g.writeNumberField("a_end", p.aEnd());
            g.writeNumberField("b_start", p.bStart());
            g.writeNumberField("b_end", p.bEnd());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
