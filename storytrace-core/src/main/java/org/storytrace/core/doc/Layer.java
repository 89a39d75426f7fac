package org.storytrace.core.doc;

import java.util.Objects;
import java.util.Optional;

/**
 * The key of one typed layer of a {@link Document}: tokens, sentences, and (from the deep tier) mentions,
 * quotes, time expressions. Two layers are the same layer when their names are equal; the type says what
 * {@link Document#expect} returns for it.
 *
 * @param <T> the layer's value, an immutable record
 */
public final class Layer<T> {
    private final String name;
    private final Class<T> type;
    private final Codec<T> codec;

    private Layer(String name, Class<T> type, Codec<T> codec) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a layer needs a name");
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
        this.codec = codec;
    }

    /** A layer named {@code name} holding values of {@code type}, kept only while its document is in memory. */
    public static <T> Layer<T> of(String name, Class<T> type) { return new Layer<>(name, type, null); }

    /** A layer the engine keeps in its document store with {@code codec}, for story stages and the outputs. */
    public static <T> Layer<T> stored(String name, Class<T> type, Codec<T> codec) {
        return new Layer<>(name, type, Objects.requireNonNull(codec, "codec"));
    }

    public String name() { return name; }
    public Class<T> type() { return type; }

    /** The codec that stores this layer, if it is stored. */
    public Optional<Codec<T>> codec() { return Optional.ofNullable(codec); }

    T cast(Object o) { return type.cast(o); }

    @Override public boolean equals(Object o) { return o instanceof Layer<?> l && l.name.equals(name); }
    @Override public int hashCode() { return name.hashCode(); }
    @Override public String toString() { return name; }
}
