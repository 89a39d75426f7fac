package org.storytrace.core.doc;

import java.util.Set;
import org.storytrace.core.pipeline.Embedder;

/**
 * A stage that reads the articles of one story with their layers (a {@link StoryView}) and returns a
 * result about the story as a whole (entities merged across outlets, quote groups, discrepancies). It
 * declares the article layers it {@link #requires}; {@link StagePlan} checks them when it is assembled.
 *
 * @param <R> the story-level result, an immutable record
 */
public interface StoryStage<R> {
    String name();

    /** Article layers every document of the story must carry. */
    Set<Layer<?>> requires();

    /** Story layers an earlier story stage must have made (read with {@link StoryView#find}); none by default. */
    default Set<Layer<?>> requiresStory() { return Set.of(); }

    /** The story-level layer this stage produces. */
    Layer<R> adds();

    R apply(StoryView story);

    default String describe() { return name(); }

    /**
     * This stage with sentence embeddings to use where it can ({@code null}: none); the engine gives its own when it has one.
     * Most stages use none and return themselves.
     */
    default StoryStage<R> withEmbedder(Embedder e) { return this; }
}
