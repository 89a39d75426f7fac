package org.storytrace.core.model;

import java.io.Serializable;

/** A passage two articles share: {@code [aStart, aEnd)} in the first's text, {@code [bStart, bEnd)} in the second's. */
public record Passage(int aStart, int aEnd, int bStart, int bEnd) implements Serializable {
    public Passage {
        if (aStart < 0 || aEnd < aStart || bStart < 0 || bEnd < bStart) {
            throw new IllegalArgumentException("bad passage a=[" + aStart + ", " + aEnd + ") b=[" + bStart + ", " + bEnd + ")");
        }
    }
}
