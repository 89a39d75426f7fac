package org.storytrace.ingest.read;

import java.util.function.Supplier;
import org.storytrace.core.model.Rejection;

/** Where readers put what they find: pages, rejections, and what they skipped on purpose (counted). */
public interface Sink {
    void page(Page page);
    void rejected(Rejection rejection);
    /**
     * A record whose parsing is cheap to defer: {@code make} returns its {@link Page} or the
     * {@link Rejection} that says what is wrong with it, and may run on another thread (it must not touch
     * the reader's state). Its result is handed on in the order records arrived. {@code origin} and
     * {@code position} name the record should making it fail unexpectedly.
     */
    default void later(String origin, String position, Supplier<Parsed> make) {
        Parsed made = make.get();
        if (made instanceof Page p) page(p);
        else rejected(((Parsed.Rejected) made).rejection());
    }

    /** A record skipped by design (a WARC request, a redirect, a non-HTML response), with the kind of skip. */
    default void skipped(String kind) { }
}
