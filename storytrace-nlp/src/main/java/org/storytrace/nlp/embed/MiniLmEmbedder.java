package org.storytrace.nlp.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.storytrace.core.pipeline.Embedder;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised, 384 dimensions) run in-process by ONNX Runtime;
 * the model ships inside its Maven artifact, so nothing is downloaded at run time. Texts longer than the
 * model's window are cut into windows whose embeddings are averaged (langchain4j's own behaviour).
 *
 * <p>Thread-safe. Loading the model takes about a second: build one and share it.
 */
public final class MiniLmEmbedder implements Embedder {
    private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @Override
    public float[] embed(String text) {
        float[] v = model.embed(text.isBlank() ? "." : text).content().vector();
        double n = 0;
        for (float x : v) n += x * x;
        n = Math.sqrt(n);
        if (n > 0) for (int i = 0; i < v.length; i++) v[i] /= (float) n;
        return v;
    }

    @Override public int dimensions() { return 384; }

    @Override public String describe() { return "all-MiniLM-L6-v2 (quantised ONNX, langchain4j 1.19.0-beta29)"; }
}
