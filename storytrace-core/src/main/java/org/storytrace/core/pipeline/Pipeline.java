package org.storytrace.core.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.storytrace.core.model.Analysis;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Duplicate;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Rejection;
import org.storytrace.core.model.Story;

/**
 * Wires the stages after ingest: link (fingerprint, candidates, alignment) as each article arrives, then
 * cluster (stories and topics) when asked. The CLI, the server and the Spark job all drive this class.
 *
 * <p>Feed articles one at a time with {@link #add}; {@link #analysis} groups what has arrived so far.
 * Not thread-safe.
 */
public final class Pipeline {
    private final Linker linker;
    private final StoryGrouper grouper;
    private final Embedder embedder;
    private final List<Article> articles = new ArrayList<>();
    private final java.util.Map<String, float[]> embeddings = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Duplicate> duplicates = new ArrayList<>();

    private final boolean parallel;

    /**
     * @param embedder may be null: stories then rest on lexical evidence alone
     * @param parallel link batches on the common (or the caller's) fork-join pool; results do not change
     */
    public Pipeline(Linker linker, StoryGrouper grouper, Embedder embedder, boolean parallel) {
        this.linker = linker;
        this.grouper = grouper;
        this.embedder = embedder;
        this.parallel = parallel;
    }

    public Pipeline(Linker linker, StoryGrouper grouper, Embedder embedder) { this(linker, grouper, embedder, false); }

    /** Adds one article and returns its links to the articles added before. */
    public List<Link> add(Article a) {
        List<Link> found = linker.add(a);
        articles.add(a);
        links.addAll(found);
        return found;
    }

    /** Adds articles in order, as {@link #add} on each would; returns their links. */
    public List<Link> addAll(List<Article> batch) {
        List<Link> found = linker.addAll(batch, parallel);
        articles.addAll(batch);
        links.addAll(found);
        return found;
    }

    public void reject(Rejection r) { rejections.add(r); }

    public void duplicate(Duplicate d) { duplicates.add(d); }

    /** Groups the articles added so far into stories and topics. */
    public Analysis analysis() {
        linker.compact();
        List<Link> verified = linker.pruneCommon(links);
        Groups g = group(grouper, articles, cachingEmbedder(), verified);
        return new Analysis(articles, g.stories(), g.links(), rejections, duplicates);
    }

    /** Stories over articles and their verified links, the links in a fixed order, and how many articles were embedded. */
    public record Groups(List<Story> stories, List<Link> links, int embedded) {}

    /** The embedder behind a cache by text, so an article embedded for one analysis is not embedded again. */
    private Embedder cachingEmbedder() {
        if (embedder == null) return null;
        return new Embedder() {
            @Override public float[] embed(String text) { return embeddings.computeIfAbsent(text, embedder::embed); }
            @Override public int dimensions() { return embedder.dimensions(); }
            @Override public String describe() { return embedder.describe(); }
        };
    }

    /**
     * Groups articles into stories and topics with {@code grouper}: the one way every entry point (the
     * embedded pipeline, the Spark job) turns articles and links into stories.
     *
     * @param embedder null for lexical evidence alone
     */
    public static Groups group(StoryGrouper grouper, List<Article> articles, Embedder embedder, List<Link> links) {
        List<StoryGrouper.Item> items = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            items.add(new StoryGrouper.Item(a.id(), a.title(), a.cleanText(), a.bodyStart(), a.bodyEnd(), a.published(), null));
        }
        StoryGrouper.Grouping g = grouper.group(items, links, embedder);
        List<String> ids = new ArrayList<>(articles.size());
        for (Article a : articles) ids.add(a.id());
        List<Story> stories = stories(ids, g.story(), g.topic());
        return new Groups(stories, sorted(links), g.embedded());
    }

    /** Stories from labels per article (numbered from 0 in order of first article): ids s1, s2, ... with topics t1, t2, ... */
    public static List<Story> stories(List<String> ids, int[] story, int[] topic) {
        Map<Integer, List<String>> byStory = new LinkedHashMap<>();
        Map<Integer, Integer> topicOf = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byStory.computeIfAbsent(story[i], k -> new ArrayList<>()).add(ids.get(i));
            topicOf.put(story[i], topic[i]);
        }
        List<Story> stories = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> e : byStory.entrySet()) {
            stories.add(new Story("s" + (e.getKey() + 1), e.getValue(), "t" + (topicOf.get(e.getKey()) + 1)));
        }
        return stories;
    }

    /** Links in the fixed order of the output: by first article id, then second. */
    public static List<Link> sorted(List<Link> links) {
        List<Link> sorted = new ArrayList<>(links);
        sorted.sort((x, y) -> x.a().equals(y.a()) ? x.b().compareTo(y.b()) : x.a().compareTo(y.a()));
        return sorted;
    }

    public StoryGrouper grouper() { return grouper; }
    public Linker linker() { return linker; }
}
