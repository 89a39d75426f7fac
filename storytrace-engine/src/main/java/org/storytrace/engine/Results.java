package org.storytrace.engine;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.entity.Entity;
import org.storytrace.core.entity.EntityResolver;
import org.storytrace.core.fact.FactStage;
import org.storytrace.core.model.Analysis;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Duplicate;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Rejection;
import org.storytrace.core.model.Story;
import org.storytrace.core.quote.Quote;
import org.storytrace.core.quote.QuoteGrouper;
import org.storytrace.core.time.TimelineStage;
import org.storytrace.core.time.Timexes;

/**
 * What a run found, as the writers read it: the documents one at a time (read back from the engine's
 * store, never all in memory), the stories, topics, links, rejections and duplicates, and the provenance.
 * A view of the engine that made it: valid until the engine is closed or given more articles.
 */
public final class Results {
    private final int articleCount;
    private final IntFunction<Document> documents;
    private final ToIntFunction<String> indexOf;
    private final List<Story> stories;
    private final List<Link> links;
    private final List<Rejection> rejections;
    private final List<Duplicate> duplicates;
    private final Provenance provenance;
    private final List<ScoredPair> pairs;
    private final Map<String, Map<Layer<?>, Object>> storyLayers;
    private final EntityResolver.Collection entities;
    private final Map<String, List<String>> entitiesByStory;

    /** The evidence on one scored pair of articles, for {@code --explain}. */
    public record ScoredPair(String a, String b, double lexical, double names, double headlines, double semantic, double reuse,
            double score) {}

    /**
     * @param documents the document numbered i, read back
     * @param indexOf   the number of the document with an id, or -1
     */
    public Results(int articleCount, IntFunction<Document> documents, ToIntFunction<String> indexOf, List<Story> stories, List<Link> links,
            List<Rejection> rejections,
                   List<Duplicate> duplicates, Provenance provenance, List<ScoredPair> pairs, Map<String, Map<Layer<?>,
                           Object>> storyLayers) {
        this(articleCount, documents, indexOf, stories, links, rejections, duplicates, provenance, pairs, storyLayers,
                EntityResolver.Collection.EMPTY);
    }

    /** As above, with the collection's entities ({@link EntityResolver#collection}, stories in the order of {@code stories}). */
    public Results(int articleCount, IntFunction<Document> documents, ToIntFunction<String> indexOf, List<Story> stories, List<Link> links,
            List<Rejection> rejections,
                   List<Duplicate> duplicates, Provenance provenance, List<ScoredPair> pairs, Map<String, Map<Layer<?>,
                           Object>> storyLayers,
                   EntityResolver.Collection entities) {
        this.articleCount = articleCount;
        this.documents = documents;
        this.indexOf = indexOf;
        this.stories = owned(stories);
        this.links = owned(links);
        this.rejections = List.copyOf(rejections);
        this.duplicates = List.copyOf(duplicates);
        this.provenance = provenance;
        this.pairs = List.copyOf(pairs);
        this.storyLayers = Map.copyOf(storyLayers);
        this.entities = entities;
        Map<String, List<String>> byStory = new HashMap<>();
        if (!entities.idsByStory().isEmpty()) {
            for (int i = 0; i < this.stories.size(); i++) byStory.put(this.stories.get(i).id(), entities.idsByStory().get(i));
        }
        this.entitiesByStory = byStory;
    }

    /**
     * A list the engine made for these results alone and never changes again, kept as it is behind a read-only
     * view ({@link Engine#update} makes one for each post, and copying hundreds of thousands of stories and links
     * each time was most of what an update cost at a million articles); any other list is copied.
     */
    private static <T> List<T> owned(List<T> list) {
        return list instanceof Owned<T> o ? Collections.unmodifiableList(o.list) : List.copyOf(list);
    }

    /** Marks a list as the engine's own for one {@code Results}: taken without a copy. */
    static final class Owned<T> extends AbstractList<T> implements RandomAccess {
        final List<T> list;

        Owned(List<T> list) { this.list = list; }

        @Override public T get(int i) { return list.get(i); }

        @Override public int size() { return list.size(); }
    }

    /** Whether any story stage ran (the stories then carry layers). */
    public boolean hasStoryLayers() { return !storyLayers.isEmpty(); }

    /** Whether the entity stages ran (the outputs then carry entities). */
    public boolean hasEntities() { return !entities.idsByStory().isEmpty(); }

    /** The collection's entities, in order of first mention (empty when the entity stages did not run). */
    public List<Entity> entities() { return entities.entities(); }

    private Map<String, Entity> entityAt;

    /** The entity with a mention starting at {@code start} in {@code article}, or null (built on first use). */
    public synchronized Entity entityAt(String article, int start) {
        if (start < 0) return null;
        if (entityAt == null) {
            Map<String, Entity> m = new HashMap<>();
            for (Entity e : entities.entities()) for (Entity.At at : e.mentions()) m.put(at.article() + "@" + at.start(), e);
            entityAt = m;
        }
        return entityAt.get(article + "@" + start);
    }

    /** Who said a quote of {@code article}: its speaker's entity's canonical name, else the speaker's words, else null. */
    /** Whether a quote's speaker is, or stands for, a name mention of one of the entities. */
    public boolean namesSpeaker(QuoteGrouper.Item it) { return entityAt(it.article(), it.quote().speakerMention()) != null; }

    public String speakerName(String article, Quote q) {
        Entity e = entityAt(article, q.speakerMention());
        return e != null ? e.canonical() : q.speaker();
    }

    /**
     * The stories a fact of {@code story} rests on, when they are more than that story (a place compared across a
     * topic, {@code FactStage.acrossTopics}): their ids in the order of the fact's values; else an empty list.
     */
    public List<String> storiesOf(String story, FactStage.Fact fact) {
        Set<String> out = new LinkedHashSet<>();
        for (FactStage.Value v : fact.values()) for (String a : v.articles()) {
            String of = storyOf(a);
            if (of != null) out.add(of);
        }
        return out.size() > 1 || !out.isEmpty() && !out.contains(story) ? List.copyOf(out) : List.of();
    }

    private Map<String, String> storyOfArticle;

    /** The id of the story {@code article} belongs to, or null (built on first use). */
    public synchronized String storyOf(String article) {
        if (storyOfArticle == null) {
            Map<String, String> m = new HashMap<>();
            for (Story st : stories) for (String id : st.articles()) m.put(id, st.id());
            storyOfArticle = m;
        }
        return storyOfArticle.get(article);
    }

    /**
     * An article's time expressions as its story resolved them (an undated article against its story's
     * dates), when the timeline stage ran; else those of its own layer, resolved against its own date.
     */
    public Optional<TimelineStage.ArticleTime> timeOf(Document d) {
        String story = storyLayers.isEmpty() ? null : storyOf(d.id());
        if (story != null) {
            Optional<TimelineStage.StoryTime> t = findStoryLayer(story, TimelineStage.LAYER);
            if (t.isPresent()) {
                Optional<TimelineStage.ArticleTime> a = t.get().of(d.id());
                if (a.isPresent()) return a;
            }
        }
        return d.find(Timexes.LAYER).map(x -> TimelineStage.ArticleTime.published(d.id(), x.anchor(), x.list()));
    }

    /** The ids of a story's entities, in order of first mention in the story. */
    public List<String> entitiesOf(String storyId) { return entitiesByStory.getOrDefault(storyId, List.of()); }

    /** Results of an analysis made elsewhere (the Spark job), for the same writers. */
    public static Results of(Analysis a, Provenance provenance) {
        List<Article> articles = a.articles();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) index.put(articles.get(i).id(), i);
        return new Results(articles.size(), i -> Document.of(articles.get(i)), id -> index.getOrDefault(id, -1), a.stories(), a.links(),
                a.rejections(), a.duplicates(),
                provenance, List.of(), Map.of());
    }

    public int articleCount() { return articleCount; }

    /** The number of the document with id {@code id}, or -1. */
    public int indexOf(String id) { return indexOf.applyAsInt(id); }

    /** The document numbered {@code i} (0 for the first article read), with its stored layers. */
    public Document document(int i) {
        if (i < 0 || i >= articleCount) throw new IndexOutOfBoundsException("document " + i + " of " + articleCount);
        return documents.apply(i);
    }

    /** The document with id {@code id}; throws naming it when there is none. */
    public Document expectDocument(String id) {
        int i = indexOf.applyAsInt(id);
        if (i < 0) throw new IllegalArgumentException("no article " + id + " in these results");
        return document(i);
    }

    /**
     * A source of documents that can also give a document's <em>outline</em>: every field and stored layer, its
     * text blank but for its furniture spans (see {@link #outlines}). The engine's documents are one.
     */
    public interface Outlined extends IntFunction<Document> {
        Document outline(int i);
    }

    /**
     * Every document in reading order without its text (blank but for the furniture spans; every other field and
     * stored layer as in {@link #documents}), for listing the articles: a few hundred bytes each to read back
     * where the text is kilobytes. The documents themselves when their source keeps no outlines.
     */
    public Iterable<Document> outlines() {
        return () -> new Iterator<>() {
            private int next;
            @Override public boolean hasNext() { return next < articleCount; }
            @Override public Document next() {
                if (next >= articleCount) throw new NoSuchElementException();
                return outline(next++);
            }
        };
    }

    /** The outline of document {@code i} (see {@link #outlines}); thread-safe as the documents' source is. */
    public Document outline(int i) {
        if (i < 0 || i >= articleCount) throw new IndexOutOfBoundsException("document " + i + " of " + articleCount);
        return documents instanceof Outlined o ? o.outline(i) : documents.apply(i);
    }

    /** Every document in reading order, read back one at a time. */
    public Iterable<Document> documents() {
        return () -> new Iterator<>() {
            private int next;
            @Override public boolean hasNext() { return next < articleCount; }
            @Override public Document next() {
                if (next >= articleCount) throw new NoSuchElementException();
                return documents.apply(next++);
            }
        };
    }

    public List<Story> stories() { return stories; }
    public List<Link> links() { return links; }
    public List<Rejection> rejections() { return rejections; }
    public List<Duplicate> duplicates() { return duplicates; }
    public Provenance provenance() { return provenance; }

    /** What a story stage made of the story {@code storyId}, if that stage ran. */
    public <R> Optional<R> findStoryLayer(String storyId, Layer<R> layer) {
        Map<Layer<?>, Object> m = storyLayers.get(storyId);
        return m == null || !m.containsKey(layer) ? Optional.empty() : Optional.of(layer.type().cast(m.get(layer)));
    }

    /** The scored pairs of the story stage, kept for collections of up to 2,000 articles (else empty). */
    public List<ScoredPair> pairs() { return pairs; }

    /** Everything in memory, texts included: for small collections (evaluations, tests). */
    public Analysis toAnalysis() {
        List<Article> articles = new ArrayList<>(articleCount);
        for (Document d : documents()) articles.add(d.article());
        return new Analysis(articles, stories, links, rejections, duplicates);
    }
}
