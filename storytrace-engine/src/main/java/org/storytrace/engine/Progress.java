package org.storytrace.engine;

/**
 * Receives the progress of a read: articles and bytes so far against the bytes in all (when known). Called
 * on the reading thread, at most every few thousand articles or a fraction of a second.
 */
public interface Progress {
    /** @param totalBytes bytes of every input, or -1 when some cannot be known (standard input, URLs) */
    default void start(long totalBytes) { }

    void update(long articles, long bytesRead);

    default void finish(long articles, long bytesRead) { }

    Progress NONE = (a, b) -> { };
}
