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
    /** Characters of an article (headline and lead) that go into its embedding. */
    public static final int EMBED_CHARS = 2000;

    private final Linker linker;
    private final StoryGrouper grouper;
    private final Embedder embedder;
    private final List<Article> articles = new ArrayList<>();
    private final List<float[]> embeddings = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Duplicate> duplicates = new ArrayList<>();

    /** @param embedder may be null: stories then rest on lexical evidence alone */
    public Pipeline(Linker linker, StoryGrouper grouper, Embedder embedder) {
        this.linker = linker;
        this.grouper = grouper;
        this.embedder = embedder;
    }

    /** Adds one article and returns its links to the articles added before. */
    public List<Link> add(Article a) {
        List<Link> found = linker.add(a);
        articles.add(a);
        embeddings.add(embedder == null ? null : embedder.embed(embeddingText(a)));
        links.addAll(found);
        return found;
    }

    public void reject(Rejection r) { rejections.add(r); }

    public void duplicate(Duplicate d) { duplicates.add(d); }

    /** The text an article's embedding is made from: its headline and the start of its body. */
    public static String embeddingText(Article a) {
        String body = a.cleanBody().strip();
        if (body.length() > EMBED_CHARS) body = body.substring(0, EMBED_CHARS);
        return a.title() == null ? body : a.title() + ".\n" + body;
    }

    /** Groups the articles added so far into stories and topics. */
    public Analysis analysis() {
        List<Link> verified = linker.pruneCommon(links);
        Groups g = group(grouper, articles, embeddings, verified);
        return new Analysis(articles, g.stories(), g.links(), rejections, duplicates);
    }

    /** Stories over articles and their verified links, and the links in a fixed order. */
    public record Groups(List<Story> stories, List<Link> links) {}

    /**
     * Groups articles into stories and topics with {@code grouper}: the one way every entry point (the
     * embedded pipeline, the Spark job) turns articles and links into stories.
     *
     * @param embeddings one per article, or null when there are none
     */
    public static Groups group(StoryGrouper grouper, List<Article> articles, List<float[]> embeddings, List<Link> links) {
        List<StoryGrouper.Item> items = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            items.add(new StoryGrouper.Item(a.id(), a.title(), a.cleanText(), a.bodyStart(), a.bodyEnd(), a.published(),
                    embeddings == null ? null : embeddings.get(i)));
        }
        StoryGrouper.Grouping g = grouper.group(items, links);
        Map<Integer, List<String>> byStory = new LinkedHashMap<>();
        Map<Integer, Integer> topicOf = new LinkedHashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            byStory.computeIfAbsent(g.story()[i], k -> new ArrayList<>()).add(articles.get(i).id());
            topicOf.put(g.story()[i], g.topic()[i]);
        }
        List<Story> stories = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> e : byStory.entrySet()) {
            stories.add(new Story("s" + (e.getKey() + 1), e.getValue(), "t" + (topicOf.get(e.getKey()) + 1)));
        }
        List<Link> sorted = new ArrayList<>(links);
        sorted.sort((x, y) -> x.a().equals(y.a()) ? x.b().compareTo(y.b()) : x.a().compareTo(y.a()));
        return new Groups(stories, sorted);
    }

    public StoryGrouper grouper() { return grouper; }
    public Linker linker() { return linker; }
}
