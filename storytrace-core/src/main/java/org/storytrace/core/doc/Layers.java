package org.storytrace.core.doc;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** The layers the engine itself makes; the deep tier's modules declare their own keys the same way. */
public final class Layers {
    private Layers() {}

    /** The body's word tokens ({@link TokenLayer}); the engine adds it to every document first. */
    public static final Layer<TokenLayer> TOKENS = Layer.of("tokens", TokenLayer.class);

    /** Sentence boundaries with offsets ({@link Sentences}), from {@link SentenceSplitter}. */
    public static final Layer<Sentences> SENTENCES = Layer.stored("sentences", Sentences.class, new Codec<>() {
        @Override public void write(Sentences s, DataOutput out) throws IOException {
            Codec.writeInts(s.starts(), out);
            Codec.writeInts(s.ends(), out);
            Codec.writeInts(s.firstToken(), out);
            Codec.writeInts(s.endToken(), out);
        }

        @Override public Sentences read(DataInput in) throws IOException {
            return new Sentences(Codec.readInts(in), Codec.readInts(in), Codec.readInts(in), Codec.readInts(in));
        }
    });
}
