package org.storytrace.ingest.read;

import org.storytrace.core.model.Rejection;

/** Where readers put what they find: pages, rejections, and what they skipped on purpose (counted). */
public interface Sink {
    void page(Page page);
    void rejected(Rejection rejection);
    /** A record skipped by design (a WARC request, a redirect, a non-HTML response), with the kind of skip. */
    default void skipped(String kind) { }
}
