package org.storytrace.core.doc;

import java.util.Set;

/**
 * A stage that reads one document and adds layers to it, as Stanford CoreNLP's annotators do: it declares
 * the layers it {@link #requires} and the ones it {@link #adds}, and {@link StagePlan} refuses, when it is
 * assembled, a stage whose needs no earlier stage meets. Implementations must be thread-safe (the engine
 * runs documents in parallel), deterministic, and must add exactly the layers they declare.
 */
public interface ArticleStage {
    /** A short name for messages and provenance ({@code sentences}). */
    String name();

    /** Layers that must be present before this stage runs. */
    Set<Layer<?>> requires();

    /** Layers this stage adds. */
    Set<Layer<?>> adds();

    /** The document with this stage's layers added. */
    Document apply(Document doc);

    /** This stage's settings, for the provenance block of the outputs. */
    default String describe() { return name(); }
}
