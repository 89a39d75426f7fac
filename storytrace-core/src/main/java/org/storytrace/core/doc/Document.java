package org.storytrace.core.doc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.storytrace.core.model.Article;

/**
 * One article and the typed layers the stages added to it (tokens, sentences; mentions, quotes and time
 * expressions from the deep tier). Immutable: {@link #with} returns a new document, so a stage can never
 * change what an earlier one saw. Layers are looked up by key: {@link #expect} when a stage declared it
 * needs the layer (a missing one is a wiring bug), {@link #find} when it is optional.
 */
public final class Document {
    private final Article article;
    private final Map<Layer<?>, Object> layers;

    private Document(Article article, Map<Layer<?>, Object> layers) {
        this.article = article;
        this.layers = layers;
    }

    /** A document with no layers yet. */
    public static Document of(Article article) {
        if (article == null) throw new IllegalArgumentException("a document needs an article");
        return new Document(article, Map.of());
    }

    public Article article() { return article; }
    public String id() { return article.id(); }

    /** The layer's value; throws naming the layer and the article when it is missing. */
    public <T> T expect(Layer<T> layer) {
        Object v = layers.get(layer);
        if (v == null) throw new IllegalStateException("article " + article.id() + " has no " + layer + " layer (the layers it has: "
                + layers.keySet() + ")");
        return layer.cast(v);
    }

    /** The layer's value, if a stage added it. */
    public <T> Optional<T> find(Layer<T> layer) { return Optional.ofNullable(layers.get(layer)).map(layer::cast); }

    public boolean has(Layer<?> layer) { return layers.containsKey(layer); }

    /** The layers present, in the order they were added. */
    public Set<Layer<?>> layers() { return Collections.unmodifiableSet(layers.keySet()); }

    /** A copy with {@code layer} set to {@code value} (replacing an earlier value of it). */
    public <T> Document with(Layer<T> layer, T value) {
        if (value == null) throw new IllegalArgumentException("layer " + layer + " of " + article.id() + ": value must not be null");
        Map<Layer<?>, Object> m = new LinkedHashMap<>(layers);
        m.put(layer, layer.type().cast(value));
        return new Document(article, Collections.unmodifiableMap(m));
    }

    /** A copy without {@code layer}: how the engine drops what no later stage or output needs. */
    public Document without(Layer<?> layer) {
        if (!layers.containsKey(layer)) return this;
        Map<Layer<?>, Object> m = new LinkedHashMap<>(layers);
        m.remove(layer);
        return new Document(article, Collections.unmodifiableMap(m));
    }
}
