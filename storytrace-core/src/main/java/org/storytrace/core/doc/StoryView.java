package org.storytrace.core.doc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.storytrace.core.model.Link;

/**
 * The articles of one story, with their layers, as a story-level stage sees them: documents in story
 * order (the order of the story's article ids), the reuse links between them, and the story layers the
 * story stages before this one made ({@link #find}). Immutable: {@link #with} returns a new view.
 *
 * @param storyId   the story's id ({@code s1})
 * @param documents the story's articles
 * @param links     the verified reuse links between two of its articles (an article copied from another is not an independent source)
 * @param layers    story layers made by earlier story stages
 */
public record StoryView(String storyId, List<Document> documents, List<Link> links, Map<Layer<?>, Object> layers) {
    public StoryView {
        if (storyId == null) throw new IllegalArgumentException("a story view needs the story's id");
        documents = List.copyOf(documents);
        links = links == null ? List.of() : List.copyOf(links);
        layers = layers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(layers));
    }

    /** A view of the documents alone, with no links and no story layers yet. */
    public StoryView(String storyId, List<Document> documents) { this(storyId, documents, List.of(), Map.of()); }

    /** The story layer an earlier story stage made, if it ran. */
    public <R> Optional<R> find(Layer<R> layer) {
        Object v = layers.get(layer);
        return v == null ? Optional.empty() : Optional.of(layer.type().cast(v));
    }

    /** A copy with {@code layer} set to {@code value}: how the engine hands one stage's result to the next. */
    public <R> StoryView with(Layer<R> layer, R value) {
        Map<Layer<?>, Object> m = new LinkedHashMap<>(layers);
        m.put(layer, layer.type().cast(value));
        return new StoryView(storyId, documents, links, m);
    }
}
