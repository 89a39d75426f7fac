package org.storytrace.core.model;

import java.io.Serializable;

/** A stretch {@code [start, end)} of an article's text (UTF-16 offsets), with the text it covers. */
public record Span(int start, int end, String text) implements Serializable {
    public Span {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        if (text == null) throw new IllegalArgumentException("span text must not be null");
    }
}
